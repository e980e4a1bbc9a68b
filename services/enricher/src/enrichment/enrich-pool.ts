import type { FactoryProvider } from '@nestjs/common';
import type { EnrichedArticle } from '@wirestream/contracts';
import type { EnrichArticleInput } from '@wirestream/enrichment';
import { PermanentError, TaskError, TaskTimeoutError, WorkerTaskPool } from '@wirestream/platform';
import path from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { ENRICHER_CONFIG, type EnricherConfig } from '../config/enricher.config';

/** Injection token of the worker task module's path. */
export const ENRICH_TASK = Symbol('ENRICH_TASK');

/** The production task module: `enrichArticle` on one item. */
export const ENRICH_TASK_MODULE = path.join(__dirname, 'enrich.task.ts');

type EnrichTask = (input: EnrichArticleInput) => EnrichedArticle;

/**
 * An HTML item is enriched in-process only with at most this many tags: DOM extraction costs per element (64 of
 * the costliest shapes — nested `<div>`s, link lists, one-word paragraphs, table rows — take ≤ 50 ms on a loaded
 * host; 16 K characters of them take up to 0.75 s). Wire bodies carry 20–40 (bench:e2e's: median 24, at most 36).
 */
const INLINE_MAX_TAGS = 64;

export interface EnrichPoolOptions {
  /** Absolute path of a .ts module whose default export enriches one item (tests pass their own). */
  taskModule: string;
  threads: number;
  /** Wall-clock budget per item on a worker, counted from the moment a worker takes it. */
  itemTimeoutMs: number;
  /** Items whose content is shorter than this many characters are enriched in-process (0: every item on a worker). */
  inlineMaxChars: number;
}

/**
 * `enrichArticle` for the enricher: large items (HTML pages, long texts) on `threads` worker threads (a
 * WorkerTaskPool), so the service keeps answering health checks and Kafka heartbeats whatever one item costs and
 * every core enriches; an item over its budget fails with the permanent `enrich-timeout` (its worker replaced).
 *
 * Short items (under `inlineMaxChars` characters and, for HTML, INLINE_MAX_TAGS tags) run in-process, one per
 * event-loop turn: a worker round trip costs more CPU than enriching a short text (bench:e2e wire items, ~5 K
 * characters: all-thread CPU per item 22–35% lower in-process), and enrichment is linear in its input, so one such
 * item holds the loop for tens of milliseconds at worst (16 K characters of the hostile-input text classes: ≤ 50 ms
 * on a loaded host).
 * Either way an error enrichment throws is permanent, with its own code when it has one.
 */
export class EnrichPool {
  private readonly pool: WorkerTaskPool<EnrichArticleInput, EnrichedArticle>;
  private readonly inlineTask: EnrichTask;
  /** Settles when the last in-process item queued has run (see enrichInline). */
  private inlineQueue: Promise<void> = Promise.resolve();

  constructor(private readonly options: EnrichPoolOptions) {
    this.pool = new WorkerTaskPool({
      taskModule: options.taskModule,
      threads: options.threads,
      timeoutMs: options.itemTimeoutMs,
    });
    // The same module the workers load, chosen at run time (tests pass their own), so it is required by path.
    this.inlineTask = (require(options.taskModule) as { default: EnrichTask }).default;
  }

  /** Boots every worker with one small item (see WorkerTaskPool.warmUp). */
  warmUp(input: EnrichArticleInput): Promise<void> {
    return this.pool.warmUp(input);
  }

  async enrich(input: EnrichArticleInput): Promise<EnrichedArticle> {
    if (this.isShort(input)) return this.enrichInline(input);
    try {
      return await this.pool.run(input);
    } catch (error) {
      if (error instanceof TaskTimeoutError) {
        throw new PermanentError(
          'enrich-timeout',
          `enrichment took longer than ${this.options.itemTimeoutMs} ms (ENRICH_ITEM_TIMEOUT_MS, wall clock); its worker was replaced`,
          422,
        );
      }
      if (error instanceof TaskError) throw enrichFailed(error);
      throw error;
    }
  }

  /** Short enough to enrich in-process: under `inlineMaxChars` and, for HTML, at most INLINE_MAX_TAGS tags. */
  private isShort({ item }: EnrichArticleInput): boolean {
    if (item.content.length >= this.options.inlineMaxChars) return false;
    if (item.contentType !== 'html') return true;
    let tags = 0;
    for (let at = item.content.indexOf('<'); at >= 0; at = item.content.indexOf('<', at + 1))
      if (++tags > INLINE_MAX_TAGS) return false;
    return true;
  }

  /**
   * In-process items run one at a time, each on its own turn of the event loop (chained, so a fetch batch of a
   * thousand short items never runs in one go): I/O — heartbeats, health checks, fetches — runs between any two.
   */
  private enrichInline(input: EnrichArticleInput): Promise<EnrichedArticle> {
    const run = this.inlineQueue.then(async () => {
      await nextTurn();
      try {
        return this.inlineTask(input);
      } catch (error) {
        throw enrichFailed(error instanceof Error ? error : new Error(String(error)));
      }
    });
    this.inlineQueue = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}

/** An error enrichment threw, as the permanent error that dead-letters its message (its code kept when it has one). */
function enrichFailed(error: Error): PermanentError {
  const code = (error as { code?: unknown }).code;
  return new PermanentError(typeof code === 'string' ? code : 'enrich-failed', `${error.name}: ${error.message}`, 422);
}

/** The pool as a Nest provider, sized by the service's configuration (a unit spec replaces it with a fake). */
export const enrichPoolProvider: FactoryProvider<EnrichPool> = {
  provide: EnrichPool,
  inject: [ENRICHER_CONFIG, ENRICH_TASK],
  useFactory: (config: EnricherConfig, taskModule: string) =>
    new EnrichPool({
      taskModule,
      threads: config.ENRICHER_WORKERS,
      itemTimeoutMs: config.ENRICH_ITEM_TIMEOUT_MS,
      inlineMaxChars: config.ENRICH_INLINE_MAX_CHARS,
    }),
};
