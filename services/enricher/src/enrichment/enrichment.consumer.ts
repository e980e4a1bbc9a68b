import { Inject, Injectable, OnApplicationBootstrap, BeforeApplicationShutdown } from '@nestjs/common';
import { deadLetterTopic, type TopicSet } from '@wirestream/contracts';
import {
  ensureTopics,
  EventPublisher,
  exitForSupervisor,
  KAFKA,
  TOPICS,
  ReliableConsumer,
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
  private readonly deadLettered;

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
    this.deadLettered = this.metrics.counter('wirestream_enricher_dead_lettered_total', 'Messages sent to the DLQ');
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
    await this.consumer.start({ batch: (messages, log) => this.enrichment.enrichBatch(messages, log) });
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
