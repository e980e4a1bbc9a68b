import { Inject, Injectable, BeforeApplicationShutdown } from '@nestjs/common';
import { DATA_SOURCE, type DataSource } from '@wirestream/persistence';
import { backoffDelayMs, PermanentError, ROOT_LOGGER, sleep, type Logger } from '@wirestream/platform';
import { toArticleDocument, type ArticleSearchEngine, type BulkItemFailure } from '@wirestream/search';
import { randomUUID } from 'node:crypto';
import { INDEXER_CONFIG, type IndexerConfig } from '../config/indexer.config';
import { ARTICLE_SEARCH_ENGINE } from '../search-engine/search-engine.module';
import { ArticlePages, type StoredArticle } from './article-pages';
import type { ReindexJob } from '@wirestream/contracts';
import { newReindexJob } from './reindex-job';

const RETRY = { maxAttempts: 8, baseDelayMs: 250, maxDelayMs: 10_000 };
/** Searches that resolved the alias to the old index just before the swap get this long to finish before it is deleted. */
const OLD_INDEX_GRACE_MS = 2000;

/**
 * Rebuilds the article index from Postgres with no gap in search:
 *
 * 1. Create the next concrete index (current template/mapping; no periodic refresh while loading).
 * 2. Copy every usable article into it, in keyset pages, with the same external_gte versions as the indexer.
 *    Meanwhile the indexer keeps writing through the alias, i.e. into the OLD index, and searches read the old one.
 * 3. Refresh, then move the alias in one `_aliases` request (atomic: searches see the old index or the new one).
 * 4. Catch up: every article written in Postgres since the copy started (usable → index, withdrawn → delete) is
 *    re-applied through the alias, now the new index. The indexer commits Postgres before it writes to the engine,
 *    so anything it wrote into the old index is in Postgres before the swap, hence seen here. Versions make the
 *    re-application harmless where the indexer already wrote the same or a newer version.
 * 5. Delete the old index(es).
 *
 * Re-copying the changed rows (rather than dual-writing from the indexer) keeps the indexer unaware of rebuilds,
 * works with any number of indexer instances, and costs one extra pass over the rows changed during the rebuild.
 * One rebuild at a time per index prefix: a Postgres advisory lock, so also across indexer instances.
 */
@Injectable()
export class ReindexService implements BeforeApplicationShutdown {
  private readonly jobs = new Map<string, ReindexJob>();
  private readonly pages: ArticlePages;
  private running: Promise<void> | null = null;
  private stopping = false;

  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(ARTICLE_SEARCH_ENGINE) private readonly engine: ArticleSearchEngine,
    @Inject(INDEXER_CONFIG) private readonly config: IndexerConfig,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {
    this.pages = new ArticlePages(dataSource);
  }

  /** Starts a rebuild in the background and answers its job at once; refuses (409) while one runs. */
  async start(): Promise<ReindexJob> {
    const current = [...this.jobs.values()].find((job) => job.state === 'running');
    if (current)
      throw new PermanentError('reindex-running', `reindex ${current.id} is already running`, 409, {
        jobId: current.id,
      });
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    const lockKey = `wirestream-reindex:${this.engine.names.alias}`;
    const [row] = (await runner.query('SELECT pg_try_advisory_lock(hashtext($1)) AS locked', [lockKey])) as {
      locked: boolean;
    }[];
    if (!row?.locked) {
      await runner.release();
      throw new PermanentError(
        'reindex-running',
        'a reindex of this index is already running on another indexer instance',
        409,
      );
    }
    const job = newReindexJob(randomUUID());
    this.jobs.set(job.id, job);
    const log = this.logger.child({ component: 'reindex', jobId: job.id });
    this.running = this.run(job, log)
      .catch((error: unknown) => {
        job.state = 'failed';
        job.error = error instanceof Error ? error.message : String(error);
        log.error({ err: error, phase: job.phase }, 'reindex failed');
      })
      .finally(async () => {
        job.finishedAt = new Date().toISOString();
        await runner.query('SELECT pg_advisory_unlock(hashtext($1))', [lockKey]).catch(() => undefined);
        await runner.release().catch(() => undefined);
        this.running = null;
      });
    return { ...job };
  }

  get(id: string): ReindexJob | null {
    const job = this.jobs.get(id);
    return job ? { ...job } : null;
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await this.running;
  }

