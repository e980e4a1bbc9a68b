import { EVENT_MAX_BYTES } from '@wirestream/contracts';
import {
  KafkaJSConnectionError,
  KafkaJSNonRetriableError,
  KafkaJSNumberOfRetriesExceeded,
  KafkaJSProtocolError,
  type Kafka,
  type Producer,
} from 'kafkajs';
import { createEnvelope } from './envelope';
import {
  classifyProduceError,
  EventPublisher,
  EventTooLargeError,
  InvalidEventError,
  splitIntoRequests,
  MAX_MESSAGES_PER_REQUEST,
  type OutgoingEvent,
} from './event-publisher';

/** kafkajs' own wrapper when its retries of a retriable error ran out (its typings omit the options argument). */
function retriesExceeded(cause: Error): Error {
  const Exceeded = KafkaJSNumberOfRetriesExceeded as unknown as new (
    e: Error,
    options: { retryCount: number; retryTime: number },
  ) => Error;
  return new Exceeded(cause, { retryCount: 5, retryTime: 1000 });
}

/** As kafkajs reports a broker error code after its retrier gave up (or bailed). */
function brokerError(type: string, retriable: boolean): Error {
  const protocol = new KafkaJSProtocolError({ message: `broker said ${type}`, type, code: 0, retriable } as never);
  return retriable
    ? retriesExceeded(protocol)
    : Object.assign(new KafkaJSNonRetriableError(protocol), { cause: protocol });
}

function event(articleId: string, textBytes = 10): OutgoingEvent {
  return {
    topic: 'articles.raw.v1',
    envelope: createEnvelope({
      type: 'article.received',
      articleId,
      version: 1,
      payload: { text: 'x'.repeat(textBytes) },
    }),
  };
}

/** A Kafka whose producers record their sends and fail the ones a test queues up. */
function fakeKafka() {
  const producers: { sends: number; disconnected: boolean; failNext: Error[] }[] = [];
  const kafka = {
    producer: () => {
      const state = { sends: 0, disconnected: false, failNext: [] as Error[] };
      producers.push(state);
      const producer: Partial<Producer> = {
        connect: async () => undefined,
        disconnect: async () => {
          state.disconnected = true;
        },
        sendBatch: async () => {
          const failure = state.failNext.shift();
          if (failure) throw failure;
          state.sends++;
          return [];
        },
      };
      return producer as Producer;
    },
  } as unknown as Kafka;
  return { kafka, producers };
}

describe('classifyProduceError', () => {
  it.each([
    ['MESSAGE_TOO_LARGE', false],
    ['RECORD_LIST_TOO_LARGE', false],
    ['INVALID_RECORD', false],
    ['CORRUPT_MESSAGE', true],
  ])('%s is the message refused for good', (type, retriable) => {
    expect(classifyProduceError(brokerError(type, retriable))).toBe('message-refused');
  });

  it('our own size and shape checks are refusals', () => {
    expect(classifyProduceError(new EventTooLargeError('t', 'k', EVENT_MAX_BYTES + 1))).toBe('message-refused');
    expect(classifyProduceError(new InvalidEventError('t', ['articleId']))).toBe('message-refused');
  });

  it.each([
    'OUT_OF_ORDER_SEQUENCE_NUMBER',
    'DUPLICATE_SEQUENCE_NUMBER',
    'INVALID_PRODUCER_EPOCH',
    'UNKNOWN_PRODUCER_ID',
    'INVALID_PRODUCER_ID_MAPPING',
  ])('%s breaks the producer, not the message', (type) => {
    expect(classifyProduceError(brokerError(type, false))).toBe('producer-fatal');
  });

  it('any other non-retriable kafkajs error from the producer is producer-fatal', () => {
    expect(classifyProduceError(new KafkaJSNonRetriableError('The producer is in an unexpected state'))).toBe(
      'producer-fatal',
    );
  });

  it('an outage (retries of a retriable error exhausted, connection refused) is transient', () => {
    const refused = new KafkaJSConnectionError('Connection error: connect ECONNREFUSED 127.0.0.1:9092');
    expect(classifyProduceError(refused)).toBe('transient');
    expect(classifyProduceError(retriesExceeded(refused))).toBe('transient');
    expect(classifyProduceError(brokerError('NOT_LEADER_FOR_PARTITION', true))).toBe('transient');
    expect(classifyProduceError(new Error('socket hang up'))).toBe('transient');
  });
});

