/**
 * Migration 1764900000000 (story signatures) against real Postgres: a database clustered by SimHash — the seed and
 * its republished copy in two clusters, 12 band keys each — is re-clustered from the stored documents alone; down
 * restores the SimHash band keys. Migration 1765000000000 (band-key postings) is undone first and re-run after.
 */
import type { EnrichedArticle } from '@wirestream/contracts';
import { enrichArticle } from '@wirestream/enrichment';
import { parseIngestBody } from '@wirestream/formats';
import {
  ArticleStore,
  createDataSource,
  dropDatabase,
  migrate,
  STORY_SIGNATURE,
  type DataSource,
} from '@wirestream/persistence';
import { readExample } from '@wirestream/testing';
import { randomUUID } from 'node:crypto';

const baseUrl = process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/wirestream_test';

function article(example: string, source: string): EnrichedArticle {
  const [item] = parseIngestBody({ bytes: Buffer.from(readExample(example)), contentType: 'text/plain' }).items;
  return enrichArticle({
    id: randomUUID(),
    version: 1,
    source: { id: source, name: null },
    item: item!,
    ingestedAt: '2026-02-04T12:00:00.000Z',
    now: '2026-02-04T12:00:01.000Z',
  });
}

describe('migration: story signatures re-cluster stored articles', () => {
  const url = new URL(baseUrl);
  url.pathname = `/ws_q13_migration_${randomUUID().slice(0, 8)}`;
  const databaseUrl = url.toString();
  let dataSource: DataSource;

  beforeAll(async () => {
    await migrate(databaseUrl);
    dataSource = createDataSource(databaseUrl, { poolSize: 2 });
    await dataSource.initialize();
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await dropDatabase(databaseUrl);
  });

  it('joins the seed and its republished copy, keeps an unrelated story apart, and rebuilds story_clusters', async () => {
    const seed = article('global-village-space-trump-petro.txt', 'global-village-space');
    const copy = article('metro-wire-trump-petro-republished.txt', 'metro-wire');
    const other = article('lakeshore-gazette-water-rationing.txt', 'lakeshore-gazette');
    const store = new ArticleStore(dataSource, 'migration-test');
    for (const a of [seed, copy, other])
      await store.applyBatch([{ eventId: randomUUID(), article: a, clusterId: null }]);

    // Back to the SimHash schema, and to what SimHash had clustered: the copy (20 bits away) on its own.
    // (First the band-key postings of migration 1765000000000, built on top of the signatures.)
    await dataSource.undoLastMigration({ transaction: 'each' });
    await dataSource.undoLastMigration({ transaction: 'each' });
    const [keys] = (await dataSource.query(
      'SELECT min(cardinality(keys))::int AS min, max(cardinality(keys))::int AS max FROM fingerprint_bands',
    )) as { min: number; max: number }[];
    expect(keys).toEqual({ min: 12, max: 12 });
    await dataSource.query('UPDATE articles SET cluster_id = id');
    await dataSource.query('DELETE FROM story_clusters');
    await dataSource.query(`INSERT INTO story_clusters (id, lead_article_id, size) SELECT id, id, 1 FROM articles`);

    expect(await dataSource.runMigrations({ transaction: 'each' })).toEqual([
      expect.objectContaining({ name: 'StorySignatures1764900000000' }),
      expect.objectContaining({ name: 'BandKeyPostings1765000000000' }),
    ]);

    const clusters = (await dataSource.query('SELECT id, cluster_id FROM articles')) as {
      id: string;
      cluster_id: string;
    }[];
    expect(Object.fromEntries(clusters.map((r) => [r.id, r.cluster_id]))).toEqual({
      [seed.id]: seed.id,
      [copy.id]: seed.id,
      [other.id]: other.id,
    });
    const stories = (await dataSource.query(
      'SELECT id, lead_article_id, size FROM story_clusters ORDER BY size DESC, id',
    )) as { id: string; lead_article_id: string; size: number }[];
    expect(stories).toEqual([
      { id: seed.id, lead_article_id: seed.id, size: 2 },
      { id: other.id, lead_article_id: other.id, size: 1 },
    ]);
    const [rows] = (await dataSource.query(
      'SELECT count(*)::int AS n, min(cardinality(keys))::int AS keys, min(cardinality(signature))::int AS signature FROM fingerprint_bands',
    )) as { n: number; keys: number; signature: number }[];
    expect(rows).toEqual({ n: 3, keys: STORY_SIGNATURE.bands, signature: STORY_SIGNATURE.hashes });
    // Migration 1765000000000 derived the postings from the re-clustered band rows: each key once, stamped with `seen`.
    const [postings] = (await dataSource.query(
      `SELECT count(*)::int AS n,
              count(*) FILTER (WHERE fk.seen = fb.seen AND fk.key = ANY(fb.keys))::int AS matching,
              (SELECT sum(cardinality(ARRAY(SELECT DISTINCT unnest(keys))))::int FROM fingerprint_bands) AS expected
       FROM fingerprint_band_keys fk JOIN fingerprint_bands fb ON fb.article_id = fk.article_id`,
    )) as { n: number; matching: number; expected: number }[];
    expect(postings).toEqual({ n: postings!.expected, matching: postings!.expected, expected: postings!.expected });
    expect(postings!.expected).toBeGreaterThan(3 * (STORY_SIGNATURE.bands - 2));
  });
});
