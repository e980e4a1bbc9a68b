/**
 * No loss once accepted: with Kafka down the ingestor still answers 202 (raw article + outbox row in one
 * transaction), and every accepted article reaches articles.raw.v1 once Kafka is back. The outage is a Kafka of
 * this test's own (PrivateKafka, SIGKILLed) — the shared stack Kafka is never touched.
 */
import type { INestApplication } from '@nestjs/common';
import { createKafka, readTopic, type Kafka } from '@wirestream/kafka';
import { DATA_SOURCE, OutboxStore, type DataSource } from '@wirestream/persistence';
import { createLogger, startHttpService } from '@wirestream/platform';
import {
  createIsolatedEnvironment,
  metricSamples,
  PrivateKafka,
  waitFor,
  type IsolatedEnvironment,
} from '@wirestream/testing';
import { AppModule } from '../app.module';
import { loadIngestorConfig } from '../config/ingestor.config';

const ARTICLES = 200;

describe('outbox relay across a Kafka outage (integration)', () => {
  let environment: IsolatedEnvironment;
  let privateKafka: PrivateKafka;
  let app: INestApplication;
  let url: string;
  let kafka: Kafka;
  let dataSource: DataSource;

  beforeAll(async () => {
    [environment, privateKafka] = await Promise.all([createIsolatedEnvironment('outage'), PrivateKafka.start()]);
    const config = loadIngestorConfig({ ...environment.env, KAFKA_BROKERS: privateKafka.brokers });
    const logger = createLogger('ingestor', 'silent');
    app = await startHttpService({
      service: 'ingestor',
      description: 'test',
      rootModule: AppModule.register(config, logger),
      logger,
      port: 0,
      host: '127.0.0.1',
      bodyParser: false,
    });
    url = await app.getUrl();
    kafka = createKafka({ brokers: [privateKafka.brokers], clientId: 'outage-int-spec', logger });
    dataSource = app.get<DataSource>(DATA_SOURCE);
  }, 180_000);

  afterAll(async () => {
    await app?.close();
    await privateKafka?.dispose();
    await environment?.teardown();
  });

  it(`answers 202 for ${ARTICLES} articles while Kafka is down, and publishes exactly those ${ARTICLES} ids once it is back`, async () => {
    // The relay creates its topics on its first pass; wait for that so the outage hits publishing, not set-up.
    const warmup = await post(url, article(-1));
    expect(warmup.status).toBe(202);
    const warmupId = ((await warmup.json()) as { accepted: { id: string }[] }).accepted[0]!.id;
    const outbox = new OutboxStore(dataSource);
    await waitFor('the warm-up event to be relayed', async () => (await outbox.pendingCount()) === 0, {
      timeoutMs: 30_000,
    });

    await privateKafka.stop('SIGKILL');

    const ids = new Set<string>();
    for (let i = 0; i < ARTICLES; i++) {
      const res = await post(url, article(i));
      expect(res.status).toBe(202);
      const body = (await res.json()) as { accepted: { id: string; duplicate: boolean }[] };
      expect(body.accepted).toHaveLength(1);
      expect(body.accepted[0]!.duplicate).toBe(false);
      ids.add(body.accepted[0]!.id);
    }
    expect(ids.size).toBe(ARTICLES);
    expect(await outbox.pendingCount()).toBe(ARTICLES);
    expect(await pendingGauge(url)).toBe(ARTICLES);

    const restartedAt = Date.now();
    await privateKafka.resume();
    const brokerUpMs = Date.now() - restartedAt;
    await waitFor('the outbox to drain', async () => (await outbox.pendingCount()) === 0, {
      timeoutMs: 120_000,
      intervalMs: 100,
    });
    const drainedMs = Date.now() - restartedAt;
    expect(await pendingGauge(url)).toBe(0);

    const records = await readTopic(kafka, environment.topics.raw, {
      until: (r) => new Set(r.map((x) => x.key)).size >= ARTICLES + 1,
      timeoutMs: 60_000,
    });
    const published = new Set(records.map((r) => r.key));
    published.delete(warmupId);
    expect(published.size).toBe(ARTICLES);
    expect([...published].sort()).toEqual([...ids].sort());
    // Measured, for the record (README / issue note): broker restart, then outbox drained.
    process.stdout.write(
      `[outage] broker back after ${brokerUpMs} ms; ${ARTICLES} outbox rows drained ${drainedMs - brokerUpMs} ms later (${drainedMs} ms after restart); ${records.length} records on the topic\n`,
    );
  }, 300_000);
});

/** `wirestream_outbox_pending` as the ingestor's /metrics reports it. */
async function pendingGauge(url: string): Promise<number> {
  const [pending, ...more] = metricSamples(await (await fetch(`${url}/metrics`)).text(), 'wirestream_outbox_pending');
  if (pending === undefined || more.length)
    throw new Error('expected one wirestream_outbox_pending sample on /metrics');
  return pending;
}

function post(url: string, body: string): Promise<Response> {
  return fetch(`${url}/v1/ingest?source=Outage%20Desk`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': 'test-key' },
    body,
  });
}

function article(n: number): string {
  return JSON.stringify({
    id: `outage-${n}`,
    version: 1,
    title: `Harbour authority report number ${n} published`,
    body: `<p>The harbour authority published report number ${n} on Tuesday, covering cargo volumes and berth repairs.</p>`,
    contentType: 'html',
    publishedAt: '2026-02-03T10:00:00Z',
    language: 'en',
  });
}
