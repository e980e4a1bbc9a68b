import type { DeadLetterPayload } from '@wirestream/contracts';
import { deadLetterTopic } from '@wirestream/contracts';
import {
  backoffDelayMs,
  DEFAULT_RETRY_POLICY,
  errorCode,
  HealthCheckError,
  isRetriable,
  sleep,
  type HealthRegistry,
  type MetricsRegistry,
  type RetryPolicy,
} from '@wirestream/platform';
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
  /** Fetch sizing: bounds one batch (bytes per fetch, and so per partition) and how long a fetch waits to fill it. */
  batch?: { maxBytesPerPartition?: number; maxWaitTimeInMs?: number };
  /** When given, the group's lag on the topic is exported as `wirestream_consumer_lag` (read at scrape time). */
  metrics?: MetricsRegistry;
  /** When given, the consumer registers its readiness check there as `consumer:<topic>`. */
  health?: HealthRegistry;
  /** Restarts in a row (backoff 1 s doubling to 30 s) before the consumer gives up (default 6, about a minute). */
  maxRestarts?: number;
  /** Called once the consumer has given up rejoining; services exit so their supervisor restarts them. */
  onGiveUp?: (error: unknown) => void;
}

export type ConsumerState = 'starting' | 'running' | 'rejoining' | 'stopped';

/** What `/health/ready` shows for a consumer. Times are ISO strings, null until the first one. */
export interface ConsumerStatus {
  state: ConsumerState;
  joined: boolean;
  memberId: string | null;
  lastBatchAt: string | null;
  lastHeartbeatAt: string | null;
  lastFetchAt: string | null;
  /** Fresh consumers started after an eviction or crash, since start. */
  restarts: number;
  lastError: string | null;
}

type Handler = { each: MessageHandler } | { batch: BatchHandler };

/** kafkajs workers per consumer in batch mode: at least every partition a member is usually assigned (default 12). */
const FETCH_PARTITIONS_AT_ONCE = 64;

/** One partition's batch of a fetch, with the kafkajs callbacks of its `eachBatch` call. */
export interface PartitionBatch {
  topic: string;
  partition: number;
  messages: IncomingMessage[];
  heartbeat: () => Promise<void>;
  commitOffsetsIfNecessary: (offsets: {
    topics: { topic: string; partitions: { partition: number; offset: string }[] }[];
  }) => Promise<void>;
}

/**
 * Gathers the partition batches submitted in the same tick (kafkajs dispatches a fetch's batches to its workers
 * synchronously, microtasks apart) and runs them as one; each submitter gets that run's outcome. Runs one at a time:
 * a batch submitted while one runs waits for the next. Message order within each partition is as fetched.
 */
export class FetchCoalescer<T> {
  private waiting: { batch: PartitionBatch; resolve: (value: T) => void; reject: (error: unknown) => void }[] = [];
  private running = false;
  private scheduled = false;

  constructor(private readonly run: (batches: PartitionBatch[]) => Promise<T>) {}

  submit(batch: PartitionBatch): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.waiting.push({ batch, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled || this.running || !this.waiting.length) return;
    this.scheduled = true;
    // setImmediate runs after the microtasks in which kafkajs' other workers reach their eachBatch.
    setImmediate(() => {
      this.scheduled = false;
      void this.flush();
    });
  }

  private async flush(): Promise<void> {
    if (this.running || !this.waiting.length) return;
    const entries = this.waiting;
    this.waiting = [];
    this.running = true;
    try {
      const result = await this.run(entries.map((e) => e.batch));
      for (const e of entries) e.resolve(result);
    } catch (error) {
      for (const e of entries) e.reject(error);
    } finally {
      this.running = false;
      this.schedule();
    }
  }
}

const DEFAULT_MAX_RESTARTS = 6;
const RESTART_BACKOFF: RetryPolicy = { maxAttempts: DEFAULT_MAX_RESTARTS, baseDelayMs: 1000, maxDelayMs: 30000 };

