/**
 * Topic settings and producer recovery against the real broker: ensureTopics grows partitions (never shrinks),
 * raises max.message.bytes to EVENT_MAX_BYTES keeping other overrides, and the start-up check names a topic that
 * is too small; a broker refusal (MESSAGE_TOO_LARGE) in a multi-partition send does not break later sends.
 */
import { randomBytes } from 'node:crypto';
import { EVENT_MAX_BYTES } from '@wirestream/contracts';
import { createLogger } from '@wirestream/platform';
import { ConfigResourceTypes, type Kafka } from 'kafkajs';
import { createEnvelope } from './envelope';
import { classifyProduceError, EventPublisher } from './event-publisher';
import { assertTopicsAcceptEvents, createKafka, ensureTopics, TopicConfigError } from './kafka-client';
import { deleteTopics, readTopic } from './topic-reader';

const prefix = `t.kclient${randomBytes(4).toString('hex')}.`;
const logger = createLogger('kafka-client-int-spec', 'silent');

describe('ensureTopics and the publisher against the real broker (integration)', () => {
  const created: string[] = [];
  let admin: ReturnType<Kafka['admin']>;
  // The stack's Kafka as globalSetup publishes it (libs/testing cannot be imported here: it depends on this lib).
  const brokers = (process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092').split(',');

  beforeAll(async () => {
    admin = createKafka({ brokers, clientId: 'kafka-client-int-spec', logger }).admin();
    await admin.connect();
  });

  afterAll(async () => {
    await admin?.disconnect();
    await deleteTopics(createKafka({ brokers, clientId: 'kafka-client-int-spec', logger }), created).catch(
      () => undefined,
    );
  });

  /** A topic as another tool (or an older Wirestream) would have made it: 3 partitions, the broker's 1 MiB limit. */
  async function legacyTopic(name: string, configEntries: { name: string; value: string }[] = []): Promise<string> {
    const topic = prefix + name;
    created.push(topic);
    await admin.createTopics({
      waitForLeaders: true,
      topics: [
        {
          topic,
          numPartitions: 3,
          replicationFactor: 1,
          configEntries: [{ name: 'max.message.bytes', value: String(1024 * 1024) }, ...configEntries],
        },
      ],
    });
    return topic;
  }

  async function topicConfig(topic: string): Promise<Record<string, string>> {
    const { resources } = await admin.describeConfigs({
      includeSynonyms: false,
      resources: [{ type: ConfigResourceTypes.TOPIC, name: topic }],
    });
    return Object.fromEntries(resources[0]!.configEntries.map((e) => [e.configName, e.configValue]));
  }

  async function partitions(topic: string): Promise<number> {
    const { topics } = await admin.fetchTopicMetadata({ topics: [topic] });
    return topics[0]!.partitions.length;
  }

  it('creates missing topics with the configured partitions and max.message.bytes = EVENT_MAX_BYTES', async () => {
    const topic = prefix + 'fresh';
    created.push(topic);
    await ensureTopics(createKafka({ brokers, clientId: 'spec', logger, topicPartitions: 5 }), [{ topic }]);
    expect(await partitions(topic)).toBe(5);
    expect(Number((await topicConfig(topic))['max.message.bytes'])).toBe(EVENT_MAX_BYTES);
  });

  it('grows partitions and raises max.message.bytes on an existing topic, keeping its other overrides; never shrinks', async () => {
    const topic = await legacyTopic('legacy', [{ name: 'retention.ms', value: '3600000' }]);
    await expect(assertTopicsAcceptEvents(admin, [topic])).rejects.toThrow(TopicConfigError);
    await expect(assertTopicsAcceptEvents(admin, [topic])).rejects.toThrow(
      /max\.message\.bytes=1048576.*EVENT_MAX_BYTES=8388608/,
    );

    await ensureTopics(createKafka({ brokers, clientId: 'spec', logger, topicPartitions: 6 }), [{ topic }]);
    expect(await partitions(topic)).toBe(6);
    const config = await topicConfig(topic);
    expect(Number(config['max.message.bytes'])).toBe(EVENT_MAX_BYTES);
    expect(config['retention.ms']).toBe('3600000');
    await expect(assertTopicsAcceptEvents(admin, [topic])).resolves.toBeUndefined();

    await ensureTopics(createKafka({ brokers, clientId: 'spec', logger, topicPartitions: 2 }), [{ topic }]);
    expect(await partitions(topic)).toBe(6);
  });

  it('after the broker refuses one message of a multi-partition send, the next sends go through without a restart', async () => {
    // A topic the broker holds to 1 MiB, so a 1.5 MB event passes our own check and is refused by the broker.
    const topic = await legacyTopic('refusing');
    const kafka = createKafka({ brokers, clientId: 'spec', logger });
    const publisher = new EventPublisher(kafka, logger);
    const event = (articleId: string, bytes: number) => ({
      topic,
      envelope: createEnvelope({
        type: 'article.received',
        articleId,
        version: 1,
        payload: { text: 'x'.repeat(bytes) },
      }),
    });
    await publisher.publish([event('warm-up', 10)]);

    const batch = Array.from({ length: 30 }, (_, i) => event(`small-${i}`, 100));
    batch.splice(15, 0, event('too-big', 1_500_000));
    const refusal = await publisher.publish(batch).then(
      () => null,
      (error: unknown) => error,
    );
    expect(refusal).not.toBeNull();
    expect(classifyProduceError(refusal)).toBe('message-refused');
    expect(publisher.producerReplacements).toBe(1);

    const after = Array.from({ length: 30 }, (_, i) => event(`after-${i}`, 100));
    await publisher.publish(after);
    await publisher.disconnect();
    const records = await readTopic(kafka, topic, {
      until: (r) => after.every((e) => r.some((x) => x.key === e.envelope.articleId)),
      timeoutMs: 20_000,
    });
    expect(after.every((e) => records.some((r) => r.key === e.envelope.articleId))).toBe(true);
    expect(records.some((r) => r.key === 'too-big')).toBe(false);
  });
});
