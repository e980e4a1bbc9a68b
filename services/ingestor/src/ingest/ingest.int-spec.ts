/** The ingestor in-process against the real stack: Postgres rows, the outbox relay and the Kafka topic. */
import type { INestApplication } from '@nestjs/common';
import type { ArticleReceivedPayload, EventEnvelope } from '@wirestream/contracts';
import { createKafka, readTopic, type Kafka } from '@wirestream/kafka';
import { DATA_SOURCE, type DataSource } from '@wirestream/persistence';
import { createLogger, startHttpService } from '@wirestream/platform';
import {
  createIsolatedEnvironment,
  EXAMPLE_GLOBAL_VILLAGE,
  readExample,
  selectCount,
  type IsolatedEnvironment,
} from '@wirestream/testing';
import { AppModule } from '../app.module';
import { loadIngestorConfig } from '../config/ingestor.config';

describe('ingestor (integration)', () => {
  let environment: IsolatedEnvironment;
  let app: INestApplication;
  let url: string;
  let kafka: Kafka;
  let dataSource: DataSource;
  const fixture = readExample(EXAMPLE_GLOBAL_VILLAGE);

  beforeAll(async () => {
    environment = await createIsolatedEnvironment('ingestor');
    const config = loadIngestorConfig(environment.env);
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
    kafka = createKafka({ brokers: config.KAFKA_BROKERS, clientId: 'ingestor-int-spec', logger });
    dataSource = app.get<DataSource>(DATA_SOURCE);
  });

  afterAll(async () => {
    await app?.close();
    await environment?.teardown();
  });

  const post = (body: string | Uint8Array, headers: Record<string, string> = {}) =>
    fetch(`${url}/v1/ingest`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain; charset=utf-8', 'x-api-key': 'test-key', ...headers },
      body,
    });

  it('stores the article, answers 202 with its id, and publishes articles.raw.v1 keyed by id', async () => {
    const res = await post(fixture);
    expect(res.status).toBe(202);
    const body = (await res.json()) as {
      accepted: { id: string; version: number; duplicate: boolean; title: string }[];
    };
    expect(body.accepted).toHaveLength(1);
    const [item] = body.accepted;
    expect(item).toMatchObject({
      version: 1,
      duplicate: false,
      title: 'Trump meets with Colombia’s Petro after diplomatic row over cartels',
    });

    const rows = (await dataSource.query('SELECT id, version, source_id, format FROM raw_articles')) as {
      id: string;
      version: number;
      source_id: string;
      format: string;
    }[];
    expect(rows).toEqual([{ id: item!.id, version: 1, source_id: 'global-village-space', format: 'text' }]);

    const records = await readTopic(kafka, environment.topics.raw, { until: (r) => r.length >= 1, timeoutMs: 20000 });
    expect(records).toHaveLength(1);
    const [record] = records;
    expect(record!.key).toBe(item!.id);
    const envelope = JSON.parse(record!.value!) as EventEnvelope<ArticleReceivedPayload>;
    expect(envelope).toMatchObject({ type: 'article.received', schemaVersion: 1, articleId: item!.id, version: 1 });
    expect(record!.headers['eventId']).toBe(envelope.eventId);
    expect(record!.headers['traceparent']).toMatch(new RegExp(`^00-${envelope.traceId}-[0-9a-f]{16}-01$`));
    expect(envelope.payload.source).toEqual({ id: 'global-village-space', name: 'Global Village Space' });
    expect(envelope.payload.item.content).toBe(fixture);
  });

  it('answers a re-sent article as a duplicate and stores or publishes nothing more', async () => {
    const res = await post(fixture);
    expect(res.status).toBe(202);
    const body = (await res.json()) as { accepted: { duplicate: boolean }[] };
    expect(body.accepted[0]!.duplicate).toBe(true);
    expect(await selectCount(dataSource, 'SELECT count(*)::int AS n FROM raw_articles')).toBe(1);
    // The relay polls every 250 ms; wait well past that before counting.
    await new Promise((r) => setTimeout(r, 1500));
    const records = await readTopic(kafka, environment.topics.raw, { until: (r) => r.length >= 2, timeoutMs: 4000 });
    expect(records).toHaveLength(1);
  });

  it('refuses requests without a valid API key with problem+json', async () => {
    const missing = await post(fixture, { 'x-api-key': '' });
    expect(missing.status).toBe(401);
    expect(missing.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await missing.json()).toMatchObject({ status: 401, code: 'api-key-missing' });
    const wrong = await post(fixture, { 'x-api-key': 'not-the-key' });
    expect(wrong.status).toBe(403);
    expect(await wrong.json()).toMatchObject({ status: 403, code: 'api-key-invalid' });
  });

  it('reports an empty body and invalid UTF-8 with problem+json saying what and where', async () => {
    const empty = await post('');
    expect(empty.status).toBe(400);
    expect(await empty.json()).toMatchObject({ code: 'empty-body' });
    const invalid = await post(new Uint8Array([0x48, 0x69, 0x20, 0xe9, 0x74, 0xe9]));
    expect(invalid.status).toBe(400);
    const problem = (await invalid.json()) as { code: string; detail: string };
    expect(problem.code).toBe('invalid-encoding');
    expect(problem.detail).toMatch(/byte offset 3/);
  });

  it('stays healthy and counts what it handled', async () => {
    const ready = await fetch(`${url}/health/ready`);
    expect(ready.status).toBe(200);
    const metrics = await (await fetch(`${url}/metrics`)).text();
    expect(metrics).toMatch(/wirestream_ingested_items_total\{[^}]*outcome="accepted"[^}]*\} 1/);
    expect(metrics).toMatch(/wirestream_ingested_items_total\{[^}]*outcome="duplicate"[^}]*\} 1/);
  });

  it('carries the caller’s W3C trace id into the event', async () => {
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const res = await post(fixture.replace('Global Village Space', 'Trace Village Space'), {
      traceparent: `00-${traceId}-00f067aa0ba902b7-01`,
    });
    expect(res.status).toBe(202);
    const { accepted } = (await res.json()) as { accepted: { id: string }[] };
    const records = await readTopic(kafka, environment.topics.raw, {
      until: (r) => r.some((m) => m.key === accepted[0]!.id),
      timeoutMs: 20000,
    });
    const envelope = JSON.parse(records.find((m) => m.key === accepted[0]!.id)!.value!) as EventEnvelope<unknown>;
    expect(envelope.traceId).toBe(traceId);
  });
});
