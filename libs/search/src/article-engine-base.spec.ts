/* eslint-disable @typescript-eslint/no-empty-function -- a fake adapter: most primitives do nothing */
/** The shared base with a fake adapter: what it sends, without an engine. */
import type { ArticleDocument } from './article-document';
import { toArticleDocument } from './article-document';
import { ArticleEngineBase, type ArticleIndexTemplate, type ClusterHealthStatus } from './article-engine-base';
import type { ArticleSearchEngineOptions, DirectBulkResult } from './article-search-engine';
import { articleFixture } from './article-fixture.testing';
import type { BulkLine, RawBulkItem } from './bulk-operations';
import { SearchEngineFailedError } from './engine-errors';
import type { AliasAction } from './index-lifecycle';
import type { RawSearchResponse } from './search-response';

class FakeEngine extends ArticleEngineBase {
  readonly engine = 'opensearch' as const;
  bulks: { lines: BulkLine[]; requireAlias: boolean }[] = [];
  created: { index: string; settings: Record<string, unknown> }[] = [];
  aliasActions: AliasAction[][] = [];
  deleted: string[][] = [];
  indices = new Map<string, number>([['p_articles-v1-000001', 3]]);
  aliased = ['p_articles-v1-000001'];
  searchError: unknown = null;

  constructor(options: Partial<ArticleSearchEngineOptions> = {}) {
    super({ url: 'http://fake', indexPrefix: 'p_', ...options });
  }
  templates: ArticleIndexTemplate[] = [];
  /** Filter types (or built-in names) the fake engine refuses, as a bare Elasticsearch server does. */
  refusedFilters = new Set<string>();
  analyzeCalls = 0;
  analyzeError: unknown = null;
  protected async putIndexTemplate(_name: string, template: ArticleIndexTemplate): Promise<void> {
    this.templates.push(template);
  }
  protected async analyzeWithFilter(filter: string | { type: string }): Promise<void> {
    this.analyzeCalls++;
    if (this.analyzeError) throw this.analyzeError;
    const type = typeof filter === 'string' ? filter : filter.type;
    if (this.refusedFilters.has(type))
      throw Object.assign(new Error('illegal_argument_exception'), { meta: { statusCode: 400 } });
  }
  protected async aliasExists(): Promise<boolean> {
    return true;
  }
  protected async createIndexWithAlias(): Promise<void> {}
  protected async putAlias(): Promise<void> {}
  protected async sendBulk(lines: BulkLine[], _refresh: unknown, requireAlias: boolean): Promise<RawBulkItem[]> {
    this.bulks.push({ lines, requireAlias });
    return lines
      .filter((line) => 'index' in line || 'delete' in line)
      .map((line) => ('index' in line ? { index: { status: 201 } } : { delete: { status: 200 } }));
  }
  protected async sendHelperBulk(): Promise<DirectBulkResult> {
    return { total: 0, successful: 0, failed: 0, timeMs: 0, bytes: 0, failures: [] };
  }
  protected async createIndexNamed(index: string, settings: Record<string, unknown>): Promise<void> {
    this.created.push({ index, settings });
    this.indices.set(index, 0);
  }
  protected async putIndexSettings(): Promise<void> {}
  protected async aliasTargets(): Promise<string[]> {
    return this.aliased;
  }
  protected async updateAliases(actions: AliasAction[]): Promise<void> {
    this.aliasActions.push(actions);
  }
  protected async indexDocCounts(): Promise<Map<string, number>> {
    return this.indices;
  }
  protected async sendSearch(): Promise<RawSearchResponse> {
    if (this.searchError) throw this.searchError;
    return { took: 7, hits: { total: { value: 0 }, hits: [] } };
  }
  protected async getSource(): Promise<ArticleDocument | null> {
    return null;
  }
  protected async refreshIndex(): Promise<void> {}
  protected async clusterHealth(): Promise<ClusterHealthStatus> {
    return 'green';
  }
  protected async countDocuments(): Promise<number> {
    return this.aliased.reduce((sum, index) => sum + (this.indices.get(index) ?? 0), 0);
  }
  protected async listIndices(): Promise<string[]> {
    return [...this.indices.keys()];
  }
  protected async deleteIndices(indices: string[]): Promise<void> {
    this.deleted.push(indices);
  }
  protected async deleteIndexTemplate(): Promise<void> {}
  protected async closeClient(): Promise<void> {}
}

const docs = (n: number) =>
  Array.from({ length: n }, (_, i) => toArticleDocument(articleFixture({ id: `a-${i}` }), null));

