/**
 * The article index against a real engine: whatever SEARCH_URL points at, through the adapter SEARCH_ENGINE names
 * (`auto`/unset: the one the server says it is). `npm run test:int` runs it on the stack's OpenSearch,
 * `npm run test:int:es` on the stack's Elasticsearch. Every run uses its own random index prefix and drops it at
 * the end, so runs never see each other's documents.
 */
import { randomBytes } from 'node:crypto';
import type { EnrichedArticle } from '@wirestream/contracts';
import {
  createArticleSearchEngine,
  detectSearchEngine,
  InvalidSearchCursorError,
  toArticleDocument,
  type ArticleDocument,
  type ArticleSearchEngine,
  type ArticleSearchQuery,
  type SearchEngineKind,
} from './index';
import { articleFixture } from './article-fixture.testing';

const SEARCH_URL = process.env['SEARCH_URL'] ?? 'http://127.0.0.1:9200';
const SEARCH_ENGINE = (process.env['SEARCH_ENGINE'] ?? 'auto') as SearchEngineKind | 'auto';

/** Whether the engine has the analysis-common module (stemmer, asciifolding), from its own plugin list. */
async function hasAnalysisCommon(): Promise<boolean> {
  const response = await fetch(`${SEARCH_URL}/_nodes/plugins`);
  const body = (await response.json()) as {
    nodes: Record<string, { plugins?: { name: string }[]; modules?: { name: string }[] }>;
  };
  const names = Object.values(body.nodes).flatMap((node) =>
    [...(node.plugins ?? []), ...(node.modules ?? [])].map((p) => p.name),
  );
  // Elasticsearch: module `analysis-common`; OpenSearch: `org.opensearch.analysis.common.CommonAnalysisModulePlugin`.
  return names.some((name) => /analysis[-.]common/i.test(name));
}

function enrichedArticle(
  overrides: Partial<EnrichedArticle> & Pick<EnrichedArticle, 'id' | 'title' | 'body'>,
): EnrichedArticle {
  return articleFixture(overrides);
}

const ecbRates = enrichedArticle({
  id: 'reuters-ecb-rates',
  version: 3,
  title: 'ECB raises interest rates for the first time in a year',
  body:
    'The European Central Bank raised its key interest rates by a quarter of a percentage point on Monday, citing persistent inflation.\n\n' +
    'President Christine Lagarde told reporters in Frankfurt that further increases were not ruled out.',
  keywords: ['interest rates', 'inflation'],
  entities: {
    people: [{ name: 'Christine Lagarde', count: 2 }],
    places: [{ name: 'Frankfurt', count: 1 }],
    organizations: [{ name: 'European Central Bank', count: 2 }],
  },
});

const ecbRatesFrench = enrichedArticle({
  id: 'lemonde-bce-taux',
  source: { id: 'lemonde', name: 'Le Monde' },
  language: 'fr',
  publishedAt: '2025-03-11T12:00:00Z',
  title: 'La BCE relève ses taux directeurs',
  body: "Christine Lagarde a annoncé une hausse des taux d'un quart de point à Francfort.",
  entities: {
    people: [{ name: 'Christine Lagarde', count: 1 }],
    places: [{ name: 'Frankfurt', count: 1 }],
    organizations: [{ name: 'European Central Bank', count: 1 }],
  },
});

const valenciaFloods = enrichedArticle({
  id: 'ap-valencia-floods',
  source: { id: 'ap', name: 'AP' },
  publishedAt: '2025-03-11T07:30:00Z',
  title: 'Floods hit Valencia after record rainfall',
  body:
    'Torrential rain flooded streets across Valencia on Tuesday, forcing hundreds of residents from their homes.\n\n' +
    'Emergency services said the rainfall was the heaviest recorded in a single day.',
  entities: {
    people: [],
    places: [
      { name: 'Valencia', count: 2 },
      { name: 'Spain', count: 1 },
    ],
    organizations: [],
  },
});

const undatedBlogPost = enrichedArticle({
  id: 'blog-undated-rates',
  source: { id: 'blog', name: 'Rates Blog' },
  publishedAt: null,
  title: 'What higher interest rates mean for mortgages',
  body: 'Borrowers with variable mortgages will feel higher interest rates first.',
});

const withdrawnStory = enrichedArticle({
  id: 'reuters-withdrawn',
  pubStatus: 'withdrawn',
  title: 'Withdrawn: interest rates story',
  body: 'This interest rates story was withdrawn.',
});

