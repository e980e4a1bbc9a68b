import { EVENT_MAX_BYTES, type EventEnvelope } from '@wirestream/contracts';
import { PermanentError } from '@wirestream/platform';
import { CompressionTypes, Partitioners, type Kafka, type Message, type Producer } from 'kafkajs';
import type { Logger } from 'pino';
import { traceparent } from './envelope';

export interface OutgoingEvent {
  topic: string;
  envelope: EventEnvelope<unknown>;
}

/** A message as it goes on the wire, with its size; what `prepare` checks and `sendPrepared` sends. */
export interface PreparedMessage {
  topic: string;
  message: Message & { key: string | null; value: string; headers: Record<string, string> };
  bytes: number;
}

/**
 * Record and batch framing on top of key, value and headers (a few dozen bytes per record, 61 per batch), rounded
 * up: a message the check lets through must never be refused by a topic whose max.message.bytes is EVENT_MAX_BYTES.
 */
const FRAMING_BYTES = 1024;

/** kafkajs has no client-side request size limit: a message over the topics' limit is refused here, before sending. */
export class EventTooLargeError extends PermanentError {
  constructor(topic: string, key: string | null, bytes: number) {
    super(
      'event-too-large',
      `event for ${key ?? '(no key)'} on ${topic} is ${bytes} bytes serialized, over EVENT_MAX_BYTES (${EVENT_MAX_BYTES})`,
      413,
      { bytes, limit: EVENT_MAX_BYTES },
    );
  }
}

/** An envelope without the fields every event carries (key, id, trace, type): no consumer could take it. */
export class InvalidEventError extends PermanentError {
  constructor(topic: string, missing: string[]) {
    super('invalid-event', `event on ${topic} lacks ${missing.join(', ')}`, 422);
  }
}

/**
 * What a failed send means:
 * - `message-refused`: the broker (or the size check) will never take these messages; retrying cannot help.
 * - `producer-fatal`: the producer's own state is broken (sequence numbers, epoch, producer id); the messages are
 *   fine and go through on a new producer.
 * - `transient`: the cluster was unavailable or slow; the same send may succeed later.
 */
export type ProduceFailure = 'message-refused' | 'producer-fatal' | 'transient';

const MESSAGE_REFUSED = new Set([
  'MESSAGE_TOO_LARGE',
  'RECORD_LIST_TOO_LARGE',
  'INVALID_RECORD',
  'CORRUPT_MESSAGE',
  'INVALID_TIMESTAMP',
  'UNSUPPORTED_COMPRESSION_TYPE',
]);
const PRODUCER_FATAL = new Set([
  'OUT_OF_ORDER_SEQUENCE_NUMBER',
  'DUPLICATE_SEQUENCE_NUMBER',
  'INVALID_PRODUCER_EPOCH',
  'UNKNOWN_PRODUCER_ID',
  'INVALID_PRODUCER_ID_MAPPING',
  'PRODUCER_FENCED',
]);

export function classifyProduceError(error: unknown): ProduceFailure {
  // Ours, raised before sending: EventTooLargeError, InvalidEventError.
  if (error instanceof PermanentError) return 'message-refused';
  // kafkajs wraps the broker's error (KafkaJSNonRetriableError, KafkaJSNumberOfRetriesExceeded): look down the chain.
  const chain: { name?: string; type?: string; retriable?: boolean; cause?: unknown }[] = [];
  for (
    let e = error as (typeof chain)[number] | undefined;
    e && chain.length < 10;
    e = e.cause as (typeof chain)[number] | undefined
  )
    chain.push(e);
  if (chain.some((e) => e.type && MESSAGE_REFUSED.has(e.type))) return 'message-refused';
  if (chain.some((e) => e.type && PRODUCER_FATAL.has(e.type))) return 'producer-fatal';
  // Retries of a retriable error ran out (an outage): still transient.
  if (chain[0]?.name === 'KafkaJSNumberOfRetriesExceeded') return 'transient';
  if (
    chain[0]?.name === 'KafkaJSNonRetriableError' ||
    (chain[0]?.name?.startsWith('KafkaJS') && chain[0].retriable === false)
  )
    return 'producer-fatal';
  return 'transient';
}

/**
 * Idempotent producer (no duplicates from its own retries) with acks from all in-sync replicas.
 * The message key is always the article id, so all versions of an article stay in order on one partition.
 *
 * After a send fails for any reason but a transient one, the producer is replaced (disconnect, new producer id):
 * kafkajs rolls back the sequence numbers of every partition of a failed request, including those the broker
 * accepted, so the old producer would fail every later send with OUT_OF_ORDER_SEQUENCE_NUMBER (or, worse, have a
 * new message taken for a duplicate of an old one).
 */
export class EventPublisher {
  private producer: Producer;
  private connection: Promise<void> | null = null;
  private replacements = 0;

  constructor(
    private readonly kafka: Kafka,
    private readonly logger?: Logger,
  ) {
    this.producer = this.createProducer();
  }

  private createProducer(): Producer {
    // The Java-compatible partitioner: the same key lands on the same partition whichever client produced it.
    return this.kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
  }

