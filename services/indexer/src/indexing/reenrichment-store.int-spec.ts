/**
 * `ArticleStore.write` with re-enrichments (`wirestream reenrich`) against real Postgres: a re-enrichment of the
 * stored version replaces its document and every row derived from it (entities, quotes, bands, the version's diff,
 * the cluster's lead) in place; one of an older version, or of a withdrawn article, changes nothing.
 */
import type { EnrichedArticle } from '@wirestream/contracts';
import { ArticleStore, createDataSource, type DataSource } from '@wirestream/persistence';
import { syntheticArticles } from '@wirestream/search';
import { createIsolatedEnvironment, type IsolatedEnvironment } from '@wirestream/testing';
import { randomUUID } from 'node:crypto';

function flip(fingerprint: string, bits: number[]): string {
  let value = BigInt(`0x${fingerprint}`);
  for (const bit of bits) value ^= 1n << BigInt(bit);
  return value.toString(16).padStart(16, '0');
}

describe('ArticleStore re-enrichment (integration)', () => {
  let environment: IsolatedEnvironment;
  let ds: DataSource;
  let store: ArticleStore;
  const [a, b, c] = [...syntheticArticles(3, { seed: 5, republishedShare: 0 })].map((s) => s.article);

  const write = (article: EnrichedArticle, reenrichment = false) =>
    store.write([{ eventId: randomUUID(), article, clusterId: null, ...(reenrichment ? { reenrichment } : {}) }]);
  const rows = async (id: string) => ({
    article: (
      (await ds.query(
        'SELECT version, title, fingerprint, cluster_id, pub_status, published_at FROM articles WHERE id = $1',
        [id],
      )) as unknown[]
    )[0],
    entities: (await ds.query(
      'SELECT e.name, ae.count FROM article_entities ae JOIN entities e ON e.id = ae.entity_id WHERE ae.article_id = $1 ORDER BY 1',
      [id],
    )) as unknown[],
    quotes: (await ds.query('SELECT text FROM quotes WHERE article_id = $1 ORDER BY ordinal', [id])) as unknown[],
    bands:
      ((await ds.query('SELECT keys FROM fingerprint_bands WHERE article_id = $1', [id])) as { keys: number[] }[])[0]
        ?.keys ?? null,
    versions: (await ds.query(
      'SELECT version, document IS NULL AS in_articles, changes FROM article_versions WHERE article_id = $1 ORDER BY version',
      [id],
    )) as { version: number; in_articles: boolean; changes: { field: string }[] }[],
  });

  beforeAll(async () => {
    environment = await createIsolatedEnvironment('reenrichstore');
    ds = createDataSource(environment.databaseUrl, { applicationName: 'reenrichment-store-int-spec', poolSize: 2 });
    await ds.initialize();
    store = new ArticleStore(ds, 'indexer');
  });

  afterAll(async () => {
    await ds?.destroy().catch(() => undefined);
    await environment?.teardown();
  });

  it('replaces the stored version in place: document, entities, quotes, bands, diff and cluster lead', async () => {
    const v1 = { ...a!, version: 1, quotes: [{ text: 'Old quote', speaker: null }] } as EnrichedArticle;
    const v2 = { ...v1, version: 2, title: 'Old enricher title', edNote: 'Corrects.' };
    await write(v1);
    await write(v2);
    // A copy in the same story, published later: the re-enriched article's new date makes it the lead either way.
    const copy = {
      ...b!,
      body: `${v2.body} Republished.`,
      fingerprint: flip(v2.fingerprint, [3]),
      publishedAt: '2026-03-01T00:00:00.000Z',
    } as EnrichedArticle;
    await write(copy);
    const before = await rows(a!.id);
    expect((before.article as { cluster_id: string }).cluster_id).toBe(a!.id);

    // The same version, re-enriched by a "better" enricher: a plain event of it stays a no-op, a re-enrichment replaces.
    const fresh: EnrichedArticle = {
      ...v2,
      title: 'New enricher title',
      fingerprint: flip(v2.fingerprint, [60]),
      // A better extraction keeps one more paragraph: the story signature (MinHash of the body) and its bands change.
      body: `${v2.body}\n\nA closing paragraph the old enricher lost, about the ferry timetable and the harbour vote.`,
      publishedAt: '2026-03-02T00:00:00.000Z',
      quotes: [{ text: 'New quote', speaker: 'Ana Silva' }],
      entities: { people: [{ name: 'Ana Silva', count: 2 }], places: [], organizations: [] },
    } as EnrichedArticle;
    expect((await write(fresh)).changed.size).toBe(0);
    const result = await write(fresh, true);
    expect([...result.changed]).toEqual([a!.id]);
    expect(result.current.get(a!.id)).toMatchObject({
      clusterId: a!.id,
      article: { title: 'New enricher title', version: 2 },
    });

    const after = await rows(a!.id);
    expect(after.article).toMatchObject({
      version: 2,
      title: 'New enricher title',
      fingerprint: fresh.fingerprint,
      cluster_id: a!.id,
    });
    expect(after.entities).toEqual([{ name: 'Ana Silva', count: 2 }]);
    expect(after.quotes).toEqual([{ text: 'New quote' }]);
    expect(after.bands).not.toEqual(before.bands);
    // No new version row; v2 is still stored once (in `articles`), and its diff is against v1 with the new title.
    expect(after.versions.map((v) => [v.version, v.in_articles])).toEqual([
      [1, false],
      [2, true],
    ]);
    expect(after.versions[1]!.changes.map((ch) => ch.field)).toEqual(
      expect.arrayContaining(['title', 'publishedAt', 'edNote']),
    );
    expect((await store.findOne(a!.id))?.article.title).toBe('New enricher title');
    const [cluster] = (await ds.query('SELECT lead_article_id, size FROM story_clusters WHERE id = $1', [a!.id])) as {
      lead_article_id: string;
      size: number;
    }[];
    // The copy (1 March) now leads: the re-enriched article says it was published on 2 March.
    expect(cluster).toEqual({ lead_article_id: copy.id, size: 2 });
  });

  it('a re-enrichment of an older version than stored changes nothing', async () => {
    const v1 = { ...c!, version: 1 } as EnrichedArticle;
    await write(v1);
    await write({ ...v1, version: 3, title: 'Version 3' });
    expect((await write({ ...v1, title: 'Re-enriched v1' }, true)).changed.size).toBe(0);
    expect((await rows(c!.id)).article).toMatchObject({ version: 3, title: 'Version 3' });
  });

  it('a withdrawn article stays withdrawn', async () => {
    const id = randomUUID();
    const v1 = { ...c!, id, version: 1 } as EnrichedArticle;
    await write(v1);
    await write({ ...v1, version: 2, pubStatus: 'withdrawn' });
    expect((await write({ ...v1, version: 2, title: 'Resurrected?' }, true)).changed.size).toBe(0);
    expect((await write({ ...v1, version: 1, title: 'Resurrected?' }, true)).changed.size).toBe(0);
    expect((await rows(id)).article).toMatchObject({ version: 2, pub_status: 'withdrawn' });
  });
});
