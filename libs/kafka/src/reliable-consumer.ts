import type { DeadLetterPayload } from '@wirestream/contracts';
import { deadLetterTopic } from '@wirestream/contracts';
import { DEFAULT_RETRY_POLICY, errorCode, isRetriable, sleep, type MetricsRegistry, type RetryPolicy } from '@wirestream/platform';
import type { Consumer, Kafka, KafkaMessage } from 'kafkajs';
import type { Logger } from 'pino';
import { traceIdFromTraceparent } from './envelope';
import { processWithRetries } from './process-with-retries';
import { ConsumerLagMetric } from './consumer-lag';
import type { EventPublisher } from './event-publisher';

export interface IncomingMessage {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  value: Buffer | null;
  headers: Record<string, string>;
  traceId: string | null;
}

/** Per message: succeed, or throw (a retriable error is retried with backoff, anything else is dead-lettered). */
export type MessageHandler = (message: IncomingMessage, log: Logger) => Promise<void>;

/**
 * Per batch: returns the messages that failed, with their errors; everything not listed succeeded.
 * Throwing fails the whole batch (every message gets the thrown error).
 */
export type BatchHandler = (messages: IncomingMessage[], log: Logger) => Promise<Map<IncomingMessage, unknown>>;

export interface ReliableConsumerOptions {
  kafka: Kafka;
  groupId: string;
  topic: string;
  logger: Logger;
  publisher: EventPublisher;
  retry?: RetryPolicy;
  fromBeginning?: boolean;
  sessionTimeoutMs?: number;
  onDeadLetter?: (message: IncomingMessage, error: unknown) => void;
  /** Fetch sizing: bounds one batch (bytes per partition) and how long a fetch waits to fill it. */
  batch?: { maxBytesPerPartition?: number; maxWaitTimeInMs?: number };
  /** Batch mode: how many partitions are handled at once (default 1). Order per partition (so per key) is kept. */
  partitionsConsumedConcurrently?: number;
  /** When given, the group's lag on the topic is exported as `wirestream_consumer_lag` (read at scrape time). */
  metrics?: MetricsRegistry;
}

/**
 * The house rule for every handler: parse and validate inside the try; transient failures retry with bounded
 * backoff; permanent ones (or exhausted retries) go to `<topic>.dlq` with the reason; then the offset is
 * committed. One poison message never blocks its partition and never loops. Offsets are committed only after
 * the handler's effects (or the dead letter) are durable, so a crash means redelivery, never loss.
 */
export class ReliableConsumer {
  private readonly consumer: Consumer;
  private readonly retry: RetryPolicy;
  private readonly lag: ConsumerLagMetric | null;
  private stopping = false;

  constructor(private readonly options: ReliableConsumerOptions) {
    this.retry = options.retry ?? DEFAULT_RETRY_POLICY;
    this.lag = options.metrics ? new ConsumerLagMetric(options.kafka, options.metrics, options.groupId, options.topic) : null;
    this.consumer = options.kafka.consumer({
      groupId: options.groupId,
      sessionTimeout: options.sessionTimeoutMs ?? 30000,
      heartbeatInterval: Math.min(3000, Math.floor((options.sessionTimeoutMs ?? 30000) / 3)),
      allowAutoTopicCreation: false,
      retry: { retries: 10 },
      ...(options.batch?.maxBytesPerPartition ? { maxBytesPerPartition: options.batch.maxBytesPerPartition, maxBytes: options.batch.maxBytesPerPartition * 4 } : {}),
      ...(options.batch?.maxWaitTimeInMs !== undefined ? { maxWaitTimeInMs: options.batch.maxWaitTimeInMs } : {}),
    });
  }