/**
 * The house rule for every handler: parse and validate inside the try; transient failures retry with bounded
 * backoff; permanent ones (or exhausted retries) go to `<topic>.dlq` with the reason; then the offset is
 * committed. One poison message never blocks its partition and never loops. Offsets are committed only after
 * the handler's effects (or the dead letter) are durable, so a crash means redelivery, never loss.
 *
 * It never dies quietly: a handler that runs long heartbeats every few seconds (so a slow but alive batch keeps
 * the group membership); an eviction (the commit is refused because the group no longer knows the member) or a
 * crash kafkajs does not restart itself replaces the kafkajs consumer with a fresh one, which rejoins and resumes
 * from the last commit; after `maxRestarts` failed tries in a row it gives up, reports not-ready and calls
 * `onGiveUp`.
 */
export class ReliableConsumer {
  private consumer: Consumer | null = null;
  private handler: Handler | null = null;
  private readonly retry: RetryPolicy;
  private readonly lag: ConsumerLagMetric;
  private readonly sessionTimeoutMs: number;
  private readonly heartbeatIntervalMs: number;
  private readonly healthName: string;
  private stopping = false;
  private restarting: Promise<void> | null = null;
  /** Restarts since the group last accepted a member of ours; reset on every join. */
  private failedRestarts = 0;
  private readonly status: ConsumerStatus = {
    state: 'starting',
    joined: false,
    memberId: null,
    lastBatchAt: null,
    lastHeartbeatAt: null,
    lastFetchAt: null,
    restarts: 0,
    lastError: null,
  };

  constructor(private readonly options: ReliableConsumerOptions) {
    this.retry = options.retry ?? DEFAULT_RETRY_POLICY;
    this.sessionTimeoutMs = options.sessionTimeoutMs ?? 30000;
    this.heartbeatIntervalMs = Math.min(3000, Math.floor(this.sessionTimeoutMs / 3));
    this.lag = new ConsumerLagMetric(options.kafka, options.metrics ?? null, options.groupId, options.topic);
    this.healthName = `consumer:${options.topic}`;
    options.health?.register(this.healthName, () => this.checkReady());
  }

  /** A copy of the consumer's state, as `/health/ready` shows it. */
  get state(): ConsumerStatus {
    return { ...this.status };
  }

  async start(handler: Handler): Promise<void> {
    this.handler = handler;
    await this.launch();
  }

  /** Connects, subscribes and runs a fresh kafkajs consumer (a new member: it resumes from the last commit). */
  private async launch(): Promise<void> {
    const { kafka, groupId, topic, fromBeginning = true } = this.options;
    const consumer = kafka.consumer({
      groupId,
      sessionTimeout: this.sessionTimeoutMs,
      heartbeatInterval: this.heartbeatIntervalMs,
      allowAutoTopicCreation: false,
      retry: { retries: 10 },
      ...(this.options.batch?.maxBytesPerPartition
        ? {
            maxBytesPerPartition: this.options.batch.maxBytesPerPartition,
            // One fetch is one handler call (FetchCoalescer): the same bound for all its partitions together keeps a
            // batch the size it had per partition (4× made the indexer's batches ~3,800 articles, and its in-batch
            // clustering and first-batch latency grew with them: bench:index 20,000 fell to 161 docs/s).
            maxBytes: this.options.batch.maxBytesPerPartition,
          }
        : {}),
      ...(this.options.batch?.maxWaitTimeInMs !== undefined
        ? { maxWaitTimeInMs: this.options.batch.maxWaitTimeInMs }
        : {}),
    });
    this.consumer = consumer;
    this.watch(consumer);
    try {
      await consumer.connect();
      await consumer.subscribe({ topic, fromBeginning });
      await this.run(consumer, this.handler!);
    } catch (error) {
      if (this.consumer === consumer) this.consumer = null;
      await consumer.disconnect().catch(() => undefined);
      throw error;
    }
    this.status.state = 'running';
  }