const invalidDocument: ArticleDocument = {
  ...toArticleDocument(enrichedArticle({ id: 'broken-date', title: 'Broken date', body: 'Broken date body.' }), null),
  publishedAt: 'not-a-date',
};

const validDocuments = [
  toArticleDocument(ecbRates, 'cluster-ecb'),
  toArticleDocument(ecbRatesFrench, 'cluster-ecb'),
  toArticleDocument(valenciaFloods, null),
  toArticleDocument(undatedBlogPost, null),
  toArticleDocument(withdrawnStory, null),
];

describe(`article search engine (SEARCH_ENGINE=${SEARCH_ENGINE})`, () => {
  const indexPrefix = `test_${randomBytes(4).toString('hex')}_`;
  let kind: SearchEngineKind;
  let engine: ArticleSearchEngine;
  const missingAnalysisReports: (readonly string[])[] = [];

  beforeAll(async () => {
    kind = SEARCH_ENGINE === 'auto' ? await detectSearchEngine(SEARCH_URL) : SEARCH_ENGINE;
    engine = await createArticleSearchEngine({
      url: SEARCH_URL,
      engine: kind,
      indexPrefix,
      onMissingAnalysis: (missing) => missingAnalysisReports.push(missing),
    });
  });

  afterAll(async () => {
    await engine.dropAll();
    await engine.close();
  });

  async function allIds(query: ArticleSearchQuery): Promise<string[]> {
    const response = await engine.search({ ...query, size: 100 });
    return response.items.map((item) => item.id);
  }

  it('auto-detects the engine SEARCH_ENGINE names and reports health', async () => {
    await expect(detectSearchEngine(SEARCH_URL)).resolves.toBe(kind);
    const detected = await createArticleSearchEngine({ url: SEARCH_URL, engine: 'auto', indexPrefix });
    expect(detected.engine).toBe(kind);
    await detected.close();
    await expect(engine.health()).resolves.toMatchObject({ ok: true, engine: kind });
  });

  it('fails writes retriably before the index exists instead of auto-creating it', async () => {
    const result = await engine.bulkIndex([toArticleDocument(ecbRates, 'cluster-ecb')]);
    expect(result.indexed).toEqual([]);
    expect(result.failed).toEqual([expect.objectContaining({ id: ecbRates.id, status: 404, retriable: true })]);
  });

  it('creates the template, index and alias idempotently, even when raced', async () => {
    await Promise.all([engine.ensureIndex(), engine.ensureIndex(), engine.ensureIndex()]);
    await engine.ensureIndex();
    const aliasResponse = await fetch(`${SEARCH_URL}/_alias/${engine.names.alias}`);
    expect(Object.keys((await aliasResponse.json()) as object)).toEqual([engine.names.firstIndex]);
  });

  it('indexes with the full analysis where the engine has it, and knowingly without stemming/folding where not', async () => {
    const full = await hasAnalysisCommon();
    const missing = await engine.missingAnalysis();
    expect(missing).toEqual(full ? [] : ['article_possessive', 'asciifolding', 'article_light_stem']);
    // Said once (ensureIndex ran three times above, and was asked again just now).
    expect(missingAnalysisReports).toEqual(full ? [] : [missing]);
    const settings = (await (await fetch(`${SEARCH_URL}/${engine.names.firstIndex}/_settings`)).json()) as Record<
      string,
      {
        settings: {
          index: {
            analysis: {
              analyzer: { article_text: { filter: string[] } };
              normalizer: { article_sort: { filter: string[] } };
            };
          };
        };
      }
    >;
    const { analysis } = settings[engine.names.firstIndex]!.settings.index;
    expect(analysis.analyzer.article_text.filter).toEqual(
      full ? ['article_possessive', 'lowercase', 'asciifolding', 'article_light_stem'] : ['lowercase'],
    );
    expect(analysis.normalizer.article_sort.filter).toEqual(full ? ['lowercase', 'asciifolding'] : ['lowercase']);
  });

  it('indexes valid documents and reports the invalid one per item', async () => {
    const result = await engine.bulkIndex([...validDocuments, invalidDocument], { refresh: 'wait_for' });
    expect(result.indexed).toEqual(validDocuments.map((doc) => doc.id));
    expect(result.failed).toHaveLength(1);
    expect(result.failed[0]).toMatchObject({ id: 'broken-date', status: 400, retriable: false });
    expect(result.failed[0]?.reason).toMatch(/publishedAt/);
    await expect(engine.getDocument('broken-date')).resolves.toBeNull();
  });

  it('never lets an older version overwrite a newer one', async () => {
    const older = { ...toArticleDocument(ecbRates, 'cluster-ecb'), version: 2, title: 'Older title' };
    const same = toArticleDocument(ecbRates, 'cluster-ecb');
    const result = await engine.bulkIndex([older, same], { refresh: 'wait_for' });
    expect(result).toEqual({ indexed: [ecbRates.id], stale: [ecbRates.id], failed: [] });
    await expect(engine.getDocument(ecbRates.id)).resolves.toMatchObject({ version: 3, title: ecbRates.title });
  });

  it('finds a phrase and highlights it', async () => {
    const response = await engine.search({ q: '"quarter of a percentage point"' });
    expect(response.total).toBe(1);
    const [hit] = response.items;
    expect(hit).toMatchObject({
      id: ecbRates.id,
      version: 3,
      source: { id: 'reuters', name: 'Reuters' },
      language: 'en',
      clusterId: 'cluster-ecb',
      url: ecbRates.url,
    });
    expect(hit?.highlights['body']?.join(' ')).toMatch(/<em>quarter/);
    expect(hit?.highlights['title']).toBeUndefined();
  });

  it('highlights titles, stems (with the full analysis), and never returns withdrawn articles', async () => {
    const both = [undatedBlogPost.id, ecbRates.id].sort();
    expect((await allIds({ q: 'interest rates' })).sort()).toEqual(both);
    // "rate" finds "rates" only through the light_english stemmer; without it the word must match exactly.
    const stems = !(await engine.missingAnalysis()).includes('article_light_stem');
    expect((await allIds({ q: 'interest rate' })).sort()).toEqual(stems ? both : []);
    const response = await engine.search({ q: 'valencia' });
    expect(response.items[0]?.highlights['title']).toEqual(['Floods hit <em>Valencia</em> after record rainfall']);
  });

  it('treats broken query syntax as text, not an error', async () => {
    await expect(engine.search({ q: 'rates AND (( "unclosed' })).resolves.toMatchObject({ nextCursor: null });
    await expect(allIds({ q: 'rates -mortgages' })).resolves.toEqual([ecbRates.id]);
    expect((await allIds({ q: 'valencia | mortgages' })).sort()).toEqual(
      [valenciaFloods.id, undatedBlogPost.id].sort(),
    );
  });

  it('filters by language, source, entities, cluster and date range', async () => {
    await expect(allIds({ language: ['fr'] })).resolves.toEqual([ecbRatesFrench.id]);
    await expect(allIds({ source: ['AP'] })).resolves.toEqual([valenciaFloods.id]);
    await expect(allIds({ source: ['ap'] })).resolves.toEqual([valenciaFloods.id]);
    expect((await allIds({ person: ['Christine Lagarde'] })).sort()).toEqual([ecbRatesFrench.id, ecbRates.id].sort());
    await expect(allIds({ place: ['Spain'] })).resolves.toEqual([valenciaFloods.id]);
    expect(await allIds({ organization: ['European Central Bank'], language: ['en'] })).toEqual([ecbRates.id]);
    expect((await allIds({ cluster: 'cluster-ecb' })).sort()).toEqual([ecbRatesFrench.id, ecbRates.id].sort());
    // A bare `to` date includes the whole day.
    expect(await allIds({ from: '2025-03-11', to: '2025-03-11', sort: 'oldest' })).toEqual([
      valenciaFloods.id,
      ecbRatesFrench.id,
    ]);
    await expect(allIds({ to: '2025-03-10T23:59:59Z' })).resolves.toEqual([ecbRates.id]);
  });

  it('answers facets for the matching documents', async () => {
    const { facets, total } = await engine.search({ size: 0 });
    expect(total).toBe(4);
    expect(facets.languages).toEqual([
      { value: 'en', count: 3 },
      { value: 'fr', count: 1 },
    ]);
    expect(facets.sources).toHaveLength(4);
    expect(facets.people).toEqual([{ value: 'Christine Lagarde', count: 2 }]);
    expect(facets.places).toContainEqual({ value: 'Frankfurt', count: 2 });
    expect(facets.organizations).toEqual([{ value: 'European Central Bank', count: 2 }]);
    expect(facets.published).toEqual([
      { value: '2025-03-10', count: 1 },
      { value: '2025-03-11', count: 2 },
    ]);
  });

  it('sorts newest and oldest with a total order (undated last)', async () => {
    await expect(allIds({ sort: 'newest' })).resolves.toEqual([
      ecbRatesFrench.id,
      valenciaFloods.id,
      ecbRates.id,
      undatedBlogPost.id,
    ]);
    await expect(allIds({ sort: 'oldest' })).resolves.toEqual([
      ecbRates.id,
      valenciaFloods.id,
      ecbRatesFrench.id,
      undatedBlogPost.id,
    ]);
  });

  it.each(['newest', 'oldest', 'relevance'] as const)(
    'pages with cursors through every hit exactly once (%s)',
    async (sort) => {
      const expected = await allIds({ sort, q: sort === 'relevance' ? 'rates | valencia | lagarde' : undefined });
      const paged: string[] = [];
      let cursor: string | undefined;
      for (let page = 0; page < 10; page++) {
        const response = await engine.search({
          sort,
          size: 1,
          cursor,
          q: sort === 'relevance' ? 'rates | valencia | lagarde' : undefined,
        });
        paged.push(...response.items.map((item) => item.id));
        if (!response.nextCursor) break;
        cursor = response.nextCursor;
      }
      expect(expected.length).toBeGreaterThan(1);
      expect(paged).toEqual(expected);
    },
  );

  it('rejects a cursor from another sort', async () => {
    const { nextCursor } = await engine.search({ sort: 'newest', size: 1 });
    await expect(engine.search({ sort: 'oldest', cursor: nextCursor ?? 'missing' })).rejects.toBeInstanceOf(
      InvalidSearchCursorError,
    );
  });

  it('collapses a story cluster to one hit and pages collapsed results', async () => {
    const collapsed = await engine.search({ q: 'Lagarde', collapse: 'cluster' });
    expect(collapsed.total).toBe(1);
    expect(collapsed.items).toHaveLength(1);
    const first = await engine.search({ collapse: 'cluster', sort: 'newest', size: 2 });
    const second = await engine.search({
      collapse: 'cluster',
      sort: 'newest',
      size: 2,
      cursor: first.nextCursor ?? 'missing',
    });
    const ids = [...first.items, ...second.items].map((item) => item.id);
    expect(ids).toEqual([ecbRatesFrench.id, valenciaFloods.id, undatedBlogPost.id]);
    expect(second.nextCursor).toBeNull();
  });

  it('reads one document in real time', async () => {
    await expect(engine.getDocument(ecbRatesFrench.id)).resolves.toEqual(
      toArticleDocument(ecbRatesFrench, 'cluster-ecb'),
    );
    await expect(engine.getDocument('no-such-article')).resolves.toBeNull();
  });

  it('deletes documents, treating missing ones as deleted', async () => {
    const result = await engine.bulkDelete([valenciaFloods.id, 'no-such-article']);
    expect(result).toEqual({ deleted: [valenciaFloods.id, 'no-such-article'], failed: [] });
    await engine.refresh();
    await expect(allIds({ q: 'valencia' })).resolves.toEqual([]);
  });

  it('bulk-loads a next index with the client helper, then makes it searchable and deletes it (not behind the alias)', async () => {
    const next = await engine.createNextIndex({ bulkLoad: true });
    const stats = await engine.bulkLoadDirect([...validDocuments, invalidDocument], { index: next, flushBytes: 1024 });
    expect(stats).toMatchObject({ total: 6, successful: 5, failed: 1 });
    expect(stats.failures).toEqual([expect.objectContaining({ id: 'broken-date', status: 400 })]);
    await engine.finishBulkLoad(next);
    const indices = await engine.listArticleIndices();
    expect(indices).toContainEqual({ name: next, aliased: false, docs: 5 });
    await engine.deleteIndex(next);
    expect((await engine.listArticleIndices()).map((index) => index.name)).not.toContain(next);
  });

  it('refuses to drop the unprefixed index without force', async () => {
    const unprefixed = await createArticleSearchEngine({ url: SEARCH_URL, engine: kind });
    await expect(unprefixed.dropAll()).rejects.toThrow(/force/);
    await unprefixed.close();
  });

  it('drops everything of its prefix', async () => {
    const other = await createArticleSearchEngine({ url: SEARCH_URL, engine: kind, indexPrefix });
    await other.dropAll();
    await other.close();
    expect((await fetch(`${SEARCH_URL}/_alias/${engine.names.alias}`)).status).toBe(404);
    expect((await fetch(`${SEARCH_URL}/_index_template/${engine.names.template}`)).status).toBe(404);
  });
});
