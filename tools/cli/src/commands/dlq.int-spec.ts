/** `wirestream dlq` against the real Kafka: list what failed, and replay it to the topic it failed on. */
import { deadLetterTopic, type DeadLetterPayload } from '@wirestream/contracts';
import { createKafka, ensureTopics, EventPublisher, readTopic, type Kafka } from '@wirestream/kafka';
import { createLogger } from '@wirestream/platform';
import { createIsolatedEnvironment, type IsolatedEnvironment } from '@wirestream/testing';
import { PassThrough } from 'node:stream';
import type { CliIo } from '../cli-command';
import { dlqCommand } from './dlq';

function captureIo(env: Record<string, string>): CliIo & { out: () => string; err: () => string } {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c: Buffer) => (out += c.toString()));
  stderr.on('data', (c: Buffer) => (err += c.toString()));
  return { stdout, stderr, env: { ...process.env, ...env }, out: () => out, err: () => err };
}

describe('wirestream dlq (integration)', () => {
  let environment: IsolatedEnvironment;
  let kafka: Kafka;
  let publisher: EventPublisher;

  beforeAll(async () => {
    environment = await createIsolatedEnvironment('clidlq');
    kafka = createKafka({
      brokers: environment.env['KAFKA_BROKERS']!.split(','),
      clientId: 'dlq-int-spec',
      logger: createLogger('test', 'silent'),
    });
    publisher = new EventPublisher(kafka);
    // The services create their topics at start-up; here nothing else runs.
    await ensureTopics(kafka, [{ topic: environment.topics.raw }, { topic: deadLetterTopic(environment.topics.raw) }]);
    const letter: DeadLetterPayload = {
      originalTopic: environment.topics.raw,
      partition: 1,
      offset: '7',
      key: 'article-1',
      value: '{"eventId":"e1"}',
      headers: { eventId: 'e1' },
      errorClass: 'MalformedEventError',
      errorCode: 'malformed-event',
      message: 'envelope is missing type',
      reason: 'MalformedEventError: envelope is missing type',
      attempts: 1,
      failedAt: '2026-11-25T12:00:00.000Z',
    };
    await publisher.publishRaw(deadLetterTopic(environment.topics.raw), [
      { key: 'article-1', value: JSON.stringify(letter), headers: {} },
    ]);
  });

  afterAll(async () => {
    await publisher?.disconnect();
    await environment?.teardown();
  });

  it('lists dead letters with their reason', async () => {
    const io = captureIo({ KAFKA_TOPIC_PREFIX: environment.topicPrefix });
    expect(await dlqCommand.run(['list'], io)).toBe(0);
    expect(io.out()).toContain('1 dead letter(s)');
    expect(io.out()).toMatch(/article-1\s+malformed-event\s+MalformedEventError: envelope is missing type/);
  });

  it('replays a dead letter to the topic it failed on, marked as replayed', async () => {
    const io = captureIo({ KAFKA_TOPIC_PREFIX: environment.topicPrefix });
    expect(await dlqCommand.run(['replay', 'article-1'], io)).toBe(0);
    expect(io.out()).toContain('replayed 1 message(s)');
    const replayed = await readTopic(kafka, environment.topics.raw, { until: (r) => r.length >= 1, timeoutMs: 15000 });
    expect(replayed).toHaveLength(1);
    expect(replayed[0]).toMatchObject({ key: 'article-1', value: '{"eventId":"e1"}' });
    expect(replayed[0]!.headers['x-replayed-from']).toMatch(/\.dlq\/\d+\/\d+$/);
  });

  it('refuses an unknown stage as a usage error', async () => {
    const io = captureIo({});
    await expect(dlqCommand.run(['list', '--stage', 'indexed'], io)).rejects.toThrow(
      /--stage must be one of raw, enriched/,
    );
  });
});
