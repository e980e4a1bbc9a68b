import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { deadLetterTopic, EventTypes, type ArticleReceivedPayload, type TopicSet } from '@wirestream/contracts';
import { ensureTopics, EventPublisher, exitForSupervisor, KAFKA, TOPICS, parseEnvelope, ReliableConsumer, type IncomingMessage, type Kafka } from '@wirestream/kafka';
import { HealthRegistry, MetricsRegistry, ROOT_LOGGER, type Logger } from '@wirestream/platform';
import { ENRICHER_CONFIG, type EnricherConfig } from '../config/enricher.config';
import { EnrichmentService } from './enrichment.service';

/**
 * Consumes `articles.raw.v1`, produces `articles.enriched.v1`. The offset is committed only after the
 * enriched event is acknowledged, so a crash re-enriches (same output, same event id) instead of losing.
 */
@Injectable()
export class EnrichmentConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
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
    this.duration = this.metrics.histogram('wirestream_enrich_seconds', 'Time to enrich one article', [], [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1]);
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.enrichment.start();
    await ensureTopics(this.kafka, [{ topic: this.topics.raw }, { topic: deadLetterTopic(this.topics.raw) }, { topic: this.topics.enriched }]);
    this.consumer = new ReliableConsumer({
      kafka: this.kafka,
      groupId: this.config.ENRICHER_GROUP_ID,
      topic: this.topics.raw,
      logger: this.logger.child({ component: 'enrichment-consumer' }),
      publisher: this.publisher,
      sessionTimeoutMs: this.config.KAFKA_SESSION_TIMEOUT_MS,
      retry: { maxAttempts: this.config.ENRICHER_MAX_ATTEMPTS, baseDelayMs: 250, maxDelayMs: 30000 },
      onDeadLetter: () => this.deadLettered.inc(),
      metrics: this.metrics,
      health: this.health,
      onGiveUp: (error) => exitForSupervisor(this.logger, error),
    });
    await this.consumer.start({ each: (message, log) => this.handle(message, log) });
  }

  private async handle(message: IncomingMessage, log: Logger): Promise<void> {
    const stop = this.duration.startTimer();
    const event = parseEnvelope<ArticleReceivedPayload>(message, EventTypes.articleReceived);
    const outgoing = await this.enrichment.enrich(event);
    stop();
    await this.publisher.publish([outgoing]);
    this.enriched.inc();
    log.info({ articleId: event.articleId, version: event.version, traceId: event.traceId }, 'article enriched');
  }

  async onApplicationShutdown(): Promise<void> {
    await this.consumer?.stop();
    await this.enrichment.close();
  }
}
