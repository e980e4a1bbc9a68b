/**
 * A poisoned outbox row never blocks the rows behind it. An event past every limit (a 9 MiB envelope, written to
 * the outbox directly as no ingest path would accept it) and a malformed one sit first in the outbox; 100
 * articles posted after them all reach articles.raw.v1, and the two poisoned rows are on the DLQ with their
 * reasons, marked dead-lettered and counted.
 */
import type { INestApplication } from '@nestjs/common';
import { deadLetterTopic, EVENT_MAX_BYTES, type DeadLetterPayload } from '@wirestream/contracts';
import { createKafka, readTopic, type Kafka } from '@wirestream/kafka';
import { DATA_SOURCE, OutboxStore, type DataSource } from '@wirestream/persistence';
import { createLogger, startHttpService } from '@wirestream/platform';
import { createIsolatedEnvironment, metricSamples, waitFor, type IsolatedEnvironment } from '@wirestream/testing';
import { AppModule } from '../app.module';
import { loadIngestorConfig } from '../config/ingestor.config';

const ARTICLES = 100;
const HUGE_TEXT_BYTES = 9 * 1024 * 1024;

describe('outbox relay past a poisoned row (integration)', () => {
  let environment: IsolatedEnvironment;
  let app: INestApplication;
  let url: string;
  let kafka: Kafka;
  let dataSource: DataSource;

  beforeAll(async () => {
    environment = await createIsolatedEnvironment('poison');
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
    kafka = createKafka({ brokers: config.KAFKA_BROKERS, clientId: 'poison-int-spec', logger });
    dataSource = app.get<DataSource>(DATA_SOURCE);
  }, 180_000);

  afterAll(async () => {
    await app?.close();
    await environment?.teardown();
  });

  it(`dead-letters a ${HUGE_TEXT_BYTES / 1024 / 1024} MiB event and a malformed one, and relays the ${ARTICLES} articles behind them`, async () => {
    const raw = environment.topics.raw;
    await dataSource.query(
      `INSERT INTO outbox (topic, message_key, envelope) VALUES
         ($1, 'huge-1', jsonb_build_object('eventId', 'e-huge', 'type', 'article.received', 'schemaVersion', 1, 'occurredAt', now(), 'traceId', md5('huge'),
            'articleId', 'huge-1', 'version', 1,
            'payload', jsonb_build_object('rawRef', jsonb_build_object('table', 'raw_articles', 'id', 'huge-1', 'version', 1), 'text', repeat('x', $2)))),
         ($1, 'malformed-1', '{"type": "article.received"}')`,
      [raw, HUGE_TEXT_BYTES],
    );

    const ids: string[] = [];
    for (let i = 0; i < ARTICLES; i++) {
      const res = await post(url, article(i));
      expect(res.status).toBe(202);
      ids.push(((await res.json()) as { accepted: { id: string }[] }).accepted[0]!.id);
    }
    const outbox = new OutboxStore(dataSource);
    await waitFor('the outbox to drain past the poisoned rows', async () => (await outbox.pendingCount()) === 0, {
      timeoutMs: 60_000,
      intervalMs: 100,
    });
    expect(await outbox.deadLetteredCount()).toBe(2);

    const records = await readTopic(kafka, raw, {
      until: (r) => new Set(r.map((x) => x.key)).size >= ARTICLES,
      timeoutMs: 30_000,
    });
    expect(records.map((r) => r.key).sort()).toEqual([...ids].sort());

    const letters = await readTopic(kafka, deadLetterTopic(raw), { until: (r) => r.length >= 2, timeoutMs: 30_000 });
    expect(letters).toHaveLength(2);
    const byKey = new Map(
      letters.map((l) => [l.key, { headers: l.headers, payload: JSON.parse(l.value!) as DeadLetterPayload }]),
    );
    const huge = byKey.get('huge-1')!;
    expect(huge.payload).toMatchObject({ originalTopic: raw, key: 'huge-1', errorCode: 'event-too-large' });
    expect(huge.payload.reason).toMatch(/over EVENT_MAX_BYTES/);
    // The value did not fit in a dead letter: its head, its size and where the raw article is kept.
    expect(huge.payload.value!.length).toBe(64 * 1024);
    expect(Number(huge.payload.headers['x-value-bytes'])).toBeGreaterThan(HUGE_TEXT_BYTES);
    expect(huge.payload.headers).toMatchObject({ 'x-value-truncated': 'true', 'x-raw-ref': 'raw_articles/huge-1/1' });
    expect(Buffer.byteLength(letters.find((l) => l.key === 'huge-1')!.value!)).toBeLessThan(EVENT_MAX_BYTES);
    const malformed = byKey.get('malformed-1')!;
    expect(malformed.payload).toMatchObject({
      key: 'malformed-1',
      errorCode: 'invalid-event',
      value: '{"type":"article.received"}',
    });

    const rows = (await dataSource.query(
      `SELECT message_key, last_error FROM outbox WHERE dead_lettered_at IS NOT NULL ORDER BY id`,
    )) as { message_key: string; last_error: string }[];
    expect(rows.map((r) => r.message_key)).toEqual(['huge-1', 'malformed-1']);
    expect(rows[0]!.last_error).toMatch(/^event-too-large: /);

    const metrics = await (await fetch(`${url}/metrics`)).text();
    expect(metricSamples(metrics, 'wirestream_outbox_dead_lettered_total', { code: 'event-too-large' })).toEqual([1]);
    expect(metricSamples(metrics, 'wirestream_outbox_dead_lettered_total', { code: 'invalid-event' })).toEqual([1]);
  }, 180_000);
});

function post(url: string, body: string): Promise<Response> {
  return fetch(`${url}/v1/ingest?source=Poison%20Desk`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': 'test-key' },
    body,
  });
}

function article(n: number): string {
  return JSON.stringify({
    id: `poison-${n}`,
    version: 1,
    title: `Harbour authority report number ${n} published`,
    body: `<p>The harbour authority published report number ${n} on Tuesday, covering cargo volumes and berth repairs.</p>`,
    contentType: 'html',
    publishedAt: '2026-02-03T10:00:00Z',
    language: 'en',
  });
}
