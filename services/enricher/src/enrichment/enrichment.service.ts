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
import { createEnvelope, MalformedEventError, TOPICS, type OutgoingEvent } from '@wirestream/kafka';
import { ENRICHER_CONFIG, type EnricherConfig } from '../config/enricher.config';
import { ENRICH_TASK, EnrichPool } from './enrich-pool';

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

/** Turns one `article.received` event into one `article.enriched` event, enriching on the worker pool. Pure apart from the clock. */
@Injectable()
export class EnrichmentService {
  private readonly pool: EnrichPool;

  constructor(
    @Inject(TOPICS) private readonly topics: TopicSet,
    @Inject(ENRICHER_CONFIG) config: EnricherConfig,
    @Inject(ENRICH_TASK) taskModule: string,
  ) {
    this.pool = new EnrichPool({
      taskModule,
      threads: config.ENRICHER_WORKERS,
      itemTimeoutMs: config.ENRICH_ITEM_TIMEOUT_MS,
    });
  }

  start(): Promise<void> {
    return this.pool.warmUp(warmUpInput());
  }

  close(): Promise<void> {
    return this.pool.close();
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
  }
  if (problems.length) throw new MalformedEventError(problems.join('; '));
  return p as ArticleReceivedPayload;
}