  /** Keeps the status current from kafkajs' instrumentation events; events of a replaced consumer are ignored. */
  private watch(consumer: Consumer): void {
    const current = () => consumer === this.consumer;
    const now = () => new Date().toISOString();
    consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
      if (!current()) return;
      Object.assign(this.status, { joined: true, memberId: payload.memberId, lastHeartbeatAt: now() });
      if (this.status.state !== 'stopped') this.status.state = 'running';
      this.failedRestarts = 0;
      this.options.logger.info(
        {
          groupId: payload.groupId,
          memberId: payload.memberId,
          leader: payload.isLeader,
          assignment: payload.memberAssignment,
        },
        'consumer joined its group',
      );
    });
    consumer.on(consumer.events.HEARTBEAT, () => {
      if (current()) this.status.lastHeartbeatAt = now();
    });
    consumer.on(consumer.events.FETCH, () => {
      if (current()) this.status.lastFetchAt = now();
    });
    consumer.on(consumer.events.REBALANCING, () => {
      if (current()) this.status.joined = false;
    });
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      if (!current() || this.stopping) return;
      this.status.joined = false;
      this.status.lastError = describe(payload.error);
      if (payload.restart) {
        // kafkajs restarts this consumer itself (a retriable error).
        this.status.state = 'rejoining';
        this.options.logger.warn({ error: this.status.lastError }, 'consumer crashed; kafkajs restarts it');
      } else {
        void this.restart(payload.error, 'consumer crashed with a non-retriable error');
      }
    });
  }

  private async run(consumer: Consumer, handler: Handler): Promise<void> {
    if ('each' in handler) {
      await consumer.run({
        autoCommit: false,
        eachMessage: async ({ topic: t, partition, message, heartbeat }) => {
          if (consumer !== this.consumer) return;
          const incoming = toIncoming(t, partition, message);
          await this.processBatch(
            [incoming],
            async (list, log) => {
              const failures = new Map<IncomingMessage, unknown>();
              for (const m of list) {
                try {
                  await handler.each(m, log);
                } catch (error) {
                  failures.set(m, error);
                }
              }
              return failures;
            },
            heartbeat,
          );
          await this.commit(() =>
            consumer.commitOffsets([{ topic: t, partition, offset: nextOffset(incoming.offset) }]),
          );
        },
      });
    } else {
      const batchHandler = handler.batch;
      // One handler call per fetch: kafkajs hands every partition's batch of a fetch to its own worker in the same
      // tick and fetches again only when all are done, so the batches are gathered (`FetchCoalescer`) and handled
      // together — one transaction, one bulk request, one produce and one offset commit per fetch, not per partition
      // (bench:e2e: 12 partitions at ~100 articles/s made batches of a few messages each, and per-batch costs ruled).
      const coalescer = new FetchCoalescer(async (batches) => {
        const messages = batches.flatMap((b) => b.messages);
        await this.processBatch(messages, batchHandler, batches[0]!.heartbeat);
        // Through the batch's own commit: consumer.commitOffsets is silently skipped once a stop has begun (kafkajs
        // Runner), which left the batch a SIGTERM let finish uncommitted, to be redone after the restart.
        return this.commit(() =>
          batches[0]!.commitOffsetsIfNecessary({
            topics: [
              {
                topic: batches[0]!.topic,
                partitions: batches.map((b) => ({
                  partition: b.partition,
                  offset: nextOffset(b.messages[b.messages.length - 1]!.offset),
                })),
              },
            ],
          }),
        );
      });
      await consumer.run({
        autoCommit: false,
        eachBatchAutoResolve: false,
        // Every assigned partition at once (the coalescer makes them one handler call); order per partition is kept.
        partitionsConsumedConcurrently: FETCH_PARTITIONS_AT_ONCE,
        eachBatch: async ({ batch, heartbeat, resolveOffset, isRunning, isStale, commitOffsetsIfNecessary }) => {
          if (consumer !== this.consumer || !isRunning() || isStale() || !batch.messages.length) return;
          const messages = batch.messages.map((m) => toIncoming(batch.topic, batch.partition, m));
          const committed = await coalescer.submit({
            topic: batch.topic,
            partition: batch.partition,
            messages,
            heartbeat,
            commitOffsetsIfNecessary,
          });
          if (committed) {
            resolveOffset(messages[messages.length - 1]!.offset);
            await heartbeat().catch(() => undefined);
          }
        },
      });
    }
  }

  private async processBatch(
    messages: IncomingMessage[],
    handle: BatchHandler,
    heartbeat: () => Promise<void>,
  ): Promise<void> {
    const first = messages[0]!;
    const log = this.options.logger.child(
      messages.length === 1
        ? {
            topic: first.topic,
            partition: first.partition,
            offset: first.offset,
            articleId: first.key,
            traceId: first.traceId,
          }
        : new Set(messages.map((m) => m.partition)).size === 1
          ? {
              topic: first.topic,
              partition: first.partition,
              offsets: `${first.offset}..${messages[messages.length - 1]!.offset}`,
              count: messages.length,
            }
          : {
              topic: first.topic,
              partitions: [...new Set(messages.map((m) => m.partition))].sort((a, b) => a - b).join(','),
              count: messages.length,
            },
    );
    // Heartbeats while the handler works: a batch slower than the session timeout keeps its membership.
    // (kafkajs only sends one when the heartbeat interval has passed, so ticking at that interval is cheap.)
    const ticker = setInterval(() => {
      heartbeat().catch((error: unknown) => log.debug({ error: describe(error) }, 'heartbeat during batch failed'));
    }, this.heartbeatIntervalMs);
    try {
      await processWithRetries(messages, (list) => handle(list, log), {
        policy: this.retry,
        deadLetter: (message, error, attempts) => this.deadLetter(message, error, attempts, log),
        isStopping: () => this.stopping,
        pause: (ms, failing, reason, attempt) => {
          log.warn({ attempt, delayMs: ms, failing, reason }, 'transient failure, retrying');
          return this.pauseUnlessStopping(ms);
        },
      });
    } finally {
      clearInterval(ticker);
    }
    this.status.lastBatchAt = new Date().toISOString();
  }

  /** Backoff that ends early on stop (the batch's heartbeat ticker keeps the membership meanwhile). */
  private async pauseUnlessStopping(ms: number): Promise<void> {
    const until = Date.now() + ms;
    while (!this.stopping && Date.now() < until) await sleep(Math.min(1000, until - Date.now()));
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
      {
        key: message.key,
        value: JSON.stringify(payload),
        headers: {
          ...message.headers,
          'x-dlq-reason': payload.reason.slice(0, 500),
          'x-dlq-error-code': payload.errorCode,
        },
      },
    ]);
    log.warn(
      {
        offset: message.offset,
        articleId: message.key,
        errorCode: payload.errorCode,
        reason: payload.reason,
        attempts,
      },
      'message dead-lettered',
    );
    this.options.onDeadLetter?.(message, error);
  }

  /**
   * Commits past `offset`; true when committed. A commit the group refuses for good (the member was evicted, e.g.
   * a batch outlasted the session timeout with the event loop blocked) is not retried: this consumer is replaced
   * by a fresh member, and the batch — handled but not committed — is redelivered (handlers are idempotent).
   */
  private async commit(commitOffsets: () => Promise<unknown>): Promise<boolean> {
    try {
      await commitOffsets();
      return true;
    } catch (error) {
      if (!isMembershipLost(error)) throw error;
      void this.restart(error, 'offset commit refused: the group no longer knows this member');
      return false;
    }
  }

  /** Replaces the kafkajs consumer with a fresh one (bounded backoff); gives up after `maxRestarts` in a row. */
  private restart(reason: unknown, why: string): Promise<void> {
    if (this.stopping) return Promise.resolve();
    this.restarting ??= this.restartNow(reason, why).finally(() => (this.restarting = null));
    return this.restarting;
  }

  private async restartNow(reason: unknown, why: string): Promise<void> {
    const log = this.options.logger;
    Object.assign(this.status, { state: 'rejoining', joined: false, memberId: null, lastError: describe(reason) });
    log.error(
      { error: this.status.lastError, groupId: this.options.groupId, topic: this.options.topic },
      `${why}; starting a fresh consumer`,
    );
    const old = this.consumer;
    this.consumer = null;
    await old?.disconnect().catch(() => undefined);
    const maxRestarts = this.options.maxRestarts ?? DEFAULT_MAX_RESTARTS;
    let lastError = reason;
    while (!this.stopping) {
      const attempt = ++this.failedRestarts;
      if (this.failedRestarts > maxRestarts) {
        this.status.state = 'stopped';
        log.fatal(
          {
            error: describe(lastError),
            restarts: maxRestarts,
            groupId: this.options.groupId,
            topic: this.options.topic,
          },
          'consumer could not rejoin its group; giving up (not ready)',
        );
        this.options.onGiveUp?.(lastError);
        return;
      }
      await this.pauseUnlessStopping(backoffDelayMs(attempt, RESTART_BACKOFF));
      if (this.stopping) return;
      try {
        await this.launch();
        this.status.restarts++;
        log.warn(
          { attempt, restarts: this.status.restarts },
          'fresh consumer started; it resumes from the last committed offset',
        );
        return;
      } catch (error) {
        lastError = error;
        this.status.lastError = describe(error);
        log.error({ error: this.status.lastError, attempt }, 'consumer restart failed');
      }
    }
  }

  /**
   * Ready = joined and alive. Down when not running or not joined, or when neither a fetch nor a heartbeat
   * happened for 2× the session timeout while messages wait (an idle, caught-up consumer is fine).
   */
  private async checkReady(): Promise<Record<string, unknown>> {
    const status = this.state;
    const details = { ...status } as unknown as Record<string, unknown>;
    if (status.state !== 'running' || !status.joined)
      throw new HealthCheckError(
        `consumer is ${status.state}${status.joined ? '' : ', not joined to its group'}`,
        details,
      );
    const lastSign = Math.max(
      ...[status.lastFetchAt, status.lastHeartbeatAt, status.lastBatchAt].map((t) => (t ? Date.parse(t) : 0)),
    );
    const silentMs = Date.now() - lastSign;
    if (silentMs > 2 * this.sessionTimeoutMs) {
      const waiting = (await this.lag.read()).reduce((sum, p) => sum + p.lag, 0);
      if (waiting > 0)
        throw new HealthCheckError(
          `no fetch or heartbeat for ${Math.round(silentMs / 1000)} s while ${waiting} message(s) wait`,
          { ...details, lag: waiting },
        );
    }
    return details;
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.options.health?.unregister(this.healthName);
    await this.restarting;
    const consumer = this.consumer;
    this.consumer = null;
    await consumer?.disconnect();
    Object.assign(this.status, { state: 'stopped', joined: false });
    await this.lag.close();
  }
}

/**
 * The group evicted this member: only a fresh join helps. (A plain rebalance — ILLEGAL_GENERATION,
 * REBALANCE_IN_PROGRESS — is left to kafkajs, which rejoins by itself; restarting then would only add rebalances.)
 */
function isMembershipLost(error: unknown): boolean {
  for (let e = error as { type?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (e.type === 'UNKNOWN_MEMBER_ID') return true;
  }
  return false;
}

/** The offset to commit after `offset`: the next one to read. */
function nextOffset(offset: string): string {
  return (BigInt(offset) + 1n).toString();
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
