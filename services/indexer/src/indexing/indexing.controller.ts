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
import { INDEXER_CONFIG, type IndexerConfig } from '../config/indexer.config';
import { ARTICLE_SEARCH_ENGINE } from '../search-engine/search-engine.module';
import type { DeferredSearchEngine } from '../search-engine/deferred-search-engine';
import { IndexingService } from './indexing.service';

/**
 * Batches of different partitions are handled at once, so one partition's Postgres transaction overlaps another's
 * bulk request. Per-key order holds (a key maps to one partition); near-duplicates in concurrent batches are
 * serialised by the band-key advisory locks (taken first, in one global order), so clustering stays as if serial.
 */
export const PARTITIONS_CONSUMED_CONCURRENTLY = 3;

/** Consumes `articles.enriched.v1` in batches (one bulk request per batch); offsets move only after Postgres and the engine have it. */
@Injectable()
export class IndexingConsumer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private consumer: ReliableConsumer | null = null;
  private stopping = false;
  private readonly deadLettered;
  private readonly batchSize;

  constructor(
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(TOPICS) private readonly topics: TopicSet,
    private readonly publisher: EventPublisher,
    private readonly indexing: IndexingService,
    @Inject(INDEXER_CONFIG) private readonly config: IndexerConfig,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
    private readonly metrics: MetricsRegistry,
    private readonly health: HealthRegistry,
    @Inject(ARTICLE_SEARCH_ENGINE) private readonly engine: DeferredSearchEngine,
  ) {
    this.deadLettered = this.metrics.counter('wirestream_indexer_dead_lettered_total', 'Messages sent to the DLQ');
    this.batchSize = this.metrics.histogram(
      'wirestream_index_batch_size',
      'Events per indexing batch',
      [],
      [1, 10, 50, 100, 500, 1000, 2000],
    );
  }

  /**
   * The topics are made now; consuming starts once the engine is set up, so an indexer started while the engine is
   * down runs (not ready) and begins on its own when the engine appears, instead of retrying every batch into the DLQ.
   */
  async onApplicationBootstrap(): Promise<void> {
    await ensureTopics(this.kafka, [
      { topic: this.topics.enriched },
      { topic: deadLetterTopic(this.topics.enriched) },
      { topic: this.topics.indexed },
    ]);
    if (this.engine.isReady) return this.startConsuming();
    this.health.register('consumer:waiting-for-search-engine', () =>
      Promise.reject(new Error('the consumer starts once the search engine is set up')),
    );
    void this.engine
      .whenReady()
      .then(() => {
        this.health.unregister('consumer:waiting-for-search-engine');
        return this.stopping ? undefined : this.startConsuming();
      })
      .catch((error: unknown) => exitForSupervisor(this.logger, error));
  }

  private async startConsuming(): Promise<void> {
    this.consumer = new ReliableConsumer({
      kafka: this.kafka,
      groupId: this.config.INDEXER_GROUP_ID,
      topic: this.topics.enriched,
      logger: this.logger.child({ component: 'indexing-consumer' }),
      publisher: this.publisher,
      sessionTimeoutMs: this.config.KAFKA_SESSION_TIMEOUT_MS,
      retry: { maxAttempts: this.config.INDEXER_MAX_ATTEMPTS, baseDelayMs: 250, maxDelayMs: 30000 },
      onDeadLetter: () => this.deadLettered.inc(),
      batch: {
        maxBytesPerPartition: this.config.INDEXER_MAX_BATCH_BYTES,
        maxWaitTimeInMs: this.config.INDEXER_LINGER_MS,
      },
      partitionsConsumedConcurrently: PARTITIONS_CONSUMED_CONCURRENTLY,
      metrics: this.metrics,
      health: this.health,
      onGiveUp: (error) => exitForSupervisor(this.logger, error),
    });
    await this.consumer.start({
      batch: (messages, log) => {
        this.batchSize.observe(messages.length);
        return this.indexing.indexBatch(messages, log);
      },
    });
  }

  /**
   * Before the shutdown hooks: the batch in hand finishes and commits while Postgres, the producer and the engine
   * (closed in their modules' onApplicationShutdown) are still open; a SIGTERM redoes nothing.
   */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await this.consumer?.stop();
  }
}
