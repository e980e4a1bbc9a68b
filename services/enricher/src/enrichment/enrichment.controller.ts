import { Controller, Inject, OnApplicationBootstrap, OnApplicationShutdown, UseFilters } from '@nestjs/common';
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
import { EnrichmentService } from './enrichment.service';

/**
 * Consumes `articles.raw.v1` in batches (through `KafkaBatchServer`), produces `articles.enriched.v1`. The offsets
 * are committed only after the enriched events are acknowledged, so a crash re-enriches (same output, same event
 * id) instead of losing.
 */
@Controller()
@UseFilters(KafkaBatchErrorsFilter)
export class EnrichmentController implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(TOPICS) private readonly topics: TopicSet,
    private readonly enrichment: EnrichmentService,
  ) {}

  /** Before the transport starts consuming: the worker pool is warm and the topic it produces to exists. */
  async onApplicationBootstrap(): Promise<void> {
    await this.enrichment.start();
    await ensureTopics(this.kafka, [{ topic: this.topics.enriched }]);
  }

  /**
   * One fetch batch, enriched on the worker pool and published in one send (EnrichmentService.enrichBatch); the
   * messages that failed are returned and dead-lettered alone, then the consumer commits once.
   */
  @EventPattern<TopicRole>('raw')
  handleBatch(@Payload() messages: IncomingMessage[], @Ctx() context: KafkaBatchContext): Promise<BatchFailures> {
    return this.enrichment.enrichBatch(messages, context.getLogger());
  }

  /** After the transport has stopped (a batch in hand finished on the pool) — Nest closes it before this hook. */
  async onApplicationShutdown(): Promise<void> {
    await this.enrichment.close();
  }
}