  /** How many times the producer was replaced after a failed send (tests, logs). */
  get producerReplacements(): number {
    return this.replacements;
  }

  async connect(): Promise<void> {
    const producer = this.producer;
    this.connection ??= producer.connect().catch((error: unknown) => {
      if (this.producer === producer) this.connection = null;
      throw error;
    });
    await this.connection;
  }

  /** Serializes and checks one event; throws EventTooLargeError if no topic would take it, InvalidEventError if malformed. */
  prepare(event: OutgoingEvent): PreparedMessage {
    const { envelope } = event;
    const missing = (['articleId', 'eventId', 'traceId', 'type'] as const).filter(
      (field) => typeof envelope?.[field] !== 'string',
    );
    if (missing.length) throw new InvalidEventError(event.topic, missing);
    const value = JSON.stringify(envelope);
    const headers = { eventId: envelope.eventId, traceparent: traceparent(envelope.traceId), type: envelope.type };
    return checked(event.topic, { key: envelope.articleId, value, headers });
  }

  /**
   * Publishes in order, in as few sends as fit: each send carries at most EVENT_MAX_BYTES, so no per-partition
   * batch can outgrow the topics' limit. Every event is size-checked before anything is sent.
   */
  async publish(events: OutgoingEvent[]): Promise<void> {
    const prepared = events.map((event) => this.prepare(event));
    for (const request of splitIntoRequests(prepared)) await this.sendPrepared(request);
  }

  /** One send (one sendBatch) of already prepared messages; callers keep it within EVENT_MAX_BYTES (`splitIntoRequests`). */
  async sendPrepared(messages: PreparedMessage[]): Promise<void> {
    if (!messages.length) return;
    const byTopic = new Map<string, Message[]>();
    for (const { topic, message } of messages) byTopic.set(topic, [...(byTopic.get(topic) ?? []), message]);
    await this.send((producer) =>
      producer.sendBatch({
        acks: -1,
        compression: CompressionTypes.None,
        topicMessages: [...byTopic].map(([topic, list]) => ({ topic, messages: list })),
      }),
    );
  }

  /** Raw publish for dead letters, whose value may not be an envelope. */
  async publishRaw(
    topic: string,
    messages: { key: string | null; value: string; headers: Record<string, string> }[],
  ): Promise<void> {
    const prepared = messages.map((message) => checked(topic, message));
    for (const request of splitIntoRequests(prepared)) await this.sendPrepared(request);
  }

  private async send(sendWith: (producer: Producer) => Promise<unknown>): Promise<void> {
    await this.connect();
    const producer = this.producer;
    try {
      await sendWith(producer);
    } catch (error) {
      const failure = classifyProduceError(error);
      if (failure !== 'transient') this.replaceProducer(producer, failure, error);
      throw error;
    }
  }

  private replaceProducer(failed: Producer, failure: ProduceFailure, error: unknown): void {
    if (this.producer !== failed) return; // a concurrent send already replaced it
    this.producer = this.createProducer();
    this.connection = null;
    this.replacements++;
    this.logger?.warn(
      { failure, err: error, replacements: this.replacements },
      'producer replaced after a failed send',
    );
    failed.disconnect().catch(() => undefined);
  }

  async disconnect(): Promise<void> {
    if (!this.connection) return;
    this.connection = null;
    await this.producer.disconnect();
  }
}

function checked(topic: string, message: PreparedMessage['message']): PreparedMessage {
  let bytes =
    FRAMING_BYTES + Buffer.byteLength(message.value) + (message.key === null ? 0 : Buffer.byteLength(message.key));
  for (const [name, value] of Object.entries(message.headers))
    bytes += Buffer.byteLength(name) + Buffer.byteLength(value);
  if (bytes > EVENT_MAX_BYTES) throw new EventTooLargeError(topic, message.key, bytes);
  return { topic, message, bytes };
}

/**
 * Messages per produce request. kafkajs encodes a request synchronously (partitioning, varints, CRCs) at ~0.3 ms a
 * message on the 2-core dev machine (more under load): 500 in one request held the event loop ~150 ms, 50 hold it
 * ~15 ms. A request per 50 events costs nothing measurable at the pipeline's rates (a local round trip is ~2 ms).
 */
export const MAX_MESSAGES_PER_REQUEST = 50;

/**
 * Consecutive runs of at most `maxMessages` messages whose sizes add up to at most `maxBytes` (a larger single
 * message goes alone).
 */
export function splitIntoRequests(
  messages: PreparedMessage[],
  maxBytes = EVENT_MAX_BYTES,
  maxMessages = MAX_MESSAGES_PER_REQUEST,
): PreparedMessage[][] {
  const requests: PreparedMessage[][] = [];
  let current: PreparedMessage[] = [];
  let size = 0;
  for (const message of messages) {
    if (current.length && (size + message.bytes > maxBytes || current.length === maxMessages)) {
      requests.push(current);
      current = [];
      size = 0;
    }
    current.push(message);
    size += message.bytes;
  }
  if (current.length) requests.push(current);
  return requests;
}
