/**
 * Outbox retention against real Postgres: rows sent before OUTBOX_RETENTION_HOURS go (in batches), recent sent
 * rows stay, and an unsent row stays however old it is (it has not reached Kafka yet).
 */
import { createDataSource, OutboxStore, type DataSource } from '@wirestream/persistence';
import { createLogger, MetricsRegistry } from '@wirestream/platform';
import { createIsolatedEnvironment, type IsolatedEnvironment } from '@wirestream/testing';
import { loadIngestorConfig } from '../config/ingestor.config';
import { OutboxRetentionService } from './outbox-retention.service';

describe('outbox retention (integration)', () => {
  let environment: IsolatedEnvironment;
  let dataSource: DataSource;

  beforeAll(async () => {
    environment = await createIsolatedEnvironment('outboxret');
    dataSource = createDataSource(environment.databaseUrl, { applicationName: 'outbox-retention-int-spec' });
    await dataSource.initialize();
  }, 60_000);

  afterAll(async () => {
    await dataSource?.destroy();
    await environment?.teardown();
  });

  it('deletes rows sent before the retention, in batches, and never an unsent row', async () => {
    await dataSource.query(
      `INSERT INTO outbox (topic, message_key, envelope, created_at, sent_at)
       SELECT 'articles.raw.v1', 'old-' || g, '{}'::jsonb, now() - interval '3 days', now() - interval '2 days' FROM generate_series(1, 12001) AS g`,
    );
    await dataSource.query(
      `INSERT INTO outbox (topic, message_key, envelope, created_at, sent_at) VALUES
         ('articles.raw.v1', 'recent', '{}', now() - interval '2 hours', now() - interval '1 hour'),
         ('articles.raw.v1', 'unsent', '{}', now() - interval '5 days', NULL)`,
    );
    const config = loadIngestorConfig({ ...environment.env, OUTBOX_RETENTION_HOURS: '24' });
    const service = new OutboxRetentionService(
      new OutboxStore(dataSource),
      config,
      createLogger('ingestor', 'silent'),
      new MetricsRegistry('ingestor'),
    );

    expect(await service.task.pruneOnce()).toBe(12001); // 5,000 + 5,000 + 2,001
    const left = (await dataSource.query(`SELECT message_key FROM outbox ORDER BY message_key`)) as {
      message_key: string;
    }[];
    expect(left.map((r) => r.message_key)).toEqual(['recent', 'unsent']);
    expect(await service.task.pruneOnce()).toBe(0);
  });
});
