import { Inject, Injectable, OnApplicationBootstrap, BeforeApplicationShutdown } from '@nestjs/common';
import {
  classifyProduceError,
  ensureTopics,
  EventPublisher,
  KAFKA,
  splitIntoRequests,
  TOPICS,
  TopicConfigError,
  type Kafka,
  type PreparedMessage,
} from '@wirestream/kafka';
import {
  deadLetterTopic,
  EVENT_MAX_BYTES,
  type DeadLetterPayload,
  type EventEnvelope,
  type TopicSet,
} from '@wirestream/contracts';
import { OutboxStore, type PendingOutboxMessage, type RelayOutcome } from '@wirestream/persistence';
import {
  backoffDelayMs,
  EventLoopPacer,
  HealthRegistry,
  PermanentError,
  MetricsRegistry,
  ROOT_LOGGER,
  type Logger,
} from '@wirestream/platform';
import { INGESTOR_CONFIG, type IngestorConfig } from '../config/ingestor.config';

/** A dead letter's value is kept whole when the letter fits in a message; otherwise its first 64 KiB, with its size. */
const TRUNCATED_VALUE_CHARS = 64 * 1024;

/**
 * Publishes the outbox to Kafka in id order. Rows are marked sent only after the broker acknowledged, so a
 * crash or a Kafka outage delays events but never loses them; a crash between ack and mark means one
 * duplicate, which every consumer absorbs (idempotent by event id and version).
 *
 * A row the broker refuses for good (too large, invalid) must not hold back the rows behind it: a refused send
 * is bisected down to the refused rows, each goes to `<topic>.dlq` with its reason and is marked dead-lettered,
 * and the rest are sent. Transient failures (Kafka away) stop the pass and retry with backoff, losing nothing.
 */
