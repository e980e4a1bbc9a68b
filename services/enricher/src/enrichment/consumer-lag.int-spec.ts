/**
 * `wirestream_consumer_lag` (libs/kafka; the enricher's and the indexer's consumers export it) against a real broker:
 * a group that has not consumed shows every message as lag (also before its consumer ever ran); once a
 * ReliableConsumer has handled and committed them, 0.
 */
import { createLogger, MetricsRegistry } from '@wirestream/platform';
import { createIsolatedEnvironment, metricSamples, waitFor, type IsolatedEnvironment } from '@wirestream/testing';
import {
  ConsumerLagMetric,
  createKafka,
  ensureTopics,
  EventPublisher,
  ReliableConsumer,
  type Kafka,
} from '@wirestream/kafka';

describe('consumer lag metric (integration)', () => {
  let environment: IsolatedEnvironment;
  let kafka: Kafka;
  let publisher: EventPublisher;
  const logger = createLogger('kafka-int-spec', 'silent');

  beforeAll(async () => {
    environment = await createIsolatedEnvironment('lag');
    kafka = createKafka({ brokers: environment.env['KAFKA_BROKERS']!.split(','), clientId: 'lag-int-spec', logger });
    publisher = new EventPublisher(kafka);
  });

  afterAll(async () => {
    await publisher?.disconnect();
    await environment?.teardown();
  });

  const lagLines = async (metrics: MetricsRegistry, topic: string, group: string) =>
    metricSamples(await metrics.registry.metrics(), 'wirestream_consumer_lag', { topic, group });

  it('counts what a group has not committed, per partition, and drops to 0 once it has — for every consumer of the registry', async () => {
    const topic = environment.topics.raw;
    const [idleGroup, busyGroup] = [`idle-${environment.runId}`, `busy-${environment.runId}`];
    await ensureTopics(kafka, [{ topic, partitions: 3 }]);
    await publisher.publishRaw(
      topic,
      Array.from({ length: 7 }, (_, i) => ({ key: `k${i}`, value: JSON.stringify({ i }), headers: {} })),
    );

    const metrics = new MetricsRegistry('test');
    const idle = new ConsumerLagMetric(kafka, metrics, idleGroup, topic);
    expect((await idle.read()).reduce((sum, p) => sum + p.lag, 0)).toBe(7);

    const handled: string[] = [];
    const consumer = new ReliableConsumer({
      kafka,
      groupId: busyGroup,
      topic,
      logger,
      publisher,
      metrics,
      sessionTimeoutMs: 8000,
    });
    await consumer.start({ each: async (message) => void handled.push(message.key!) });
    try {
      await waitFor(
        'every message handled and committed by the busy group',
        async () => {
          const lags = await lagLines(metrics, topic, busyGroup);
          return handled.length === 7 && lags.length === 3 && lags.every((lag) => lag === 0);
        },
        { timeoutMs: 60000 },
      );
      // The idle group, on the same registry, still shows all seven.
      const idleLags = await lagLines(metrics, topic, idleGroup);
      expect(idleLags).toHaveLength(3);
      expect(idleLags.reduce((a, b) => a + b, 0)).toBe(7);
    } finally {
      await consumer.stop();
      await idle.close();
    }
  });
});
