/**
 * Relay throughput, measured: 5,000 outbox rows of ~5 KB written at once, then drained by the running ingestor's
 * relay onto the raw topic. Asserts every row arrived once, each key's events in id order; prints rows/s for the
 * record (README / commit messages) — no timed assertion.
 */
import type { INestApplication } from '@nestjs/common';
import { createKafka, readTopic, type Kafka } from '@wirestream/kafka';
import { DATA_SOURCE, OutboxStore, type DataSource } from '@wirestream/persistence';
import { createLogger, startHttpService } from '@wirestream/platform';
import { createIsolatedEnvironment, waitFor, type IsolatedEnvironment } from '@wirestream/testing';
import { AppModule } from '../app.module';
import { loadIngestorConfig } from '../config/ingestor.config';

const ROWS = 5000;
const BODY_BYTES = 5000;

describe('outbox relay throughput (integration)', () => {
  let environment: IsolatedEnvironment;
  let app: INestApplication;
  let kafka: Kafka;
  let dataSource: DataSource;

  beforeAll(async () => {
    environment = await createIsolatedEnvironment('relaytput');
    // The knobs being measured can be set from outside: OUTBOX_BATCH_SIZE=2000 npx jest … this file.
    const knobs = Object.fromEntries(
      ['OUTBOX_BATCH_SIZE', 'KAFKA_TOPIC_PARTITIONS'].flatMap((name) =>
        process.env[name] ? [[name, process.env[name]!]] : [],
      ),
    );
    const config = loadIngestorConfig({ ...environment.env, ...knobs });
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
    kafka = createKafka({ brokers: config.KAFKA_BROKERS, clientId: 'relay-throughput-int-spec', logger });
    dataSource = app.get<DataSource>(DATA_SOURCE);
  }, 180_000);

  afterAll(async () => {
    await app?.close();
    await environment?.teardown();
  });

  it(`relays ${ROWS} rows of ${BODY_BYTES} bytes, all of them, in order per key`, async () => {
    const admin = kafka.admin();
    await admin.connect();
    await waitFor(
      'the relay to create its topics',
      async () => (await admin.listTopics()).includes(environment.topics.raw),
      { timeoutMs: 30_000 },
    );
    await admin.disconnect();

    // 1,000 articles × 5 versions, interleaved, so order per key is checkable.
    await dataSource.query(
      `INSERT INTO outbox (topic, message_key, envelope)
       SELECT $1, 'tput-' || (g % 1000), jsonb_build_object(
         'eventId', md5(g::text), 'type', 'article.received', 'schemaVersion', 1, 'occurredAt', now(),
         'traceId', md5('t' || g), 'articleId', 'tput-' || (g % 1000), 'version', g / 1000 + 1,
         'payload', jsonb_build_object('n', g, 'text', repeat('x', $2)))
       FROM generate_series(0, $3 - 1) AS g ORDER BY g`,
      [environment.topics.raw, BODY_BYTES, ROWS],
    );
    const outbox = new OutboxStore(dataSource);
    const startedAt = Date.now();
    await waitFor('the outbox to drain', async () => (await outbox.pendingCount()) === 0, {
      timeoutMs: 300_000,
      intervalMs: 50,
    });
    const drainedMs = Date.now() - startedAt;

    const records = await readTopic(kafka, environment.topics.raw, {
      until: (r) => r.length >= ROWS,
      timeoutMs: 60_000,
    });
    expect(records).toHaveLength(ROWS);
    const versionsByKey = new Map<string, number[]>();
    for (const record of records) {
      const version = (JSON.parse(record.value!) as { version: number }).version;
      versionsByKey.set(record.key!, [...(versionsByKey.get(record.key!) ?? []), version]);
    }
    expect(versionsByKey.size).toBe(1000);
    for (const versions of versionsByKey.values()) expect(versions).toEqual([1, 2, 3, 4, 5]);
    process.stdout.write(
      `[relay-throughput] ${ROWS} rows × ${BODY_BYTES} B drained in ${drainedMs} ms: ${Math.round((ROWS * 1000) / drainedMs)} rows/s\n`,
    );
  }, 400_000);
});