@Injectable()
export class OutboxRelayService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly log: Logger;
  private running = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  private topicsReady = false;
  private topicConfigError: TopicConfigError | null = null;
  private readonly published;
  private readonly pending;
  private readonly deadLettered;

  constructor(
    private readonly store: OutboxStore,
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(TOPICS) private readonly topics: TopicSet,
    private readonly publisher: EventPublisher,
    @Inject(INGESTOR_CONFIG) private readonly config: IngestorConfig,
    @Inject(ROOT_LOGGER) logger: Logger,
    metrics: MetricsRegistry,
    health: HealthRegistry,
  ) {
    this.log = logger.child({ component: 'outbox-relay' });
    this.published = metrics.counter('wirestream_outbox_published_total', 'Outbox events published to Kafka');
    this.pending = metrics.histogram(
      'wirestream_outbox_batch_size',
      'Events per relay pass',
      [],
      [1, 10, 50, 100, 500, 1000, 2000, 5000],
    );
    this.deadLettered = metrics.counter(
      'wirestream_outbox_dead_lettered_total',
      'Outbox events the broker refused for good, moved to the DLQ',
      ['code'],
    );
    // Topics that would refuse the pipeline's largest event (and could not be fixed from here): not ready, and why.
    health.register('kafka-topics', async () => {
      if (this.topicConfigError) throw this.topicConfigError;
    });
    // Accepted but not yet on Kafka: grows while Kafka is away, read from Postgres at scrape time (partial index).
    metrics.gauge(
      'wirestream_outbox_pending',
      'Accepted articles not yet published to Kafka (unsent outbox rows)',
      [],
      async (gauge) => {
        const pending = await this.store.pendingCount().catch(() => null);
        if (pending !== null) gauge.set(pending);
      },
    );
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
          this.topicConfigError = null;
        }
        const outcome = await this.store.relayBatch(this.config.OUTBOX_BATCH_SIZE, (rows) => this.relay(rows));
        const done = outcome.sent.length + outcome.deadLettered.length;
        if (outcome.sent.length) this.published.inc(outcome.sent.length);
        if (done) this.pending.observe(done);
        if (outcome.failure !== undefined) throw outcome.failure;
        if (failures) this.log.info({ afterFailures: failures }, 'outbox relay recovered');
        failures = 0;
        if (outcome.claimed === this.config.OUTBOX_BATCH_SIZE) continue; // more waiting: no pause
        await this.pause(this.config.OUTBOX_POLL_INTERVAL_MS);
      } catch (error) {
        failures++;
        if (error instanceof TopicConfigError) {
          this.topicConfigError = error;
          if (failures === 1 || failures % 20 === 0)
            this.log.fatal(
              { err: error },
              'Kafka topics refuse events the ingestor accepts; not publishing (events stay queued)',
            );
        }
        const delay = backoffDelayMs(failures, { maxAttempts: Infinity, baseDelayMs: 250, maxDelayMs: 5000 });
        if (failures === 1 || failures % 20 === 0)
          this.log.warn({ err: error, failures, retryInMs: delay }, 'outbox relay cannot publish; events stay queued');
        await this.store.recordFailure((error as Error).message).catch(() => undefined);
        await this.pause(delay);
      }
    }
  }

  /** One pass: size-check every row, send the rest in requests of at most EVENT_MAX_BYTES, in id order. */
  private async relay(rows: PendingOutboxMessage[]): Promise<RelayOutcome> {
    const outcome: RelayOutcome = { sent: [], deadLettered: [] };
    const ready: (PreparedMessage & { row: PendingOutboxMessage })[] = [];
    // Serializing a batch of 500 events takes ~50 ms: in slices, so the ingestor keeps answering meanwhile.
    const pacer = new EventLoopPacer();
    for (const row of rows) {
      await pacer.pace();
      try {
        ready.push({
          ...this.publisher.prepare({ topic: row.topic, envelope: row.envelope as EventEnvelope<unknown> }),
          row,
        });
      } catch (error) {
        if (classifyProduceError(error) !== 'message-refused') throw error;
        if (!(await this.deadLetter(row, error, outcome))) return outcome;
      }
    }
    for (const request of splitIntoRequests(ready)) {
      if (!(await this.sendIsolating(request as typeof ready, outcome))) return outcome;
    }
    return outcome;
  }

  /**
   * Sends `messages` in one request; if the broker refuses it for good, halves it until the refused rows stand
   * alone and dead-letters those. False when a transient (or producer) failure stopped it: `outcome.failure`.
   */
  private async sendIsolating(
    messages: (PreparedMessage & { row: PendingOutboxMessage })[],
    outcome: RelayOutcome,
  ): Promise<boolean> {
    try {
      await this.publisher.sendPrepared(messages);
      outcome.sent.push(...messages.map((m) => m.row.id));
      return true;
    } catch (error) {
      // A producer-fatal failure has already replaced the producer: the rows go again on the next pass.
      if (classifyProduceError(error) !== 'message-refused') {
        outcome.failure = error;
        return false;
      }
      if (messages.length === 1) return this.deadLetter(messages[0]!.row, error, outcome);
      const half = Math.ceil(messages.length / 2);
      return (
        (await this.sendIsolating(messages.slice(0, half), outcome)) &&
        this.sendIsolating(messages.slice(half), outcome)
      );
    }
  }

  /** Moves a refused row to `<topic>.dlq` (its value truncated if the letter would not fit). False if that failed. */
  private async deadLetter(row: PendingOutboxMessage, error: unknown, outcome: RelayOutcome): Promise<boolean> {
    const code = refusalCode(error);
    const reason = describe(error);
    const value = JSON.stringify(row.envelope);
    const valueBytes = Buffer.byteLength(value);
    const rawRef = (row.envelope as { payload?: { rawRef?: { table: string; id: string; version: number } } } | null)
      ?.payload?.rawRef;
    const headers: Record<string, string> = {
      'x-outbox-id': row.id,
      'x-value-bytes': String(valueBytes),
      ...(rawRef ? { 'x-raw-ref': `${rawRef.table}/${rawRef.id}/${rawRef.version}` } : {}),
    };
    const letter = (kept: string, extra: Record<string, string>): DeadLetterPayload => ({
      originalTopic: row.topic,
      // Never on Kafka: no partition or offset of its own.
      partition: -1,
      offset: '-1',
      key: row.key,
      value: kept,
      headers: { ...headers, ...extra },
      errorClass: (error as Error)?.name ?? typeof error,
      errorCode: code,
      message: (error as Error)?.message ?? String(error),
      reason,
      attempts: 1,
      failedAt: new Date().toISOString(),
    });
    let payload = JSON.stringify(letter(value, {}));
    // Room for the DLQ message's own headers and framing.
    if (Buffer.byteLength(payload) > EVENT_MAX_BYTES - 64 * 1024)
      payload = JSON.stringify(letter(value.slice(0, TRUNCATED_VALUE_CHARS), { 'x-value-truncated': 'true' }));
    try {
      await this.publisher.publishRaw(deadLetterTopic(row.topic), [
        {
          key: row.key,
          value: payload,
          headers: { ...headers, 'x-dlq-reason': reason.slice(0, 500), 'x-dlq-error-code': code },
        },
      ]);
    } catch (dlqError) {
      outcome.failure = dlqError;
      return false;
    }
    outcome.deadLettered.push({ id: row.id, error: `${code}: ${reason}` });
    this.deadLettered.inc({ code });
    this.log.error(
      { outboxId: row.id, articleId: row.key, errorCode: code, reason, valueBytes },
      'outbox event refused by Kafka for good; moved to the DLQ',
    );
    return true;
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

  async beforeApplicationShutdown(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
  }
}

/** The broker's error type (MESSAGE_TOO_LARGE, …) or our own code (event-too-large). */
function refusalCode(error: unknown): string {
  if (error instanceof PermanentError) return error.code;
  for (
    let e = error as { type?: string; cause?: unknown } | undefined, depth = 0;
    e && depth < 10;
    e = e.cause as typeof e, depth++
  ) {
    if (typeof e.type === 'string') return e.type;
  }
  return (error as Error)?.name ?? 'unknown';
}

/** Stack-free, one line: what a human needs to see in the DLQ. */
function describe(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`.split('\n')[0]!.slice(0, 1000);
  return String(error).slice(0, 1000);
}
