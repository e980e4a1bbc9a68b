import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ensureTopics, EventPublisher, KAFKA, TOPICS, type Kafka } from '@wirestream/kafka';
import { deadLetterTopic, type EventEnvelope, type TopicSet } from '@wirestream/contracts';
import { DATA_SOURCE, OutboxStore, type DataSource } from '@wirestream/persistence';
import { backoffDelayMs, MetricsRegistry, ROOT_LOGGER, type Logger } from '@wirestream/platform';
import { INGESTOR_CONFIG, type IngestorConfig } from '../config/ingestor.config';

/**
 * Publishes the outbox to Kafka in id order. Rows are marked sent only after the broker acknowledged, so a
 * crash or a Kafka outage delays events but never loses them; a crash between ack and mark means one
 * duplicate, which every consumer absorbs (idempotent by event id and version).
 */
@Injectable()
export class OutboxRelayService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly store: OutboxStore;
  private readonly log: Logger;
  private running = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  private topicsReady = false;
  private readonly published;
  private readonly pending;

  constructor(
    @Inject(DATA_SOURCE) dataSource: DataSource,
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(TOPICS) private readonly topics: TopicSet,
    private readonly publisher: EventPublisher,
    @Inject(INGESTOR_CONFIG) private readonly config: IngestorConfig,
    @Inject(ROOT_LOGGER) logger: Logger,
    metrics: MetricsRegistry,
  ) {
    this.store = new OutboxStore(dataSource);
    this.log = logger.child({ component: 'outbox-relay' });
    this.published = metrics.counter('wirestream_outbox_published_total', 'Outbox events published to Kafka');
    this.pending = metrics.histogram('wirestream_outbox_batch_size', 'Events per relay pass', [], [1, 10, 50, 100, 500, 1000]);
    // Accepted but not yet on Kafka: grows while Kafka is away, read from Postgres at scrape time (partial index).
    metrics.gauge('wirestream_outbox_pending', 'Accepted articles not yet published to Kafka (unsent outbox rows)', [], async (gauge) => {
      const pending = await this.store.pendingCount().catch(() => null);
      if (pending !== null) gauge.set(pending);
    });
  }

  onApplicationBootstrap(): void {
    this.running = true;
    this.loop = this.run();
  }

  /** Called after an accept so the event leaves without waiting for the next poll. */
  nudge(): void {
    this.wake?.();
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (this.running) {
      try {
        if (!this.topicsReady) {
          await ensureTopics(this.kafka, [{ topic: this.topics.raw }, { topic: deadLetterTopic(this.topics.raw) }]);
          this.topicsReady = true;
        }
        const sent = await this.store.relayBatch(this.config.OUTBOX_BATCH_SIZE, async (rows) => {
          await this.publisher.publish(rows.map((r) => ({ topic: r.topic, envelope: r.envelope as EventEnvelope<unknown> })));
        });
        if (sent) {
          this.published.inc(sent);
          this.pending.observe(sent);
        }
        if (failures) this.log.info({ afterFailures: failures }, 'outbox relay recovered');
        failures = 0;
        if (sent === this.config.OUTBOX_BATCH_SIZE) continue; // more waiting: no pause
        await this.pause(this.config.OUTBOX_POLL_INTERVAL_MS);
      } catch (error) {
        failures++;
        const delay = backoffDelayMs(failures, { maxAttempts: Infinity, baseDelayMs: 250, maxDelayMs: 5000 });
        if (failures === 1 || failures % 20 === 0) this.log.warn({ err: error, failures, retryInMs: delay }, 'outbox relay cannot publish; events stay queued');
        await this.store.recordFailure((error as Error).message).catch(() => undefined);
        await this.pause(delay);
      }
    }
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }

  async onApplicationShutdown(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
  }
}
