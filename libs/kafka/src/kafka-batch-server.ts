import { Catch, type RpcExceptionFilter } from '@nestjs/common';
import { BaseRpcContext, Server, type CustomTransportStrategy, type MessageHandler } from '@nestjs/microservices';
import { deadLetterTopic, type TopicSet } from '@wirestream/contracts';
import { RetriableError, type HealthRegistry, type MetricsRegistry, type RetryPolicy } from '@wirestream/platform';
import type { Kafka } from 'kafkajs';
import type { Logger } from 'pino';
import { isObservable, lastValueFrom, throwError, type Observable } from 'rxjs';
import type { EventPublisher } from './event-publisher';
import { ensureTopics } from './kafka-client';
import { exitForSupervisor } from './consumer-supervision';
import { ReliableConsumer, type IncomingMessage } from './reliable-consumer';

/** An `@EventPattern` names a topic by its role (`raw`, `enriched`, `indexed`); the server adds the deployment's prefix. */
export type TopicRole = keyof TopicSet;

/** What a batch handler returns: the messages that failed, with their errors. Everything not listed succeeded. */
export type BatchFailures = Map<IncomingMessage, unknown>;

/** The `@Ctx()` of a batch handler: where the batch comes from and the logger bound to it. */
export class KafkaBatchContext extends BaseRpcContext<[topic: string, partitions: number[], log: Logger]> {
  getTopic(): string {
    return this.args[0];
  }

  /** The partitions of the fetch the batch gathers (ascending). */
  getPartitions(): number[] {
    return this.args[1];
  }

  /** A child of the service logger carrying topic, partition(s) and offsets (or article id and trace id for one). */
  getLogger(): Logger {
    return this.args[2];
  }
}

/** Consuming starts once `whenOpen` resolves; meanwhile readiness shows `consumer:waiting-for-<name>` down. */
export interface ConsumerStartGate {
  name: string;
  /** Why it waits, as readiness shows it. */
  reason: string;
  isOpen(): boolean;
  whenOpen(): Promise<unknown>;
}

/** How one topic role is consumed (see `ReliableConsumerOptions`). */
export interface KafkaConsumerOptions {
  groupId: string;
  sessionTimeoutMs?: number;
  retry?: RetryPolicy;
  batch?: { maxBytesPerPartition?: number; maxWaitTimeInMs?: number };
  onDeadLetter?: (message: IncomingMessage, error: unknown) => void;
  startWhen?: ConsumerStartGate;
}

export type KafkaConsumersOptions = Partial<Record<TopicRole, KafkaConsumerOptions>>;

export interface KafkaBatchServerOptions {
  kafka: Kafka;
  topics: TopicSet;
  publisher: EventPublisher;
  logger: Logger;
  metrics: MetricsRegistry;
  health: HealthRegistry;
  /** One entry per topic role an `@EventPattern` handler consumes. */
  consumers: KafkaConsumersOptions;
  /** A consumer gave up rejoining its group, or a start gate failed (default: `exitForSupervisor`). */
  onGiveUp?: (error: unknown) => void;
}

export const KAFKA_BATCH_TRANSPORT = Symbol('wirestream-kafka-batch');

/**
 * The Nest transport over `ReliableConsumer`: each `@EventPattern(role)` handler gets its own consumer on that
 * role's topic and is called once per fetch (every partition's batch of it) with `(messages, KafkaBatchContext)`. It returns the failures
 * (`BatchFailures`, or nothing when all succeeded) or throws to fail the whole batch; the consumer then applies the
 * handler rule — transient failures retried with bounded backoff, permanent ones to `<topic>.dlq`, then one commit
 * after the effects. Heartbeats, rejoin after eviction, lag metrics and readiness are the consumer's, as before.
 *
 * Started with the app (`startAllMicroservices`, after the bootstrap hooks); closed by Nest between the
 * `beforeApplicationShutdown` and `onApplicationShutdown` hooks, so a batch in hand finishes and commits while the
 * producer, Postgres and the engine (closed in `onApplicationShutdown`) are still open.
 *
 * Handlers' controllers take `@UseFilters(KafkaBatchErrorsFilter)`: Nest's default RPC filter replaces a thrown
 * error with a generic one, and the retry-or-dead-letter decision needs the original.
 */
export class KafkaBatchServer extends Server implements CustomTransportStrategy {
  override readonly transportId = KAFKA_BATCH_TRANSPORT;
  override readonly propagatesEventHandlerErrors = true;
  private readonly consumers = new Map<TopicRole, ReliableConsumer>();
  private readonly waitingChecks = new Set<string>();
  private stopping = false;

  constructor(private readonly options: KafkaBatchServerOptions) {
    super();
  }

  listen(callback: (error?: unknown) => void): void {
    this.subscribeAll().then(
      () => callback(),
      (error: unknown) => callback(error),
    );
  }

