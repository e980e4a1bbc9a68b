import { Inject, Injectable, OnApplicationBootstrap, BeforeApplicationShutdown } from '@nestjs/common';
import { deadLetterTopic, EventTypes, type ArticleReceivedPayload, type TopicSet } from '@wirestream/contracts';
import {
  ensureTopics,
  EventPublisher,
  exitForSupervisor,
  KAFKA,
  TOPICS,
  parseEnvelope,
  ReliableConsumer,
  type IncomingMessage,
  splitIntoRequests,
  type Kafka,
} from '@wirestream/kafka';
import { HealthRegistry, MetricsRegistry, ROOT_LOGGER, type Logger } from '@wirestream/platform';
import { ENRICHER_CONFIG, type EnricherConfig } from '../config/enricher.config';
import { EnrichmentService } from './enrichment.service';

/**
 * Consumes `articles.raw.v1` in batches, produces `articles.enriched.v1`. The offsets are committed only after the
 * enriched events are acknowledged, so a crash re-enriches (same output, same event id) instead of losing.
 */
@Injectable()
export class EnrichmentConsumer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private consumer: ReliableConsumer | null = null;
  private readonly enriched;
  private readonly deadLettered;
  private readonly duration;

  constructor(
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(TOPICS) private readonly topics: TopicSet,
    private readonly publisher: EventPublisher,
    private readonly enrichment: EnrichmentService,
    @Inject(ENRICHER_CONFIG) private readonly config: EnricherConfig,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
    private readonly metrics: MetricsRegistry,
    private readonly health: HealthRegistry,
  ) {
    this.enriched = this.metrics.counter('wirestream_enriched_total', 'Articles enriched');
    this.deadLettered = this.metrics.counter('wirestream_enricher_dead_lettered_total', 'Messages sent to the DLQ');
    this.duration = this.metrics.histogram(
      'wirestream_enrich_seconds',
      'Time to enrich one article',
      [],
      [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1],
    );
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.enrichment.start();
    await ensureTopics(this.kafka, [
      { topic: this.topics.raw },
      { topic: deadLetterTopic(this.topics.raw) },
      { topic: this.topics.enriched },
    ]);
    this.consumer = new ReliableConsumer({
      kafka: this.kafka,
      groupId: this.config.ENRICHER_GROUP_ID,
      topic: this.topics.raw,
      logger: this.logger.child({ component: 'enrichment-consumer' }),
      publisher: this.publisher,
      sessionTimeoutMs: this.config.KAFKA_SESSION_TIMEOUT_MS,
      retry: { maxAttempts: this.config.ENRICHER_MAX_ATTEMPTS, baseDelayMs: 250, maxDelayMs: 30000 },
      onDeadLetter: () => this.deadLettered.inc(),
      batch: { maxBytesPerPartition: this.config.ENRICHER_MAX_BATCH_BYTES },
      // More partitions than workers in flight, so the pool stays busy while another batch publishes.
      partitionsConsumedConcurrently: Math.max(2, this.config.ENRICHER_WORKERS),
      metrics: this.metrics,
      health: this.health,
      onGiveUp: (error) => exitForSupervisor(this.logger, error),
    });
    await this.consumer.start({ batch: (messages, log) => this.handleBatch(messages, log) });
  }

  /**
   * One fetch batch: every message is parsed and enriched in parallel on the worker pool; the results are published
   * in offset order (so per key) in one send, then the consumer commits once. A message that fails (malformed,
   * enrich error, over its time budget, too large) is returned as a failure and dead-lettered alone.
   */
  private async handleBatch(messages: IncomingMessage[], log: Logger): Promise<Map<IncomingMessage, unknown>> {
    const failures = new Map<IncomingMessage, unknown>();
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
    log.info({ enriched: published.length, failed: failures.size }, 'batch enriched');
    return failures;
  }

  /**
   * Before the shutdown hooks: the batch in hand finishes and commits while Postgres, the producer and the engine
   * (closed in their modules' onApplicationShutdown) are still open; a SIGTERM redoes nothing.
   */
  async beforeApplicationShutdown(): Promise<void> {
    await this.consumer?.stop();
    await this.enrichment.close();
  }
}
