/**
 * ReliableConsumer never dies quietly (real broker, 6 s session timeout): a batch that awaits past the session
 * timeout keeps its membership by heartbeating; a batch that blocks the event loop past it gets the member
 * evicted, and the consumer replaces itself, rejoins and resumes from the last commit — nothing lost, every
 * message committed — while `/health/ready`'s check reports the outage and then the recovery.
 */
import { createLogger, HealthRegistry, sleep } from '@wirestream/platform';
import { createIsolatedEnvironment, type IsolatedEnvironment } from '../isolated-environment';
import { waitFor } from '../wait-for';
import {
  ConsumerLagMetric,
  createKafka,
  ensureTopics,
  EventPublisher,
  ReliableConsumer,
  type IncomingMessage,
  type Kafka,
} from '@wirestream/kafka';

const SESSION_TIMEOUT_MS = 6000;
const COUNT = 60;

describe('ReliableConsumer past the session timeout (integration)', () => {
  let environment: IsolatedEnvironment;
  let kafka: Kafka;
  let publisher: EventPublisher;
  const logger = createLogger('kafka-int-spec', (process.env['TEST_LOG_LEVEL'] as 'warn' | undefined) ?? 'silent');

  beforeAll(async () => {
    environment = await createIsolatedEnvironment('rejoin');
    kafka = createKafka({ brokers: environment.env['KAFKA_BROKERS']!.split(','), clientId: 'rejoin-int-spec', logger });
    publisher = new EventPublisher(kafka);
  });

  afterAll(async () => {
    await publisher?.disconnect();
    await environment?.teardown();
  });

  async function publishKeys(topic: string): Promise<string[]> {
    await ensureTopics(kafka, [{ topic }]);
    const keys = Array.from({ length: COUNT }, (_, i) => `k${i}`);
    await publisher.publishRaw(
      topic,
      keys.map((key) => ({ key, value: JSON.stringify({ key }), headers: {} })),
    );
    return keys;
  }

  async function committedLag(groupId: string, topic: string): Promise<number> {
    const lag = new ConsumerLagMetric(kafka, null, groupId, topic);
    try {
      return (await lag.read()).reduce((sum, p) => sum + p.lag, 0);
    } finally {
      await lag.close();
    }
  }

  /** Handled keys with how often each was handled; the effect (a set) is idempotent. */
  function recordingHandler(slowOnce: (messages: IncomingMessage[]) => Promise<void>) {
    const handled = new Map<string, number>();
    let slowed = false;
    const batch = async (messages: IncomingMessage[]) => {
      if (!slowed) {
        slowed = true;
        await slowOnce(messages);
      }
      for (const m of messages) handled.set(m.key!, (handled.get(m.key!) ?? 0) + 1);
      return new Map<IncomingMessage, unknown>();
    };
    return { handled, batch };
  }

  it('keeps the membership through a batch that awaits twice the session timeout: no restart, nothing redelivered', async () => {
    const topic = environment.topics.raw;
    const groupId = `slow-${environment.runId}`;
    const keys = await publishKeys(topic);
    const health = new HealthRegistry();
    const { handled, batch } = recordingHandler(() => sleep(2 * SESSION_TIMEOUT_MS));
    const consumer = new ReliableConsumer({
      kafka,
      groupId,
      topic,
      logger,
      publisher,
      health,
      sessionTimeoutMs: SESSION_TIMEOUT_MS,
    });
    await consumer.start({ batch });
    try {
      await waitFor(
        'every key handled and committed',
        async () => handled.size === COUNT && (await committedLag(groupId, topic)) === 0,
        { timeoutMs: 60000 },
      );
      expect([...handled.keys()].sort()).toEqual([...keys].sort());
      expect([...handled.values()].every((n) => n === 1)).toBe(true);
      expect(consumer.state).toMatchObject({ state: 'running', joined: true, restarts: 0 });
      const report = await health.report();
      expect(report.status).toBe('ok');
      expect(report.checks[`consumer:${topic}`]).toMatchObject({
        status: 'up',
        details: { state: 'running', joined: true },
      });
    } finally {
      await consumer.stop();
    }
  });

  it('after an eviction (event loop blocked past the session timeout) rejoins by itself: nothing lost, readiness down then up', async () => {
    const topic = environment.topics.enriched;
    const groupId = `blocked-${environment.runId}`;
    const keys = await publishKeys(topic);
    const health = new HealthRegistry();
    const { handled, batch } = recordingHandler(async () => {
      // Synchronous work past the session timeout: no timer (so no heartbeat) can run, as with a regex gone wild.
      const until = Date.now() + SESSION_TIMEOUT_MS + 4000;
      while (Date.now() < until) {
        // spin
      }
    });
    const consumer = new ReliableConsumer({
      kafka,
      groupId,
      topic,
      logger,
      publisher,
      health,
      sessionTimeoutMs: SESSION_TIMEOUT_MS,
    });
    const readiness: { status: string; state: unknown }[] = [];
    let watching = true;
    const watcher = (async () => {
      while (watching) {
        const report = await health.report();
        readiness.push({ status: report.status, state: report.checks[`consumer:${topic}`]?.details?.['state'] });
        await sleep(100);
      }
    })();
    await consumer.start({ batch });
    try {
      await waitFor(
        'every key handled and committed after the rejoin',
        async () => handled.size === COUNT && (await committedLag(groupId, topic)) === 0,
        { timeoutMs: 90000 },
      );
      await waitFor('readiness back to ok', async () => (await health.report()).status === 'ok', { timeoutMs: 30000 });
      expect([...handled.keys()].sort()).toEqual([...keys].sort());
      expect(consumer.state).toMatchObject({ state: 'running', joined: true, restarts: 1 });
      // The outage was reported (the check was down while the consumer rejoined), and it recovered. The watcher
      // samples every 100 ms: it may not have seen the recovery yet when the wait above did.
      const firstDown = readiness.findIndex((r) => r.status === 'error' && r.state === 'rejoining');
      expect(firstDown).toBeGreaterThanOrEqual(0);
      await waitFor(
        'the watcher sees readiness ok after the outage',
        async () => readiness.slice(firstDown).some((r) => r.status === 'ok' && r.state === 'running'),
        { timeoutMs: 5000 },
      );
    } finally {
      watching = false;
      await watcher;
      await consumer.stop();
    }
  });
});