  private async subscribeAll(): Promise<void> {
    const subscriptions = [...this.getHandlers()].map(([pattern, handler]) => this.subscription(pattern, handler));
    await ensureTopics(
      this.options.kafka,
      subscriptions.flatMap(({ topic }) => [{ topic }, { topic: deadLetterTopic(topic) }]),
    );
    await Promise.all(subscriptions.map((s) => this.startWhenOpen(s.role, s.topic, s.handler)));
  }

  private subscription(
    pattern: string,
    handler: MessageHandler,
  ): { role: TopicRole; topic: string; handler: MessageHandler } {
    if (!handler.isEventHandler)
      throw new Error(`@MessagePattern('${pattern}'): the Kafka batch transport carries events only`);
    if (handler.next)
      throw new Error(`@EventPattern('${pattern}') has more than one handler; its outcome decides the commit`);
    if (!(pattern in this.options.topics))
      throw new Error(
        `@EventPattern('${pattern}') is not a topic role (${Object.keys(this.options.topics).join(', ')})`,
      );
    const role = pattern as TopicRole;
    if (!this.options.consumers[role]) throw new Error(`no consumer options for @EventPattern('${pattern}')`);
    return { role, topic: this.options.topics[role], handler };
  }

  private async startWhenOpen(role: TopicRole, topic: string, handler: MessageHandler): Promise<void> {
    const gate = this.options.consumers[role]!.startWhen;
    if (!gate || gate.isOpen()) return this.start(role, topic, handler);
    const check = `consumer:waiting-for-${gate.name}`;
    this.waitingChecks.add(check);
    this.options.health.register(check, () => Promise.reject(new Error(gate.reason)));
    void gate
      .whenOpen()
      .then(() => {
        this.options.health.unregister(check);
        this.waitingChecks.delete(check);
        return this.stopping ? undefined : this.start(role, topic, handler);
      })
      .catch((error: unknown) => this.giveUp(error));
  }

  private async start(role: TopicRole, topic: string, handler: MessageHandler): Promise<void> {
    const { startWhen: _gate, ...options } = this.options.consumers[role]!;
    const consumer = new ReliableConsumer({
      ...options,
      kafka: this.options.kafka,
      topic,
      logger: this.options.logger.child({ component: `${role}-consumer` }),
      publisher: this.options.publisher,
      metrics: this.options.metrics,
      health: this.options.health,
      onGiveUp: (error) => this.giveUp(error),
    });
    this.consumers.set(role, consumer);
    await consumer.start({ batch: (messages, log) => this.handleBatch(handler, messages, log) });
  }

  private async handleBatch(handler: MessageHandler, messages: IncomingMessage[], log: Logger): Promise<BatchFailures> {
    const first = messages[0]!;
    const partitions = [...new Set(messages.map((m) => m.partition))].sort((a, b) => a - b);
    const context = new KafkaBatchContext([first.topic, partitions, log]);
    try {
      const result: unknown = await handler(messages, context);
      const outcome: unknown = isObservable(result) ? await lastValueFrom(result, { defaultValue: undefined }) : result;
      return outcome instanceof Map ? (outcome as BatchFailures) : new Map();
    } catch (error) {
      throw error instanceof Error ? error : new HandlerErrorReplacedError(error);
    }
  }

  private giveUp(error: unknown): void {
    if (this.options.onGiveUp) this.options.onGiveUp(error);
    else exitForSupervisor(this.options.logger, error);
  }

  /** Stops every consumer: a batch in hand finishes, is committed, then the member leaves its group. */
  async close(): Promise<void> {
    this.stopping = true;
    for (const check of this.waitingChecks) this.options.health.unregister(check);
    this.waitingChecks.clear();
    await Promise.all([...this.consumers.values()].map((consumer) => consumer.stop()));
    this.consumers.clear();
  }

  /** The running consumers by topic role. */
  unwrap<T>(): T {
    return new Map(this.consumers) as T;
  }

  on(): never {
    throw new Error('the Kafka batch transport has no events to listen to; see /health/ready');
  }
}

/**
 * A handler's controller without `KafkaBatchErrorsFilter`: Nest logged the real error and passed on a generic one.
 * Retried (bounded), since whether the real one was transient is unknown; its reason says what to fix.
 */
class HandlerErrorReplacedError extends RetriableError {
  constructor(replacement: unknown) {
    super(
      'handler-error-replaced',
      `the handler failed and Nest replaced its error (${describeReplacement(replacement)}); put @UseFilters(KafkaBatchErrorsFilter) on its controller`,
    );
  }
}

/**
 * Lets a batch handler's error reach the transport as thrown, so a transient one (a `RetriableError`, a connection
 * error) is retried and a permanent one is dead-lettered with its reason — instead of Nest's generic replacement.
 */
@Catch()
export class KafkaBatchErrorsFilter implements RpcExceptionFilter<unknown> {
  catch(exception: unknown): Observable<never> {
    return throwError(() => exception);
  }
}

function describeReplacement(value: unknown): string {
  try {
    return JSON.stringify(value).slice(0, 200);
  } catch {
    return String(value);
  }
}
