/**
 * The set-based `ArticleStore.write` against real Postgres: the same batches leave exactly the rows the former
 * one-event-at-a-time writer left (versions and diffs, late older versions, replays, re-enrichments, withdrawals,
 * entities, quotes, sources, bands, clusters and leads, near-duplicates inside one batch in message order), and
 * concurrent batches sharing near-duplicates neither deadlock nor split a story.
 */
import type { EnrichedArticle } from '@wirestream/contracts';
import { ArticleStore, createDataSource, type DataSource } from '@wirestream/persistence';
import { seededRandom, syntheticArticles } from '@wirestream/search';
import { createIsolatedEnvironment, type IsolatedEnvironment } from '@wirestream/testing';
import { applyBatchSequentially } from './sequential-article-store.testing';

type Write = { eventId: string; article: EnrichedArticle; clusterId: string | null };

function uuid(random: () => number): string {
  const s = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16)).join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-4${s.slice(13, 16)}-8${s.slice(17, 20)}-${s.slice(20)}`;
}

function flip(fingerprint: string, bits: number[]): string {
  let value = BigInt(`0x${fingerprint}`);
  for (const bit of bits) value ^= 1n << BigInt(bit);
  return value.toString(16).padStart(16, '0');
}

/**
 * A body sharing no phrase with any other: the synthetic articles come from a few sentence templates, so as text
 * (what story signatures compare) they are near-duplicates of each other, and these tests need distinct stories.
 */
function distinctBody(random: () => number): string {
  const word = () =>
    Array.from({ length: 3 + Math.floor(random() * 6) }, () =>
      String.fromCharCode(97 + Math.floor(random() * 26)),
    ).join('');
  return `${Array.from({ length: 80 }, word).join(' ')}.`;
}

/** Batches of events exercising every path of the writer, in a fixed order. */
function scenario(seed: number): Write[][] {
  const random = seededRandom(seed);
  const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)]!;
  const bits = (n: number) => Array.from({ length: n }, () => Math.floor(random() * 64));
  const base = [...syntheticArticles(260, { seed, republishedShare: 0.35, undatedShare: 0.1 })].map((s) => s.article);
  const events: Write[] = [];
  const write = (article: EnrichedArticle) => events.push({ eventId: uuid(random), article, clusterId: null });
  for (const [i, original] of base.entries()) {
    const quotes = [
      { text: `Quote ${i}`, speaker: i % 2 ? 'Ana Silva' : null },
      { text: '  ', speaker: null },
      { text: `Second ${i}`, speaker: null },
    ];
    let article = { ...original, quotes: (i % 3 ? quotes : []) as EnrichedArticle['quotes'] } as EnrichedArticle;
    // Copies edited a little (joins) or a lot (does not); some earlier than their lead; some too short to cluster.
    const r = random();
    if (r < 0.2) article = { ...article, fingerprint: flip(article.fingerprint, bits(1 + Math.floor(random() * 6))) };
    else if (r < 0.25) article = { ...article, fingerprint: flip(article.fingerprint, bits(12)) };
    if (random() < 0.1 && article.publishedAt)
      article = { ...article, publishedAt: new Date(Date.parse(article.publishedAt) - 86_400_000).toISOString() };
    if (random() < 0.03) article = { ...article, wordCount: 10 };
    if (random() < 0.1)
      article = {
        ...article,
        entities: {
          ...article.entities,
          people: [...article.entities.people, { name: ` ${article.entities.people[0]?.name ?? 'X'} `, count: 2 }],
        },
      };
    write(article);
    const fate = random();
    if (fate < 0.12)
      write({
        ...article,
        version: article.version + 1,
        title: `${article.title} (corrected)`,
        edNote: 'Corrects the title.',
      });
    else if (fate < 0.18) write({ ...article, version: article.version + 1, pubStatus: 'withdrawn' });
    else if (fate < 0.24)
      write({
        ...article,
        version: article.version + 2,
        fingerprint: flip(article.fingerprint, bits(2)),
        body: `${article.body} More.`,
      });
    else if (fate < 0.3) events.push({ ...events[events.length - 1]!, eventId: uuid(random) }); // re-enrichment of the same version
  }
  // Late older versions of updated articles, and exact redeliveries.
  const late = events
    .filter(() => random() < 0.05)
    .map((e): Write => ({
      eventId: uuid(random),
      article: { ...e.article, version: Math.max(1, e.article.version - 1), title: `${e.article.title} (older)` },
      clusterId: null,
    }));
  const redelivered = events.filter(() => random() < 0.05);
  // Shuffle lightly so versions of an id also arrive out of order across and within batches.
  const all = [...events, ...late, ...redelivered];
  for (let i = all.length - 1; i > 0; i--) {
    if (random() < 0.3) {
      const j = Math.max(0, i - 1 - Math.floor(random() * 40));
      [all[i], all[j]] = [all[j]!, all[i]!];
    }
  }
  const batches: Write[][] = [];
  const sizes = [1, 37, 2, 120, 5, 80];
  for (let i = 0, b = 0; i < all.length; b++) {
    const size = sizes[b] ?? 60 + Math.floor(random() * 60);
    batches.push(all.slice(i, i + size));
    i += size;
  }
  batches.push(pick(batches).slice(), batches[3]!.slice()); // replays of whole batches
  return batches;
}

async function snapshot(ds: DataSource): Promise<Record<string, unknown[]>> {
  const q = (sql: string) => ds.query(sql) as Promise<unknown[]>;
  return {
    articles: await q(
      `SELECT id, version, pub_status, source_id, source_name, title, language, published_at, fingerprint, cluster_id, document FROM articles ORDER BY id`,
    ),
    firstSeenOrder: await q(`SELECT id FROM articles ORDER BY first_seen_at, id`),
    // A version's document: its own, or for the current version (stored once) the article's.
    versions: await q(
      `SELECT v.article_id, v.version, COALESCE(v.document, a.document) AS document, v.changes FROM article_versions v
       LEFT JOIN articles a ON a.id = v.article_id AND a.version = v.version ORDER BY v.article_id, v.version`,
    ),
    processed: await q(`SELECT event_id, consumer FROM processed_events ORDER BY event_id`),
    sources: await q(`SELECT id, name FROM sources ORDER BY id`),
    entities: await q(`SELECT type, name FROM entities ORDER BY type, name`),
    links: await q(
      `SELECT ae.article_id, e.type, e.name, ae.count FROM article_entities ae JOIN entities e ON e.id = ae.entity_id ORDER BY 1, 2, 3`,
    ),
    quotes: await q(`SELECT article_id, ordinal, text, speaker FROM quotes ORDER BY article_id, ordinal`),
    clusters: await q(`SELECT id, lead_article_id, size FROM story_clusters ORDER BY id`),
    bands: await q(`SELECT article_id, keys FROM fingerprint_bands ORDER BY article_id`),
    postings: await q(`SELECT article_id, key FROM fingerprint_band_keys ORDER BY article_id, key`),
  };
}

describe('ArticleStore set-based batch writes (integration)', () => {
  const environments: IsolatedEnvironment[] = [];
  const sources: DataSource[] = [];

  async function database(label: string): Promise<DataSource> {
    const environment = await createIsolatedEnvironment(label);
    environments.push(environment);
    const ds = createDataSource(environment.databaseUrl, { applicationName: 'article-store-int-spec', poolSize: 4 });
    await ds.initialize();
    sources.push(ds);
    return ds;
  }

  afterAll(async () => {
    await Promise.all(sources.map((s) => s.destroy().catch(() => undefined)));
    for (const environment of environments) await environment.teardown();
  });

  it.each([11, 23])('leaves the same rows as applying the events one at a time (seed %i)', async (seed) => {
    const batches = scenario(seed);
    const [reference, setBased] = [await database('storeref'), await database('storeset')];
    const store = new ArticleStore(setBased, 'indexer');
    const changed: string[][] = [];
    for (const batch of batches) {
      const expected = await applyBatchSequentially(reference, 'indexer', batch);
      const result = await store.write(batch);
      expect([...result.changed].sort()).toEqual([...expected].sort());
      changed.push([...result.changed]);
      // What the indexer sends to the engine: the stored current row, without reading it back.
      const stored = await store.findCurrent([...result.changed]);
      for (const [id, current] of result.current)
        expect({ ...current, article: JSON.parse(JSON.stringify(current.article)) }).toEqual(stored.get(id));
    }
    const [before, after] = [await snapshot(reference), await snapshot(setBased)];
    for (const table of Object.keys(before))
      expect({ table, rows: after[table] }).toEqual({ table, rows: before[table] });

    // The scenario really exercised the interesting paths.
    const clusters = after['clusters'] as { size: number }[];
    expect(clusters.filter((c) => c.size > 1).length).toBeGreaterThan(10);
    expect((after['versions'] as { changes: unknown[] }[]).filter((v) => v.changes.length > 0).length).toBeGreaterThan(
      10,
    );
    expect(changed.at(-1)).toEqual([]);
  });

  it("takes a batch of 3,000 articles, and three of 1,500 at once, within Postgres's default lock table", async () => {
    // ~12 band keys per article: one advisory lock per key ran out of shared memory from ~1,700 articles per batch.
    const ds = await database('storebig');
    const store = new ArticleStore(ds, 'indexer');
    const random = seededRandom(9);
    const articles = [...syntheticArticles(7500, { seed: 9, republishedShare: 0 })].map((s) => ({
      ...s.article,
      body: distinctBody(random),
    }));
    const writes = (list: EnrichedArticle[]) =>
      list.map((article) => ({ eventId: uuid(random), article, clusterId: null }));
    expect((await store.write(writes(articles.slice(0, 3000)))).changed.size).toBe(3000);
    const concurrent = await Promise.all(
      [0, 1, 2].map((p) => store.write(writes(articles.slice(3000 + p * 1500, 4500 + p * 1500)))),
    );
    expect(concurrent.map((r) => r.changed.size)).toEqual([1500, 1500, 1500]);
    expect(await store.count()).toBe(7500);
  });

  it('concurrent batches with near-duplicates of each other neither deadlock nor split a story', async () => {
    const ds = await database('storeconc');
    const store = new ArticleStore(ds, 'indexer');
    const random = seededRandom(7);
    const leads = [...syntheticArticles(60, { seed: 7, republishedShare: 0 })].map((s) => ({
      ...s.article,
      body: distinctBody(random),
    }));
    // Three "partitions", each with a copy of every lead (a few bits off) in its own order.
    const partitions = [0, 1, 2].map((p) =>
      leads
        .map((lead) => ({
          ...lead,
          id: uuid(random),
          fingerprint: flip(lead.fingerprint, [Math.floor(random() * 64)]),
          source: { id: `src-${p}`, name: `Source ${p}` },
        }))
        .sort(() => random() - 0.5),
    );
    const batchesOf = (articles: EnrichedArticle[]) => [
      articles.slice(0, 20),
      articles.slice(20, 40),
      articles.slice(40),
    ];
    await Promise.all(
      partitions.map(async (articles) => {
        for (const batch of batchesOf(articles))
          await store.write(batch.map((article) => ({ eventId: uuid(random), article, clusterId: null })));
      }),
    );
    const sizes = (await ds.query('SELECT size FROM story_clusters ORDER BY size')) as { size: number }[];
    // Every lead's three copies carry its text: one story each.
    expect(sizes).toHaveLength(60);
    expect(sizes.every((s) => s.size === 3)).toBe(true);
  });
});