  private async run(job: ReindexJob, log: Logger): Promise<void> {
    const since = await this.pages.changeHorizon();
    job.total = await this.pages.countUsable();
    // Leftovers of an interrupted rebuild (not behind the alias) are unused: the lock says no rebuild runs.
    for (const leftover of (await this.engine.listArticleIndices()).filter((index) => !index.aliased)) {
      log.warn({ index: leftover.name }, 'deleting an index left behind by an interrupted reindex');
      await this.engine.deleteIndex(leftover.name);
    }
    const target = await this.engine.createNextIndex({ bulkLoad: true });
    job.newIndex = target;
    log.info({ index: target, total: job.total, since }, 'reindex started');
    try {
      job.phase = 'copying';
      let after = '';
      for (;;) {
        this.checkNotStopping();
        const page = await this.pages.usablePage(after, this.config.REINDEX_PAGE_SIZE);
        if (!page.length) break;
        await this.write(job, page, target);
        job.copied += page.length;
        after = page[page.length - 1]!.id;
        if (this.config.REINDEX_THROTTLE_MS) await sleep(this.config.REINDEX_THROTTLE_MS);
      }
      job.phase = 'refreshing';
      await this.engine.finishBulkLoad(target);
      this.checkNotStopping();
      job.phase = 'swapping';
      job.oldIndices = await this.engine.swapAlias(target);
      log.info({ index: target, oldIndices: job.oldIndices }, 'alias swapped');
    } catch (error) {
      // Not behind the alias yet: nothing reads it, drop it. (A failed swap leaves the alias where it was.)
      await this.engine
        .deleteIndex(target)
        .catch((cleanup: unknown) =>
          log.warn({ err: cleanup, index: target }, 'could not delete the unfinished index'),
        );
      throw error;
    }

    job.phase = 'catching-up';
    let after = '';
    for (;;) {
      const page = await this.pages.changedPage(since, after, this.config.REINDEX_PAGE_SIZE);
      if (!page.length) break;
      await this.write(job, page, undefined);
      job.caughtUp += page.length;
      after = page[page.length - 1]!.id;
    }

    job.phase = 'cleaning-up';
    if (job.oldIndices.length) {
      await sleep(OLD_INDEX_GRACE_MS);
      for (const old of job.oldIndices) await this.engine.deleteIndex(old);
    }
    job.phase = 'done';
    job.state = 'succeeded';
    log.info(
      { index: target, copied: job.copied, rejected: job.rejected, caughtUp: job.caughtUp, deleted: job.oldIndices },
      'reindex done',
    );
  }

  /** Usable articles are indexed, withdrawn ones deleted; transient failures retried with backoff, refusals counted. */
  private async write(job: ReindexJob, page: StoredArticle[], index: string | undefined): Promise<void> {
    const target = index === undefined ? {} : { index };
    let usable = page
      .filter((a) => a.pubStatus === 'usable')
      .map((a) => toArticleDocument(a.article, a.clusterId ?? a.id));
    let withdrawn = page.filter((a) => a.pubStatus !== 'usable').map((a) => a.id);
    for (let attempt = 1; usable.length || withdrawn.length; attempt++) {
      const indexed = await this.engine.bulkIndex(usable, target);
      const deleted = await this.engine.bulkDelete(withdrawn, target);
      const failures = [...indexed.failed, ...deleted.failed];
      const retry = new Set(failures.filter((f) => f.retriable).map((f) => f.id));
      for (const refused of failures.filter((f) => !f.retriable)) this.reject(job, refused);
      if (retry.size && attempt >= RETRY.maxAttempts)
        throw new Error(
          `the engine kept failing ${retry.size} document(s): ${failures.find((f) => f.retriable)?.reason}`,
        );
      usable = usable.filter((doc) => retry.has(doc.id));
      withdrawn = withdrawn.filter((id) => retry.has(id));
      if (retry.size) await sleep(backoffDelayMs(attempt, RETRY));
    }
  }

  private reject(job: ReindexJob, failure: BulkItemFailure): void {
    job.rejected++;
    if (job.rejections.length < 10) job.rejections.push({ id: failure.id, reason: failure.reason });
  }

  private checkNotStopping(): void {
    if (this.stopping) throw new Error('the indexer is shutting down');
  }
}
