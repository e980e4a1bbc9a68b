import { PermanentError, RetriableError } from '@wirestream/platform';
import { ConsumerStoppingError, isTransientFailure, processWithRetries, type RetryHooks } from './process-with-retries';

function hooks(overrides: Partial<RetryHooks<string>> = {}) {
  const deadLetters: { message: string; attempts: number; error: unknown }[] = [];
  const pauses: number[] = [];
  const h: RetryHooks<string> = {
    policy: { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 1000 },
    deadLetter: async (message, error, attempts) => {
      deadLetters.push({ message, attempts, error });
    },
    isStopping: () => false,
    pause: async (ms) => {
      pauses.push(ms);
    },
    ...overrides,
  };
  return { h, deadLetters, pauses };
}

describe('processWithRetries', () => {
  it('dead-letters a permanent failure at once and never retries it, while the others succeed', async () => {
    const { h, deadLetters, pauses } = hooks();
    const calls: string[][] = [];
    await processWithRetries(
      ['a', 'poison', 'b'],
      async (pending) => {
        calls.push(pending);
        return new Map(
          pending.filter((m) => m === 'poison').map((m) => [m, new PermanentError('malformed-event', 'bad')]),
        );
      },
      h,
    );
    expect(calls).toEqual([['a', 'poison', 'b']]);
    expect(deadLetters.map((d) => [d.message, d.attempts])).toEqual([['poison', 1]]);
    expect(pauses).toEqual([]);
  });

  it('retries only what failed transiently, with growing pauses, until it succeeds', async () => {
    const { h, deadLetters, pauses } = hooks();
    let attempt = 0;
    const calls: string[][] = [];
    await processWithRetries(
      ['a', 'b'],
      async (pending) => {
        calls.push(pending);
        attempt++;
        return attempt < 3 ? new Map([['b', new RetriableError('search-unavailable', 'busy')]]) : new Map();
      },
      h,
    );
    expect(calls).toEqual([['a', 'b'], ['b'], ['b']]);
    expect(deadLetters).toEqual([]);
    expect(pauses).toHaveLength(2);
    expect(pauses[1]!).toBeGreaterThanOrEqual(100);
  });

  it('dead-letters a transient failure once its attempts are used up — it never loops', async () => {
    const { h, deadLetters } = hooks();
    let calls = 0;
    await processWithRetries(
      ['a'],
      async (pending) => {
        calls++;
        return new Map(pending.map((m) => [m, new RetriableError('search-unavailable', 'down')]));
      },
      h,
    );
    expect(calls).toBe(4);
    expect(deadLetters).toEqual([expect.objectContaining({ message: 'a', attempts: 4 })]);
  });

  it('treats a thrown batch failure as every message failing', async () => {
    const { h, deadLetters } = hooks();
    await processWithRetries(
      ['a', 'b'],
      async () => {
        throw new TypeError('bug');
      },
      h,
    );
    expect(deadLetters.map((d) => d.message)).toEqual(['a', 'b']);
  });

  it('stops without dead-lettering when asked to stop mid-retry', async () => {
    const { h, deadLetters } = hooks({ isStopping: () => true });
    await expect(
      processWithRetries(
        ['a'],
        async (pending) =>
          new Map(pending.map((m) => [m, Object.assign(new Error('refused'), { code: 'ECONNREFUSED' })])),
        h,
      ),
    ).rejects.toBeInstanceOf(ConsumerStoppingError);
    expect(deadLetters).toEqual([]);
  });
});

describe('isTransientFailure', () => {
  const kafkaError = (name: string, retriable: boolean, cause?: unknown) =>
    Object.assign(new Error('Connection error: connect ECONNREFUSED 127.0.0.1:9092'), { name, retriable, cause });

  it('treats a publish that kafkajs gave up on while the broker was unreachable as transient', () => {
    const refused = kafkaError('KafkaJSConnectionError', true);
    expect(isTransientFailure(kafkaError('KafkaJSNonRetriableError', false, refused))).toBe(true);
    expect(
      isTransientFailure(kafkaError('KafkaJSNumberOfRetriesExceeded', false, kafkaError('KafkaJSProtocolError', true))),
    ).toBe(true);
    expect(isTransientFailure(new RetriableError('search-unavailable', 'x'))).toBe(true);
  });

  it('keeps permanent failures permanent', () => {
    expect(
      isTransientFailure(kafkaError('KafkaJSNonRetriableError', false, kafkaError('KafkaJSProtocolError', false))),
    ).toBe(false);
    expect(isTransientFailure(new PermanentError('malformed-event', 'bad'))).toBe(false);
    expect(isTransientFailure(new TypeError('bug'))).toBe(false);
  });
});
