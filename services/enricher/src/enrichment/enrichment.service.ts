import { Inject, Injectable } from '@nestjs/common';
import {
  EventTypes,
  type TopicSet,
  type ArticleEnrichedPayload,
  type ArticleReceivedPayload,
  type EventEnvelope,
  type ParsedItem,
  type Reenrichment,
} from '@wirestream/contracts';
import type { EnrichArticleInput } from '@wirestream/enrichment';
import { parseIngestBody, uuidV5, WIRESTREAM_ARTICLE_NAMESPACE } from '@wirestream/formats';
import {
  createEnvelope,
  EventPublisher,
  MalformedEventError,
  parseEnvelope,
  splitIntoRequests,
  TOPICS,
  type IncomingMessage,
  type OutgoingEvent,
} from '@wirestream/kafka';
import { MetricsRegistry, type Logger } from '@wirestream/platform';
import { EnrichPool } from './enrich-pool';

/** A small text item that boots each worker (see `EnrichPool.warmUp`). */
function warmUpInput(): EnrichArticleInput {
  const [item] = parseIngestBody({
    bytes: Buffer.from('Warm-up\n\nOne short paragraph to enrich.'),
    contentType: 'text/plain',
  }).items;
  return {
    id: '00000000-0000-5000-8000-000000000000',
    version: 1,
    source: { id: 'warm-up', name: 'Warm-up' },
    item: item!,
    ingestedAt: '2026-01-01T00:00:00.000Z',
    now: '2026-01-01T00:00:00.000Z',
  };
}

/**
 * Turns `article.received` events into `article.enriched` events, enriching on the worker pool, and publishes a
 * batch of them; decides which messages of a batch failed (and with what), for the consumer to retry or dead-letter.
 */
@Injectable()
export class EnrichmentService {
  private readonly enriched;
  private readonly duration;

  constructor(
    @Inject(TOPICS) private readonly topics: TopicSet,
    private readonly pool: EnrichPool,
    private readonly publisher: EventPublisher,
    metrics: MetricsRegistry,
  ) {
    this.enriched = metrics.counter('wirestream_enriched_total', 'Articles enriched');
    this.duration = metrics.histogram(
      'wirestream_enrich_seconds',
      'Time to enrich one article',
      [],
      [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1],
    );
  }

  start(): Promise<void> {
    return this.pool.warmUp(warmUpInput());
  }

  close(): Promise<void> {
    return this.pool.close();
  }

  /**
   * One fetch batch: every message is parsed and enriched in parallel on the worker pool; the results are published
   * in offset order (so per key) in as few sends as fit, and the failures are returned. A message that fails
   * (malformed, enrich error, over its time budget, too large) fails alone; a failed send fails its request and every
   * later one.
   */
  async enrichBatch(messages: IncomingMessage[], log: Logger): Promise<Map<IncomingMessage, unknown>> {
    const failures = new Map<IncomingMessage, unknown>();
    const started = performance.now();
    const results = await Promise.all(
      messages.map(async (message) => {
        try {
          const stop = this.duration.startTimer();
          const event = parseEnvelope<ArticleReceivedPayload>(message, EventTypes.articleReceived);
          const outgoing = await this.enrich(event);
          stop();
          // Serialized and size-checked once, here, so an event too large for any topic fails alone (event-too-large).
          return { message, prepared: this.publisher.prepare(outgoing) };
        } catch (error) {
          failures.set(message, error);
          return null;
        }
      }),
    );
    const ready = results.filter((r) => r !== null);
    const messageOf = new Map(ready.map((r) => [r.prepared, r.message]));
    const requests = splitIntoRequests(ready.map((r) => r.prepared));
    for (const [at, request] of requests.entries()) {
      try {
        await this.publisher.sendPrepared(request);
      } catch (error) {
        // This request and every later one fail together: publishing later ones now could put a key's newer
        // version ahead of its older one.
        for (const later of requests.slice(at))
          for (const prepared of later) failures.set(messageOf.get(prepared)!, error);
        break;
      }
    }
    const published = ready.filter((r) => !failures.has(r.message));
    this.enriched.inc(published.length);
    log.info(
      { enriched: published.length, failed: failures.size, ms: Math.round(performance.now() - started) },
      'batch enriched',
    );
    return failures;
  }

  async enrich(event: EventEnvelope<ArticleReceivedPayload>, now: Date = new Date()): Promise<OutgoingEvent> {
    const payload = validateReceivedPayload(event);
    const reenrichment = reenrichmentOf(event);
    const article = await this.pool.enrich({
      id: event.articleId,
      version: event.version,
      source: payload.source,
      item: payload.item,
      ingestedAt: payload.receivedAt,
      now: now.toISOString(),
    });
    const envelope = createEnvelope<ArticleEnrichedPayload>({
      type: EventTypes.articleEnriched,
      articleId: event.articleId,
      version: event.version,
      payload: article,
      traceId: event.traceId,
      // Deterministic: a redelivered raw event yields the same enriched event id, so the indexer skips it.
      eventId: uuidV5(`enriched:${event.eventId}`, WIRESTREAM_ARTICLE_NAMESPACE),
    });
    // A re-enrichment stays one downstream: the indexer may then replace the stored document of this version.
    return { topic: this.topics.enriched, envelope: reenrichment ? { ...envelope, reenrichment } : envelope };
  }
}

/** The event's re-enrichment marker, or null; a malformed one is refused (it would decide what the indexer overwrites). */
function reenrichmentOf(event: EventEnvelope<unknown>): Reenrichment | null {
  const marker = event.reenrichment as unknown;
  if (marker === undefined || marker === null) return null;
  const runId = (marker as Partial<Reenrichment>).runId;
  if (typeof marker !== 'object' || typeof runId !== 'string' || !runId || runId.length > 100)
    throw new MalformedEventError('reenrichment must be an object with a runId string of 1-100 characters');
  return { runId };
}

function validateReceivedPayload(event: EventEnvelope<ArticleReceivedPayload>): ArticleReceivedPayload {
  const p = event.payload as Partial<ArticleReceivedPayload> | null;
  const problems: string[] = [];
  if (!p || typeof p !== 'object') throw new MalformedEventError('payload must be an object');
  if (!p.source || typeof p.source.id !== 'string') problems.push('payload.source.id must be a string');
  if (typeof p.receivedAt !== 'string') problems.push('payload.receivedAt must be a string');
  const item = p.item as Partial<ParsedItem> | undefined;
  if (!item || typeof item !== 'object') problems.push('payload.item must be an object');
  else {
    if (typeof item.content !== 'string') problems.push('payload.item.content must be a string');
    if (item.contentType !== 'html' && item.contentType !== 'text')
      problems.push('payload.item.contentType must be html or text');
    // (A hint that does not fit its page is ignored by the enrichment: the page is then read again.)
    if (item.textLayout !== undefined && item.textLayout !== null && typeof item.textLayout !== 'string')
      problems.push('payload.item.textLayout must be a string when present');
  }
  if (problems.length) throw new MalformedEventError(problems.join('; '));
  return p as ArticleReceivedPayload;
}