describe('EventPublisher', () => {
  it('refuses an event over EVENT_MAX_BYTES before sending anything', async () => {
    const { kafka, producers } = fakeKafka();
    const publisher = new EventPublisher(kafka);
    await expect(publisher.publish([event('small'), event('big', EVENT_MAX_BYTES)])).rejects.toBeInstanceOf(
      EventTooLargeError,
    );
    expect(producers[0]!.sends).toBe(0);
    expect(publisher.prepare(event('fits', EVENT_MAX_BYTES - 4096)).bytes).toBeLessThanOrEqual(EVENT_MAX_BYTES);
  });

  it('refuses an envelope without a key as invalid-event', () => {
    const publisher = new EventPublisher(fakeKafka().kafka);
    const broken = {
      topic: 't',
      envelope: { ...event('x').envelope, articleId: undefined },
    } as unknown as OutgoingEvent;
    expect(() => publisher.prepare(broken)).toThrow(InvalidEventError);
  });

  it('sends in requests of at most EVENT_MAX_BYTES, in order', async () => {
    const { kafka, producers } = fakeKafka();
    const publisher = new EventPublisher(kafka);
    const events = Array.from({ length: 10 }, (_, i) => event(`a${i}`, Math.floor(EVENT_MAX_BYTES / 4)));
    await publisher.publish(events);
    expect(producers[0]!.sends).toBe(4); // 3 + 3 + 3 + 1
    const requests = splitIntoRequests(events.map((e) => publisher.prepare(e)));
    expect(requests.map((r) => r.length)).toEqual([3, 3, 3, 1]);
    expect(requests.flat().map((m) => m.message.key)).toEqual(events.map((e) => e.envelope.articleId));
    for (const request of requests)
      expect(request.reduce((sum, m) => sum + m.bytes, 0)).toBeLessThanOrEqual(EVENT_MAX_BYTES);
  });

  it('sends at most MAX_MESSAGES_PER_REQUEST small messages per request, in order', async () => {
    const { kafka, producers } = fakeKafka();
    const publisher = new EventPublisher(kafka);
    const events = Array.from({ length: 2 * MAX_MESSAGES_PER_REQUEST + 1 }, (_, i) => event(`s${i}`));
    await publisher.publish(events);
    expect(producers[0]!.sends).toBe(3);
    const requests = splitIntoRequests(events.map((e) => publisher.prepare(e)));
    expect(requests.map((r) => r.length)).toEqual([MAX_MESSAGES_PER_REQUEST, MAX_MESSAGES_PER_REQUEST, 1]);
    expect(requests.flat().map((m) => m.message.key)).toEqual(events.map((e) => e.envelope.articleId));
  });

  it('replaces the producer after a sequence error, and the next send goes through on the new one', async () => {
    const { kafka, producers } = fakeKafka();
    const publisher = new EventPublisher(kafka);
    await publisher.publish([event('a')]);
    producers[0]!.failNext.push(brokerError('OUT_OF_ORDER_SEQUENCE_NUMBER', false));
    await expect(publisher.publish([event('b')])).rejects.toThrow(/OUT_OF_ORDER_SEQUENCE_NUMBER/);
    expect(publisher.producerReplacements).toBe(1);
    expect(producers).toHaveLength(2);
    expect(producers[0]!.disconnected).toBe(true);
    await publisher.publish([event('b')]);
    expect(producers[1]!.sends).toBe(1);
  });

  it('replaces the producer after a refused message (its failed request rolled back sequences of other partitions)', async () => {
    const { kafka, producers } = fakeKafka();
    const publisher = new EventPublisher(kafka);
    producers[0]!.failNext.push(brokerError('MESSAGE_TOO_LARGE', false));
    await expect(publisher.publish([event('a')])).rejects.toThrow();
    expect(publisher.producerReplacements).toBe(1);
  });

  it('keeps the producer through a transient failure (its retries keep the same sequence numbers)', async () => {
    const { kafka, producers } = fakeKafka();
    const publisher = new EventPublisher(kafka);
    producers[0]!.failNext.push(retriesExceeded(new KafkaJSConnectionError('Connection error: ECONNREFUSED')));
    await expect(publisher.publish([event('a')])).rejects.toThrow();
    await publisher.publish([event('a')]);
    expect(publisher.producerReplacements).toBe(0);
    expect(producers).toHaveLength(1);
    expect(producers[0]!.sends).toBe(1);
  });
});
