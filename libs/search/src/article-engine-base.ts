/**
 * Everything the two adapters do the same way. An adapter only translates a handful of
 * primitive calls into its client's request shape; the index lifecycle, bulk classification
 * and search mapping live here once, so the engines cannot drift apart.
 */
import type { SearchResponse } from '@wirestream/contracts';
import type { ArticleDocument } from './article-document';
import { articleIndexNames, articleIndexTemplate, type ArticleIndexNames, type ArticleIndexSettingsOptions } from './article-mapping';
import type {
  ArticleSearchEngine,
  ArticleSearchEngineOptions,
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
import { engineErrorMessage, isAlreadyExists } from './engine-errors';
import { buildArticleSearch, type ArticleSearchRequestBody } from './search-query';
import type { ArticleSearchQuery } from './search-query-types';
import { toSearchResponse, type RawSearchResponse } from './search-response';

export type ArticleIndexTemplate = ReturnType<typeof articleIndexTemplate>;
export type ClusterHealthStatus = 'green' | 'yellow' | 'red';

export abstract class ArticleEngineBase implements ArticleSearchEngine {
  abstract readonly engine: SearchEngineKind;
  readonly names: ArticleIndexNames;
  private readonly indexPrefix: string;
  private readonly indexSettings: ArticleIndexSettingsOptions;

  protected constructor(options: ArticleSearchEngineOptions) {
    this.indexPrefix = options.indexPrefix ?? '';
    this.names = articleIndexNames(this.indexPrefix);
    this.indexSettings = { shards: options.shards ?? 1, replicas: options.replicas ?? 0 };
  }

  protected abstract putIndexTemplate(name: string, template: ArticleIndexTemplate): Promise<void>;
  protected abstract aliasExists(alias: string): Promise<boolean>;
  /** Settings and mappings come from the template; the body only attaches the alias. */
  protected abstract createIndexWithAlias(index: string, alias: string): Promise<void>;
  protected abstract putAlias(index: string, alias: string): Promise<void>;
  /** Throws when the request as a whole fails. */
  protected abstract sendBulk(lines: BulkLine[], refresh: BulkWriteOptions['refresh']): Promise<RawBulkItem[]>;
  protected abstract sendSearch(index: string, body: ArticleSearchRequestBody): Promise<RawSearchResponse>;
  /** Null when the document does not exist. */
  protected abstract getSource(index: string, id: string): Promise<ArticleDocument | null>;
  protected abstract refreshIndex(index: string): Promise<void>;
  protected abstract clusterHealth(): Promise<ClusterHealthStatus>;
  /** Concrete index names matching a wildcard pattern; empty when none. */
  protected abstract listIndices(pattern: string): Promise<string[]>;
  protected abstract deleteIndices(indices: string[]): Promise<void>;
  /** A missing template is fine. */
  protected abstract deleteIndexTemplate(name: string): Promise<void>;
  protected abstract closeClient(): Promise<void>;

  async ensureIndex(): Promise<void> {
    const { alias, template, firstIndex } = this.names;
    // Always (re)put the template: it is cheap and keeps future indices (reindex targets) on the current mapping.
    await this.putIndexTemplate(template, articleIndexTemplate(this.names, this.indexSettings));
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
    if (docs.length === 0) return { indexed: [], stale: [], failed: [] };
    const ids = docs.map((doc) => doc.id);
    try {
      const items = await this.sendBulk(bulkIndexLines(this.names.alias, docs), options.refresh);
      return classifyBulkIndexItems(ids, items);
    } catch (error) {
      return { indexed: [], stale: [], failed: failEveryItem(ids, error) };
    }
  }

  async bulkDelete(ids: readonly string[], options: BulkWriteOptions = {}): Promise<BulkDeleteResult> {
    if (ids.length === 0) return { deleted: [], failed: [] };
    try {
      const items = await this.sendBulk(bulkDeleteLines(this.names.alias, ids), options.refresh);
      return classifyBulkDeleteItems(ids, items);
    } catch (error) {
      return { deleted: [], failed: failEveryItem(ids, error) };
    }
  }

  async search(query: ArticleSearchQuery): Promise<SearchResponse> {
    const { body, plan } = buildArticleSearch(query);
    return toSearchResponse(await this.sendSearch(this.names.alias, body), plan);
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

  async dropAll(options: { force?: boolean } = {}): Promise<void> {
    if (this.indexPrefix === '' && !options.force) {
      throw new Error('dropAll without an indexPrefix would delete the real article index; pass { force: true } if that is meant');
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
