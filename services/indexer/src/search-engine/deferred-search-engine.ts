import type { SearchResponse, SearchHit } from '@wirestream/contracts';
import type { Logger } from '@wirestream/platform';
import {
  articleIndexNames,
  createArticleSearchEngine,
  SearchEngineFailedError,
  type ArticleDocument,
  type ArticleIndexInfo,
  type ArticleIndexNames,
  type ArticleSearchEngine,
  type ArticleSearchQuery,
  type BulkDeleteResult,
  type BulkIndexResult,
  type BulkWriteOptions,
  type CreateArticleSearchEngineOptions,
  type DirectBulkOptions,
  type DirectBulkResult,
  type RelatedArticleSource,
  type RelatedArticlesOptions,
  type SearchEngineHealth,
  type SearchEngineKind,
} from '@wirestream/search';

/** Between set-up attempts while the engine does not answer. */
const SET_UP_RETRY_MS = 2000;

/**
 * The article engine, set up when the engine first answers instead of at start-up: which engine it is (`auto` asks
 * it) and the index template and alias are only known then. Until that, the indexer runs not-ready (the `search`
 * check says why), searches answer 503 and `whenReady` waits; a background loop keeps trying, so an indexer started
 * before its engine (or during an engine outage) finishes its set-up on its own when the engine appears.
 */
export class DeferredSearchEngine implements ArticleSearchEngine {
  readonly names: ArticleIndexNames;
  private inner: ArticleSearchEngine | null = null;
  private attempt: Promise<ArticleSearchEngine> | null = null;
  private lastError = 'not tried yet';
  private closed = false;
  private stopWaiting: () => void = () => undefined;
  private readonly ready: Promise<ArticleSearchEngine>;
  private resolveReady!: (engine: ArticleSearchEngine) => void;

  constructor(
    private readonly options: CreateArticleSearchEngineOptions,
    private readonly logger: Logger,
    private readonly create: (
      options: CreateArticleSearchEngineOptions,
    ) => Promise<ArticleSearchEngine> = createArticleSearchEngine,
  ) {
    this.names = articleIndexNames(options.indexPrefix ?? '');
    this.ready = new Promise((resolve) => (this.resolveReady = resolve));
  }

  /**
   * Tries once (resolved when that attempt ends, whatever its outcome: with the engine up, the indexer starts set
   * up as before), then keeps trying in the background until set up or closed.
   */
  async start(): Promise<void> {
    await this.setUp().catch(() => undefined);
    void this.keepTrying();
  }

  /** Resolves once the engine is known and its index exists (never, if closed first). */
  async whenReady(): Promise<void> {
    await this.ready;
  }

  get isReady(): boolean {
    return this.inner !== null;
  }

  get engine(): SearchEngineKind {
    return this.inner?.engine ?? (this.options.engine === 'auto' ? 'opensearch' : this.options.engine);
  }

  private async keepTrying(): Promise<void> {
    while (!this.closed && !this.inner) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, SET_UP_RETRY_MS);
        this.stopWaiting = () => (clearTimeout(timer), resolve());
      });
      if (!this.closed) await this.setUp().catch(() => undefined);
    }
  }

  /** One set-up attempt at a time; every caller waiting for it hears the same outcome. */
  private setUp(): Promise<ArticleSearchEngine> {
    if (this.inner) return Promise.resolve(this.inner);
    this.attempt ??= (async () => {
      const engine = await this.create(this.options);
      try {
        await engine.ensureIndex();
      } catch (error) {
        await engine.close().catch(() => undefined);
        throw error;
      }
      if (this.closed) {
        await engine.close();
        throw new Error('search engine closed during set-up');
      }
      this.inner = engine;
      this.logger.info({ engine: engine.engine, alias: engine.names.alias }, 'search engine ready');
      this.resolveReady(engine);
      return engine;
    })()
      .catch((error: unknown) => {
        const first = this.lastError === 'not tried yet';
        this.lastError = error instanceof Error ? error.message : String(error);
        if (first)
          this.logger.warn(
            { error: this.lastError },
            'search engine not reachable; the indexer stays not-ready and keeps trying',
          );
        throw error;
      })
      .finally(() => (this.attempt = null));
    return this.attempt;
  }

  /** The engine once set up; before that, one attempt and otherwise a 503-mapped "unavailable". */
  private async use(): Promise<ArticleSearchEngine> {
    if (this.inner) return this.inner;
    try {
      return await this.setUp();
    } catch (error) {
      throw new SearchEngineFailedError(error);
    }
  }

  async health(): Promise<SearchEngineHealth> {
    if (!this.inner)
      return { ok: false, engine: this.engine, status: 'unreachable', detail: `not set up yet: ${this.lastError}` };
    return this.inner.health();
  }

  async close(): Promise<void> {
    this.closed = true;
    this.stopWaiting();
    await this.attempt?.catch(() => undefined);
    await this.inner?.close();
  }

  ensureIndex = async (): Promise<void> => (await this.use()).ensureIndex();
  missingAnalysis = async (): Promise<readonly string[]> => (await this.use()).missingAnalysis();
  bulkIndex = async (docs: readonly ArticleDocument[], options?: BulkWriteOptions): Promise<BulkIndexResult> =>
    (await this.use()).bulkIndex(docs, options);
  bulkDelete = async (ids: readonly string[], options?: BulkWriteOptions): Promise<BulkDeleteResult> =>
    (await this.use()).bulkDelete(ids, options);
  bulkLoadDirect = async (docs: readonly ArticleDocument[], options?: DirectBulkOptions): Promise<DirectBulkResult> =>
    (await this.use()).bulkLoadDirect(docs, options);
  listArticleIndices = async (): Promise<ArticleIndexInfo[]> => (await this.use()).listArticleIndices();
  createNextIndex = async (options?: { bulkLoad?: boolean }): Promise<string> =>
    (await this.use()).createNextIndex(options);
  finishBulkLoad = async (index: string): Promise<void> => (await this.use()).finishBulkLoad(index);
  swapAlias = async (index: string): Promise<string[]> => (await this.use()).swapAlias(index);
  deleteIndex = async (index: string): Promise<void> => (await this.use()).deleteIndex(index);
  refreshIndexNamed = async (index: string): Promise<void> => (await this.use()).refreshIndexNamed(index);
  search = async (query: ArticleSearchQuery): Promise<SearchResponse> => (await this.use()).search(query);
  searchWithTiming = async (query: ArticleSearchQuery): Promise<{ response: SearchResponse; tookMs: number | null }> =>
    (await this.use()).searchWithTiming(query);
  related = async (article: RelatedArticleSource, options?: RelatedArticlesOptions): Promise<SearchHit[]> =>
    (await this.use()).related(article, options);
  getDocument = async (id: string): Promise<ArticleDocument | null> => (await this.use()).getDocument(id);
  refresh = async (): Promise<void> => (await this.use()).refresh();
  documentCount = async (options?: { timeoutMs?: number }): Promise<number> =>
    (await this.use()).documentCount(options);
  dropAll = async (options?: { force?: boolean }): Promise<void> => (await this.use()).dropAll(options);
}
