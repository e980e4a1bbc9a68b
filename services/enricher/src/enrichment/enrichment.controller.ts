import { Controller, Inject, OnApplicationBootstrap, OnApplicationShutdown, UseFilters } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { EventTypes, type ArticleReceivedPayload, type TopicSet } from '@wirestream/contracts';
import {
  ensureTopics,
  EventPublisher,
  KAFKA,
  KafkaBatchContext,
  KafkaBatchErrorsFilter,
  TOPICS,
  parseEnvelope,
  type BatchFailures,
  type IncomingMessage,
  splitIntoRequests,
  type Kafka,
  type TopicRole,
} from '@wirestream/kafka';
import { MetricsRegistry } from '@wirestream/platform';
import { EnrichmentService } from './enrichment.service';

/**
 * Consumes `articles.raw.v1` in batches (through `KafkaBatchServer`), produces `articles.enriched.v1`. The offsets
 * are committed only after the enriched events are acknowledged, so a crash re-enriches (same output, same event
 * id) instead of losing.
 */
@Controller()
@UseFilters(KafkaBatchErrorsFilter)
export class EnrichmentController implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly enriched;
  private readonly duration;

  constructor(
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(TOPICS) private readonly topics: TopicSet,
    private readonly publisher: EventPublisher,
    private readonly enrichment: EnrichmentService,
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

  /** Before the transport starts consuming: the worker pool is warm and the topic it produces to exists. */
  async onApplicationBootstrap(): Promise<void> {
    await this.enrichment.start();
    await ensureTopics(this.kafka, [{ topic: this.topics.enriched }]);
  }

  /**
   * One fetch batch: every message is parsed and enriched in parallel on the worker pool; the results are published
   * in offset order (so per key) in one send, then the consumer commits once. A message that fails (malformed,
   * enrich error, over its time budget, too large) is returned as a failure and dead-lettered alone.
   */
  @EventPattern<TopicRole>('raw')
  async handleBatch(@Payload() messages: IncomingMessage[], @Ctx() context: KafkaBatchContext): Promise<BatchFailures> {
    const failures: BatchFailures = new Map();
    const results = await Promise.all(
      messages.map(async (message) => {
        try {
          const stop = this.duration.startTimer();
          const event = parseEnvelope<ArticleReceivedPayload>(message, EventTypes.articleReceived);
          const outgoing = await this.enrichment.enrich(event);
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
    context.getLogger().info({ enriched: published.length, failed: failures.size }, 'batch enriched');
    return failures;
  }

  /** After the transport has stopped (a batch in hand finished on the pool) — Nest closes it before this hook. */
  async onApplicationShutdown(): Promise<void> {
    await this.enrichment.close();
  }
}
