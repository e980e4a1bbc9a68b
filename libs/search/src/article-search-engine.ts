import type { SearchResponse } from '@wirestream/contracts';
import type { ArticleDocument } from './article-document';
import type { ArticleIndexNames } from './article-mapping';
import type { BulkDeleteResult, BulkIndexResult, BulkWriteOptions } from './bulk-operations';
import type { ArticleSearchQuery } from './search-query-types';

export type SearchEngineKind = 'opensearch' | 'elasticsearch';

export interface SearchEngineHealth {
  /** False when the cluster is red or does not answer; yellow still serves reads and writes. */
  ok: boolean;
  engine: SearchEngineKind;
  status: 'green' | 'yellow' | 'red' | 'unreachable';
  detail?: string;
}

/** The article index, whichever engine holds it. The only door to the search engine in the codebase. */
export interface ArticleSearchEngine {
  readonly engine: SearchEngineKind;
  readonly names: ArticleIndexNames;
  /** Puts the index template and, if the alias is missing, creates the first index behind it. Idempotent and safe to race. */
  ensureIndex(): Promise<void>;
  /** Per-document outcome; resolves even when the engine fails the whole request (every item then fails). */
  bulkIndex(docs: readonly ArticleDocument[], options?: BulkWriteOptions): Promise<BulkIndexResult>;
  /** Ids not in the index count as deleted. */
  bulkDelete(ids: readonly string[], options?: BulkWriteOptions): Promise<BulkDeleteResult>;
  /** Throws `InvalidSearchQueryError` / `InvalidSearchCursorError` for bad input (HTTP 400). */
  search(query: ArticleSearchQuery): Promise<SearchResponse>;
  /** Real-time (no refresh needed); withdrawn documents are returned as stored. */
  getDocument(id: string): Promise<ArticleDocument | null>;
  /** Makes every write so far searchable. */
  refresh(): Promise<void>;
  /** Never throws. */
  health(): Promise<SearchEngineHealth>;
  /** Deletes every index, the alias and the template of this prefix. Refuses the empty prefix unless forced. */
  dropAll(options?: { force?: boolean }): Promise<void>;
  close(): Promise<void>;
}

export interface ArticleSearchEngineOptions {
  url: string;
  /** Prepended to the alias, indices and template (e.g. `test_3f9a_`); end it with `_`. Default ''. */
  indexPrefix?: string;
  /** Shards of a newly created index. Default 1. */
  shards?: number;
  /** Replicas of a newly created index. Default 0 (single node). */
  replicas?: number;
  /** Per-request timeout. Default 30 s. */
  requestTimeoutMs?: number;
}
