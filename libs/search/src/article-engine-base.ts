/**
 * Everything the two adapters do the same way. An adapter only translates a handful of
 * primitive calls into its client's request shape; the index lifecycle, bulk classification
 * and search mapping live here once, so the engines cannot drift apart.
 */
import type { SearchHit, SearchResponse } from '@wirestream/contracts';
import type { ArticleDocument } from './article-document';
import {
  articleAnalysisFilters,
  articleIndexNames,
  articleIndexTemplate,
  describeAnalysisFilter,
  type ArticleAnalysisFilter,
  type ArticleIndexNames,
  type ArticleIndexSettingsOptions,
} from './article-mapping';
import type {
  ArticleSearchEngine,
  ArticleSearchEngineOptions,
  DirectBulkOptions,
  DirectBulkResult,
  SearchEngineHealth,
  SearchEngineKind,
} from './article-search-engine';
import {
  bulkDeleteLines,
  bulkIndexLines,
  classifyBulkDeleteItems,
  classifyBulkIndexItems,
  failEveryItem,
  type BulkDeleteResult,
  type BulkIndexResult,
  type BulkLine,
  type BulkWriteOptions,
  type RawBulkItem,
} from './bulk-operations';
import { engineErrorMessage, engineErrorStatus, isAlreadyExists, SearchEngineFailedError } from './engine-errors';
import {
  aliasSwapActions,
  nextIndexName,
  parseIndexName,
  splitForBulk,
  type AliasAction,
  type ArticleIndexInfo,
} from './index-lifecycle';
import { buildArticleSearch, type ArticleSearchRequestBody } from './search-query';
import { buildRelatedArticlesSearch, type RelatedArticleSource, type RelatedArticlesOptions } from './related-query';
import type { ArticleSearchQuery } from './search-query-types';
import { toSearchHit, toSearchResponse, type RawSearchResponse } from './search-response';

export type ArticleIndexTemplate = ReturnType<typeof articleIndexTemplate>;

/** Documents per bulk request unless configured: Kafka Connect's Elasticsearch sink default (`batch.size`). */
export const DEFAULT_MAX_BULK_DOCS = 2000;
export type ClusterHealthStatus = 'green' | 'yellow' | 'red';

export abstract class ArticleEngineBase implements ArticleSearchEngine {
  abstract readonly engine: SearchEngineKind;
  readonly names: ArticleIndexNames;
  private readonly indexPrefix: string;
  private readonly indexSettings: ArticleIndexSettingsOptions;
  private readonly maxBulkDocs: number;
  private readonly maxBulkBytes: number;
  private readonly url: string;
  private readonly onMissingAnalysis: (missing: readonly string[], message: string) => void;
  private missingFilters: Promise<readonly string[]> | undefined;

  protected constructor(options: ArticleSearchEngineOptions) {
    this.url = options.url;
    this.onMissingAnalysis =
      options.onMissingAnalysis ??
      ((_missing, message) => process.emitWarning(message, { code: 'WIRESTREAM_SEARCH_ANALYSIS' }));
    this.indexPrefix = options.indexPrefix ?? '';
    this.names = articleIndexNames(this.indexPrefix);
    this.indexSettings = { shards: options.shards ?? 1, replicas: options.replicas ?? 0 };
    this.maxBulkDocs = options.maxBulkDocs ?? DEFAULT_MAX_BULK_DOCS;
    this.maxBulkBytes = options.maxBulkBytes ?? Number.POSITIVE_INFINITY;
  }

  protected abstract putIndexTemplate(name: string, template: ArticleIndexTemplate): Promise<void>;
  /** `_analyze` a word with the standard tokenizer and this one filter; throws the engine's error when it refuses (400). */
  protected abstract analyzeWithFilter(filter: ArticleAnalysisFilter['definition']): Promise<void>;
  protected abstract aliasExists(alias: string): Promise<boolean>;
  /** Settings and mappings come from the template; the body only attaches the alias. */
  protected abstract createIndexWithAlias(index: string, alias: string): Promise<void>;
  protected abstract putAlias(index: string, alias: string): Promise<void>;
  /**
   * Throws when the request as a whole fails. `requireAlias`: writes through the alias must not auto-create an
   * unmapped index before `ensureIndex`; writes into a named concrete index (a rebuild) cannot require an alias.
   */
  protected abstract sendBulk(
    lines: BulkLine[],
    refresh: BulkWriteOptions['refresh'],
    requireAlias: boolean,
  ): Promise<RawBulkItem[]>;
  /** The client's own bulk helper (batching by bytes, concurrent requests, retries of 429s). */
  protected abstract sendHelperBulk(
    index: string,
    docs: readonly ArticleDocument[],
    options: DirectBulkOptions,
  ): Promise<DirectBulkResult>;
  /** A concrete index; settings (over the template's) optional. Throws if it exists. */
  protected abstract createIndexNamed(index: string, settings: Record<string, unknown>): Promise<void>;
  protected abstract putIndexSettings(index: string, settings: Record<string, unknown>): Promise<void>;
  /** Indices the alias points at; empty when the alias does not exist. */
  protected abstract aliasTargets(alias: string): Promise<string[]>;
  /** One `_aliases` request (atomic on both engines). */
  protected abstract updateAliases(actions: AliasAction[]): Promise<void>;
  /** Document counts per concrete index of a pattern. */
  protected abstract indexDocCounts(pattern: string): Promise<Map<string, number>>;
  protected abstract sendSearch(index: string, body: ArticleSearchRequestBody): Promise<RawSearchResponse>;
  /** Null when the document does not exist. */
  protected abstract getSource(index: string, id: string): Promise<ArticleDocument | null>;
  protected abstract refreshIndex(index: string): Promise<void>;
  protected abstract clusterHealth(): Promise<ClusterHealthStatus>;
  /** Documents a search on `index` can find now; one attempt, bounded by `timeoutMs`. */
  protected abstract countDocuments(index: string, timeoutMs: number): Promise<number>;
  /** Concrete index names matching a wildcard pattern; empty when none. */
  protected abstract listIndices(pattern: string): Promise<string[]>;
  protected abstract deleteIndices(indices: string[]): Promise<void>;
  /** A missing template is fine. */
  protected abstract deleteIndexTemplate(name: string): Promise<void>;
  protected abstract closeClient(): Promise<void>;

