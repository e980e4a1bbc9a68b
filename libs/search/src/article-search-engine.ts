import type { SearchHit, SearchResponse } from '@wirestream/contracts';
import type { ArticleDocument } from './article-document';
import type { ArticleIndexNames } from './article-mapping';
import type { BulkDeleteResult, BulkIndexResult, BulkWriteOptions } from './bulk-operations';
import type { ArticleIndexInfo } from './index-lifecycle';
import type { RelatedArticleSource, RelatedArticlesOptions } from './related-query';
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
  /**
   * Token filters of the article analysis this engine refuses (asked once with `_analyze`; empty on a full
   * distribution). Indices are then built without them — see `ArticleSearchEngineOptions.onMissingAnalysis`.
   */
  missingAnalysis(): Promise<readonly string[]>;
  /** Per-document outcome; resolves even when the engine fails the whole request (every item then fails). */
  bulkIndex(docs: readonly ArticleDocument[], options?: BulkWriteOptions): Promise<BulkIndexResult>;
  /** Ids not in the index count as deleted. */
  bulkDelete(ids: readonly string[], options?: BulkWriteOptions): Promise<BulkDeleteResult>;
  /**
   * Straight into the engine with the client's own bulk helper (batches by bytes, concurrent requests, retries 429s),
   * same actions as `bulkIndex` (external_gte versions). For benchmarks and bulk loads; no per-document outcome.
   */
  bulkLoadDirect(docs: readonly ArticleDocument[], options?: DirectBulkOptions): Promise<DirectBulkResult>;

  // ---- rebuilding the index behind the alias (reindex) ----
  /** Concrete article indices of this prefix, oldest first, each with whether the alias points at it. */
  listArticleIndices(): Promise<ArticleIndexInfo[]>;
  /** Re-puts the template (current mapping) and creates the next concrete index (counter + 1), not behind the alias. */
  createNextIndex(options?: { bulkLoad?: boolean }): Promise<string>;
  /** After a bulk load: periodic refresh back on, and everything written so far searchable. */
  finishBulkLoad(index: string): Promise<void>;
  /** One atomic `_aliases` request: the alias leaves every index it is on and points at `index`. Returns the indices it left. */
  swapAlias(index: string): Promise<string[]>;
  /** Deletes one concrete article index; refuses the one behind the alias. */
  deleteIndex(index: string): Promise<void>;
  refreshIndexNamed(index: string): Promise<void>;
  /** Throws `InvalidSearchQueryError` / `InvalidSearchCursorError` for bad input (HTTP 400), `SearchEngineFailedError` when the engine does not answer (its text only in `engineDetail`). */
  search(query: ArticleSearchQuery): Promise<SearchResponse>;
  /** `search` plus the engine's own `took` (ms spent in the engine), for Server-Timing and benchmarks. */
  searchWithTiming(query: ArticleSearchQuery): Promise<{ response: SearchResponse; tookMs: number | null }>;
  /** More like this article (its text, entities and keywords), best first; never its own story cluster or withdrawn articles. */
  related(article: RelatedArticleSource, options?: RelatedArticlesOptions): Promise<SearchHit[]>;
  /** Real-time (no refresh needed); withdrawn documents are returned as stored. */
  getDocument(id: string): Promise<ArticleDocument | null>;
  /** Makes every write so far searchable. */
  refresh(): Promise<void>;
  /** Never throws. */
  health(): Promise<SearchEngineHealth>;
  /** Documents searchable behind the alias now (one attempt, default 2 s); throws when the engine does not answer. */
  documentCount(options?: { timeoutMs?: number }): Promise<number>;
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
  /** `bulkIndex` splits larger batches into several requests of at most this many documents. Default 2,000. */
  maxBulkDocs?: number;
  /** …and of at most about this many bytes of documents. Default: no limit (the Kafka fetch already bounds a batch). */
  maxBulkBytes?: number;
  /**
   * Called once per engine instance when the engine lacks some of the article analysis (e.g. the local Elasticsearch
   * built from Maven jars has no stemmer/asciifolding). Default: one `process.emitWarning` with the message.
   */
  onMissingAnalysis?: (missing: readonly string[], message: string) => void;
}

export interface DirectBulkOptions {
  /** A concrete index instead of the alias. */
  index?: string;
  /** Bytes per request (the helper's `flushBytes`). Default: the helper's (5 MiB). */
  flushBytes?: number;
  /** Requests in flight. Default: the helper's (5). */
  concurrency?: number;
  /** Refresh once at the end. */
  refreshOnCompletion?: boolean;
}

export interface DirectBulkResult {
  total: number;
  successful: number;
  failed: number;
  timeMs: number;
  bytes: number;
  /** The first few failures, for a message. */
  failures: { id: string; status: number; reason: string }[];
}
