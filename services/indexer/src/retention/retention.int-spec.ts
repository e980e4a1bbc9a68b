/**
 * Processed-event retention against real Postgres: ids older than PROCESSED_EVENTS_RETENTION_DAYS go (in batches),
 * recent ones stay — and an event redelivered after its id was pruned still changes nothing (version guard).
 */
import { ArticleStore, createDataSource, ProcessedEventStore, type DataSource } from '@wirestream/persistence';
import { createLogger, MetricsRegistry } from '@wirestream/platform';
import { syntheticArticles } from '@wirestream/search';
import { createIsolatedEnvironment, type IsolatedEnvironment } from '@wirestream/testing';
import { randomUUID } from 'node:crypto';
import { loadIndexerConfig } from '../config/indexer.config';
import { RetentionService } from './retention.service';

describe('processed-event retention (integration)', () => {
  let environment: IsolatedEnvironment;
  let dataSource: DataSource;

  beforeAll(async () => {
    environment = await createIsolatedEnvironment('eventret');
    dataSource = createDataSource(environment.databaseUrl, { applicationName: 'retention-int-spec' });
    await dataSource.initialize();
  }, 60_000);

  afterAll(async () => {
    await dataSource?.destroy();
    await environment?.teardown();
  });

  it('deletes ids older than the retention in batches; a redelivered event is still a no-op afterwards', async () => {
    const store = new ArticleStore(dataSource, 'indexer');
    const article = [...syntheticArticles(1, { seed: 4 })][0]!.article;
    const event = { eventId: randomUUID(), article, clusterId: null };
    expect((await store.write([event])).changed.size).toBe(1);
    await dataSource.query(
      `INSERT INTO processed_events (event_id, consumer, processed_at)
       SELECT gen_random_uuid(), 'indexer', now() - interval '40 days' FROM generate_series(1, 11000)`,
    );
    await dataSource.query(
      `UPDATE processed_events SET processed_at = now() - interval '31 days' WHERE event_id = $1`,
      [event.eventId],
    );
    const recent = randomUUID();
    await dataSource.query(
      `INSERT INTO processed_events (event_id, consumer, processed_at) VALUES ($1, 'indexer', now() - interval '29 days')`,
      [recent],
    );

    const config = loadIndexerConfig({ ...environment.env, PROCESSED_EVENTS_RETENTION_DAYS: '30' });
    const service = new RetentionService(
      new ProcessedEventStore(dataSource),
      config,
      createLogger('indexer', 'silent'),
      new MetricsRegistry('indexer'),
    );
    expect(await service.task.pruneOnce()).toBe(11001);
    const left = (await dataSource.query(`SELECT event_id::text FROM processed_events`)) as { event_id: string }[];
    expect(left.map((r) => r.event_id)).toEqual([recent]);

    // The same event again, its id forgotten: recorded anew, but the stored version already has it.
    const again = await store.write([event]);
    expect(again.changed.size).toBe(0);
    expect(await store.count()).toBe(1);
    const [versions] = (await dataSource.query(`SELECT count(*)::int AS n FROM article_versions`)) as { n: number }[];
    expect(versions!.n).toBe(1);
  });
});