  missingAnalysis(): Promise<readonly string[]> {
    // Asked once per instance; a failed probe (engine down) is not remembered, the next call asks again.
    this.missingFilters ??= this.detectMissingAnalysis().catch((error: unknown) => {
      this.missingFilters = undefined;
      throw error;
    });
    return this.missingFilters;
  }

  private async detectMissingAnalysis(): Promise<readonly string[]> {
    const filters = articleAnalysisFilters();
    const refused = await Promise.all(
      filters.map(async (filter) => {
        try {
          await this.analyzeWithFilter(filter.definition);
          return false;
        } catch (error) {
          // 400 = the engine does not know this filter; anything else (down, timeout) is not an answer.
          if (engineErrorStatus(error) === 400) return true;
          throw error;
        }
      }),
    );
    const missing = filters.filter((_, i) => refused[i]);
    if (missing.length > 0) {
      this.onMissingAnalysis(
        missing.map((filter) => filter.name),
        `search engine at ${new URL(this.url).origin} lacks the token filters ${missing.map(describeAnalysisFilter).join(', ')} ` +
          '(a bare server without the analysis-common module); article text is indexed without them: no stemming or accent ' +
          'folding. A full Elasticsearch/OpenSearch distribution gets the full analysis.',
      );
    }
    return missing.map((filter) => filter.name);
  }

  /** The template for the current mapping, with the analysis this engine can build. */
  private async currentTemplate(): Promise<ArticleIndexTemplate> {
    return articleIndexTemplate(this.names, { ...this.indexSettings, missingFilters: await this.missingAnalysis() });
  }

  async ensureIndex(): Promise<void> {
    const { alias, template, firstIndex } = this.names;
    // Always (re)put the template: it is cheap and keeps future indices (reindex targets) on the current mapping.
    await this.putIndexTemplate(template, await this.currentTemplate());
    if (await this.aliasExists(alias)) return;
    try {
      await this.createIndexWithAlias(firstIndex, alias);
    } catch (error) {
      // Another instance won the race; it created the same index with the same alias.
      if (!isAlreadyExists(error)) throw error;
    }
    // The index can outlive its alias (removed by hand): put the alias back rather than fail forever.
    if (!(await this.aliasExists(alias))) await this.putAlias(firstIndex, alias);
  }

  async bulkIndex(docs: readonly ArticleDocument[], options: BulkWriteOptions = {}): Promise<BulkIndexResult> {
    const result: BulkIndexResult = { indexed: [], stale: [], failed: [] };
    if (docs.length === 0) return result;
    const target = options.index ?? this.names.alias;
    const sizeOf = Number.isFinite(this.maxBulkBytes) ? undefined : () => 0;
    // Requests one after the other: one indexer batch must not flood a small cluster's write queue.
    for (const part of splitForBulk(docs, this.maxBulkDocs, this.maxBulkBytes, sizeOf)) {
      const ids = part.map((doc) => doc.id);
      try {
        const items = await this.sendBulk(bulkIndexLines(target, part), options.refresh, options.index === undefined);
        const partial = classifyBulkIndexItems(ids, items);
        result.indexed.push(...partial.indexed);
        result.stale.push(...partial.stale);
        result.failed.push(...partial.failed);
      } catch (error) {
        result.failed.push(...failEveryItem(ids, error));
      }
    }
    return result;
  }

  async bulkDelete(ids: readonly string[], options: BulkWriteOptions = {}): Promise<BulkDeleteResult> {
    if (ids.length === 0) return { deleted: [], failed: [] };
    try {
      const items = await this.sendBulk(
        bulkDeleteLines(options.index ?? this.names.alias, ids),
        options.refresh,
        options.index === undefined,
      );
      return classifyBulkDeleteItems(ids, items);
    } catch (error) {
      return { deleted: [], failed: failEveryItem(ids, error) };
    }
  }