  async start(handler: { each: MessageHandler } | { batch: BatchHandler }): Promise<void> {
    const { topic, fromBeginning = true } = this.options;
    await this.consumer.connect();
    await this.consumer.subscribe({ topic, fromBeginning });
    if ('each' in handler) {
      await this.consumer.run({
        autoCommit: false,
        eachMessage: async ({ topic: t, partition, message, heartbeat }) => {
          const incoming = toIncoming(t, partition, message);
          await this.processBatch([incoming], async (list, log) => {
            const failures = new Map<IncomingMessage, unknown>();
            for (const m of list) {
              try {
                await handler.each(m, log);
              } catch (error) {
                failures.set(m, error);
              }
            }
            return failures;
          }, heartbeat);
          await this.commit(t, partition, incoming.offset);
        },
      });
    } else {
      await this.consumer.run({
        autoCommit: false,
        eachBatchAutoResolve: false,
        partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? 1,
        eachBatch: async ({ batch, heartbeat, resolveOffset, isRunning, isStale }) => {
          if (!isRunning() || isStale() || !batch.messages.length) return;
          const messages = batch.messages.map((m) => toIncoming(batch.topic, batch.partition, m));
          await this.processBatch(messages, handler.batch, heartbeat);
          const last = messages[messages.length - 1]!;
          resolveOffset(last.offset);
          await this.commit(batch.topic, batch.partition, last.offset);
          await heartbeat();
        },
      });
    }
  }

  private async processBatch(messages: IncomingMessage[], handle: BatchHandler, heartbeat: () => Promise<void>): Promise<void> {
    const first = messages[0]!;
    const log = this.options.logger.child(
      messages.length === 1
        ? { topic: first.topic, partition: first.partition, offset: first.offset, articleId: first.key, traceId: first.traceId }
        : { topic: first.topic, partition: first.partition, offsets: `${first.offset}..${messages[messages.length - 1]!.offset}`, count: messages.length },
    );
    await processWithRetries(messages, (list) => handle(list, log), {
      policy: this.retry,
      deadLetter: (message, error, attempts) => this.deadLetter(message, error, attempts, log),
      isStopping: () => this.stopping,
      pause: (ms, failing, reason, attempt) => {
        log.warn({ attempt, delayMs: ms, failing, reason }, 'transient failure, retrying');
        return this.pauseWithHeartbeats(ms, heartbeat);
      },
    });
  }

  /** Backoff that keeps the group membership alive (long waits would outlast the session timeout) and ends early on stop. */
  private async pauseWithHeartbeats(ms: number, heartbeat: () => Promise<void>): Promise<void> {
    const until = Date.now() + ms;
    while (!this.stopping && Date.now() < until) {
      await sleep(Math.min(1000, until - Date.now()));
      await heartbeat();
    }
  }

  private async deadLetter(message: IncomingMessage, error: unknown, attempts: number, log: Logger): Promise<void> {
    const payload: DeadLetterPayload = {
      originalTopic: message.topic,
      partition: message.partition,
      offset: message.offset,
      key: message.key,
      value: message.value?.toString('utf8') ?? null,
      headers: message.headers,
      errorClass: (error as Error)?.name ?? typeof error,
      errorCode: errorCode(error),
      message: (error as Error)?.message ?? String(error),
      reason: isRetriable(error) ? `retries exhausted after ${attempts} attempts: ${describe(error)}` : describe(error),
      attempts,
      failedAt: new Date().toISOString(),
    };
    // If this publish fails we throw: the offset is not committed and the message comes back.
    await this.options.publisher.publishRaw(deadLetterTopic(message.topic), [
      { key: message.key, value: JSON.stringify(payload), headers: { ...message.headers, 'x-dlq-reason': payload.reason.slice(0, 500), 'x-dlq-error-code': payload.errorCode } },
    ]);
    log.warn({ offset: message.offset, articleId: message.key, errorCode: payload.errorCode, reason: payload.reason, attempts }, 'message dead-lettered');
    this.options.onDeadLetter?.(message, error);
  }

  private async commit(topic: string, partition: number, offset: string): Promise<void> {
    await this.consumer.commitOffsets([{ topic, partition, offset: (BigInt(offset) + 1n).toString() }]);
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await this.consumer.disconnect();
    await this.lag?.close();
  }
}

function toIncoming(topic: string, partition: number, message: KafkaMessage): IncomingMessage {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(message.headers ?? {})) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.map(String).join(',') : String(value);
  }
  return {
    topic,
    partition,
    offset: message.offset,
    key: message.key?.toString('utf8') ?? null,
    value: message.value,
    headers,
    traceId: traceIdFromTraceparent(headers['traceparent']),
  };
}

/** Stack-free, one line: what a human needs to see in the DLQ. */
function describe(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`.split('\n')[0]!.slice(0, 1000);
  return String(error).slice(0, 1000);
}
