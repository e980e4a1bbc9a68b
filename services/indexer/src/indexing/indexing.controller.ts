import { Controller, Inject, OnApplicationBootstrap, UseFilters } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { TopicSet } from '@wirestream/contracts';
import {
  ensureTopics,
  KAFKA,
  KafkaBatchContext,
  KafkaBatchErrorsFilter,
  TOPICS,
  type BatchFailures,
  type IncomingMessage,
  type Kafka,
  type TopicRole,
} from '@wirestream/kafka';
import { MetricsRegistry } from '@wirestream/platform';
import { IndexingService } from './indexing.service';

/**
 * Consumes `articles.enriched.v1` in batches (through `KafkaBatchServer`; one bulk request per batch); offsets move
 * only after Postgres and the engine have it. Consuming starts once the search engine is set up (see
 * `indexingConsumers`).
 */
@Controller()
@UseFilters(KafkaBatchErrorsFilter)
export class IndexingController implements OnApplicationBootstrap {
  private readonly batchSize;

  constructor(
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(TOPICS) private readonly topics: TopicSet,
    private readonly indexing: IndexingService,
    metrics: MetricsRegistry,
  ) {
    this.batchSize = metrics.histogram(
      'wirestream_index_batch_size',
      'Events per indexing batch',
      [],
      [1, 10, 50, 100, 500, 1000, 2000],
    );
  }

  /** The topic it produces to exists before the transport starts consuming. */
  async onApplicationBootstrap(): Promise<void> {
    await ensureTopics(this.kafka, [{ topic: this.topics.indexed }]);
  }

  @EventPattern<TopicRole>('enriched')
  indexBatch(@Payload() messages: IncomingMessage[], @Ctx() context: KafkaBatchContext): Promise<BatchFailures> {
    this.batchSize.observe(messages.length);
    return this.indexing.indexBatch(messages, context.getLogger());
  }
}