  bulkLoadDirect(docs: readonly ArticleDocument[], options: DirectBulkOptions = {}): Promise<DirectBulkResult> {
    return this.sendHelperBulk(options.index ?? this.names.alias, docs, options);
  }

  async listArticleIndices(): Promise<ArticleIndexInfo[]> {
    const [counts, aliased] = await Promise.all([
      this.indexDocCounts(this.names.pattern),
      this.aliasTargets(this.names.alias),
    ]);
    const names = new Set([...counts.keys(), ...aliased].filter((name) => parseIndexName(this.names, name) !== null));
    return [...names]
      .sort((a, b) => (parseIndexName(this.names, a)?.counter ?? 0) - (parseIndexName(this.names, b)?.counter ?? 0))
      .map((name) => ({ name, aliased: aliased.includes(name), docs: counts.get(name) ?? null }));
  }

  async createNextIndex(options: { bulkLoad?: boolean } = {}): Promise<string> {
    // The template must carry the current mapping before the index exists: settings and mappings come from it.
    await this.putIndexTemplate(this.names.template, await this.currentTemplate());
    const existing = (await this.listArticleIndices()).map((index) => index.name);
    const name = nextIndexName(this.names, existing);
    // A bulk load does not need to be searchable until it is complete: no periodic refresh meanwhile.
    await this.createIndexNamed(name, options.bulkLoad ? { index: { refresh_interval: '-1' } } : {});
    return name;
  }

  async finishBulkLoad(index: string): Promise<void> {
    // null puts the engine's default (1 s) back.
    await this.putIndexSettings(index, { index: { refresh_interval: null } });
    await this.refreshIndex(index);
  }

  async swapAlias(index: string): Promise<string[]> {
    const from = await this.aliasTargets(this.names.alias);
    await this.updateAliases(aliasSwapActions(this.names.alias, from, index));
    return from;
  }

  async deleteIndex(index: string): Promise<void> {
    if (parseIndexName(this.names, index) === null)
      throw new Error(`${index} is not an article index of ${this.names.alias}`);
    const aliased = await this.aliasTargets(this.names.alias);
    if (aliased.includes(index))
      throw new Error(`${index} is behind the alias ${this.names.alias}; swap the alias first`);
    await this.deleteIndices([index]);
  }

  refreshIndexNamed(index: string): Promise<void> {
    return this.refreshIndex(index);
  }

  async search(query: ArticleSearchQuery): Promise<SearchResponse> {
    return (await this.searchWithTiming(query)).response;
  }

  async searchWithTiming(query: ArticleSearchQuery): Promise<{ response: SearchResponse; tookMs: number | null }> {
    const { body, plan } = buildArticleSearch(query);
    let raw: RawSearchResponse;
    try {
      raw = await this.sendSearch(this.names.alias, body);
    } catch (error) {
      // Never the engine's text to the caller: it names indices and internals, and its idea of which value was wrong.
      throw new SearchEngineFailedError(error);
    }
    return { response: toSearchResponse(raw, plan), tookMs: typeof raw.took === 'number' ? raw.took : null };
  }

  async related(article: RelatedArticleSource, options: RelatedArticlesOptions = {}): Promise<SearchHit[]> {
    let response: RawSearchResponse;
    try {
      response = await this.sendSearch(this.names.alias, buildRelatedArticlesSearch(article, options));
    } catch (error) {
      throw new SearchEngineFailedError(error);
    }
    return response.hits.hits.map(toSearchHit);
  }

  getDocument(id: string): Promise<ArticleDocument | null> {
    return this.getSource(this.names.alias, id);
  }

  refresh(): Promise<void> {
    return this.refreshIndex(this.names.alias);
  }

  async health(): Promise<SearchEngineHealth> {
    try {
      const status = await this.clusterHealth();
      return { ok: status !== 'red', engine: this.engine, status };
    } catch (error) {
      return { ok: false, engine: this.engine, status: 'unreachable', detail: engineErrorMessage(error) };
    }
  }

  documentCount(options: { timeoutMs?: number } = {}): Promise<number> {
    return this.countDocuments(this.names.alias, options.timeoutMs ?? 2000);
  }

  async dropAll(options: { force?: boolean } = {}): Promise<void> {
    if (this.indexPrefix === '' && !options.force) {
      throw new Error(
        'dropAll without an indexPrefix would delete the real article index; pass { force: true } if that is meant',
      );
    }
    // Explicit names, not a wildcard delete: Elasticsearch refuses wildcard deletes by default (action.destructive_requires_name).
    const indices = await this.listIndices(this.names.pattern);
    if (indices.length > 0) await this.deleteIndices(indices);
    await this.deleteIndexTemplate(this.names.template);
  }

  close(): Promise<void> {
    return this.closeClient();
  }
}