describe('ArticleEngineBase', () => {
  it('splits a large batch into bulk requests of at most maxBulkDocs, one after another, and merges the outcome', async () => {
    const engine = new FakeEngine({ maxBulkDocs: 2 });
    const result = await engine.bulkIndex(docs(5));
    expect(engine.bulks.map((b) => b.lines.length / 2)).toEqual([2, 2, 1]);
    expect(result.indexed).toEqual(['a-0', 'a-1', 'a-2', 'a-3', 'a-4']);
    expect(engine.bulks.every((b) => b.requireAlias)).toBe(true);
  });

  it('writes into a named index without require_alias (a rebuild target), through the alias otherwise', async () => {
    const engine = new FakeEngine();
    await engine.bulkIndex(docs(1), { index: 'p_articles-v1-000002' });
    await engine.bulkDelete(['a-0'], { index: 'p_articles-v1-000002' });
    await engine.bulkDelete(['a-0']);
    expect(
      engine.bulks.map((b) => [(Object.values(b.lines[0]!)[0] as { _index: string })._index, b.requireAlias]),
    ).toEqual([
      ['p_articles-v1-000002', false],
      ['p_articles-v1-000002', false],
      ['p_articles', true],
    ]);
  });

  it('creates the next index for a bulk load, swaps the alias in one request, and refuses to delete the live index', async () => {
    const engine = new FakeEngine();
    const next = await engine.createNextIndex({ bulkLoad: true });
    expect(next).toBe('p_articles-v1-000002');
    expect(engine.created).toEqual([{ index: next, settings: { index: { refresh_interval: '-1' } } }]);
    expect(await engine.listArticleIndices()).toEqual([
      { name: 'p_articles-v1-000001', aliased: true, docs: 3 },
      { name: 'p_articles-v1-000002', aliased: false, docs: 0 },
    ]);
    expect(await engine.swapAlias(next)).toEqual(['p_articles-v1-000001']);
    expect(engine.aliasActions).toEqual([
      [
        { remove: { index: 'p_articles-v1-000001', alias: 'p_articles' } },
        { add: { index: next, alias: 'p_articles', is_write_index: true } },
      ],
    ]);
    await expect(engine.deleteIndex('p_articles-v1-000001')).rejects.toThrow(/behind the alias/);
    await expect(engine.deleteIndex('other-index')).rejects.toThrow(/not an article index/);
    engine.aliased = [next];
    await engine.deleteIndex('p_articles-v1-000001');
    expect(engine.deleted).toEqual([['p_articles-v1-000001']]);
  });

  it('answers the engine’s took with the search, and wraps engine failures without their text in the message', async () => {
    const engine = new FakeEngine();
    expect((await engine.searchWithTiming({ q: 'x' })).tookMs).toBe(7);
    engine.searchError = Object.assign(new Error('bad'), {
      meta: {
        statusCode: 400,
        body: { error: { type: 'search_phase_execution_exception', reason: 'too many clauses' } },
      },
    });
    const refused = (await engine.search({ q: 'x*' }).catch((error: unknown) => error)) as SearchEngineFailedError;
    expect(refused).toMatchObject({
      name: 'SearchEngineFailedError',
      kind: 'refused',
      engineStatus: 400,
      engineDetail: 'search_phase_execution_exception: too many clauses',
    });
    expect(refused.message).not.toMatch(/clauses|exception/);
    engine.searchError = Object.assign(new Error('down'), { meta: { statusCode: 503 } });
    await expect(engine.search({ q: 'x' })).rejects.toMatchObject({ kind: 'unavailable', engineStatus: 503 });
    engine.searchError = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9200'), {});
    const down = (await engine
      .related({
        id: 'a',
        clusterId: 'a',
        title: 't',
        body: 'b',
        people: [],
        places: [],
        organizations: [],
        keywords: [],
      })
      .catch((error: unknown) => error)) as SearchEngineFailedError;
    expect(down).toMatchObject({
      kind: 'unavailable',
      engineStatus: null,
      engineDetail: 'connect ECONNREFUSED 127.0.0.1:9200',
    });
    expect(down.message).not.toMatch(/9200/);
  });

  it('puts the full analysis in the template when the engine has every filter, and asks only once', async () => {
    const warnings: string[] = [];
    const engine = new FakeEngine({ onMissingAnalysis: (_missing, message) => warnings.push(message) });
    await engine.ensureIndex();
    await engine.createNextIndex();
    expect(await engine.missingAnalysis()).toEqual([]);
    expect(engine.analyzeCalls).toBe(4);
    expect(warnings).toEqual([]);
    const analysis = engine.templates[0]!.template.settings.analysis;
    expect(analysis.analyzer.article_text.filter).toEqual([
      'article_possessive',
      'lowercase',
      'asciifolding',
      'article_light_stem',
    ]);
    expect(analysis.normalizer.article_sort.filter).toEqual(['lowercase', 'asciifolding']);
    expect(engine.templates[0]!._meta).not.toHaveProperty('missingAnalysisFilters');
  });

  it('leaves refused filters out of every chain, says so once, and records it in the template', async () => {
    const reports: { missing: readonly string[]; message: string }[] = [];
    const engine = new FakeEngine({ onMissingAnalysis: (missing, message) => reports.push({ missing, message }) });
    engine.refusedFilters = new Set(['stemmer', 'asciifolding']);
    await engine.ensureIndex();
    await engine.createNextIndex();
    expect(reports).toHaveLength(1);
    expect(reports[0]!.missing).toEqual(['article_possessive', 'asciifolding', 'article_light_stem']);
    expect(reports[0]!.message).toMatch(/article_light_stem \(stemmer light_english\)/);
    for (const template of engine.templates) {
      expect(template.template.settings.analysis.filter).toEqual({});
      expect(template.template.settings.analysis.analyzer.article_text.filter).toEqual(['lowercase']);
      expect(template.template.settings.analysis.normalizer.article_sort.filter).toEqual(['lowercase']);
      expect(template._meta).toMatchObject({
        missingAnalysisFilters: ['article_possessive', 'asciifolding', 'article_light_stem'],
      });
    }
  });

  it('does not mistake an engine that is down for one without the filters, and asks again next time', async () => {
    const engine = new FakeEngine();
    engine.analyzeError = Object.assign(new Error('connect ECONNREFUSED'), { meta: { statusCode: null } });
    await expect(engine.ensureIndex()).rejects.toThrow('ECONNREFUSED');
    expect(engine.templates).toEqual([]);
    engine.analyzeError = null;
    await engine.ensureIndex();
    expect(await engine.missingAnalysis()).toEqual([]);
  });
});
