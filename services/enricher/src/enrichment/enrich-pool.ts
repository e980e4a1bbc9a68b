import type { EnrichedArticle } from '@wirestream/contracts';
import type { EnrichArticleInput } from '@wirestream/enrichment';
import { PermanentError } from '@wirestream/platform';
import { once } from 'node:events';
import path from 'node:path';
import { Piscina } from 'piscina';

export type EnrichTaskResult = { ok: true; article: EnrichedArticle } | { ok: false; name: string; code: string; message: string };

/** Injection token of the worker task module's path. */
export const ENRICH_TASK = Symbol('ENRICH_TASK');

/** The production task module: `enrichArticle` on one item. */
export const ENRICH_TASK_MODULE = path.join(__dirname, 'enrich.task.ts');

const WORKER_ENTRY = path.join(__dirname, 'ts-task-worker.js');

/** A replacement worker that does not come up within this long is left to the pool; the slot is freed anyway. */
const REPLACEMENT_WAIT_MS = 30000;

export interface EnrichPoolOptions {
  /** Absolute path of a .ts module whose default export enriches one item (tests pass their own). */
  taskModule: string;
  threads: number;
  /** Wall-clock budget per item, counted from the moment a worker takes it. */
  itemTimeoutMs: number;
}

/**
 * `enrichArticle` off the event loop, on `threads` worker threads (one item per thread at a time), so the service
 * keeps answering health checks and Kafka heartbeats whatever one item costs, and every core enriches.
 *
 * Each item has a wall-clock budget: at most `threads` items are handed to the pool at once, so an item starts on
 * a worker as soon as it is submitted and its timer measures its own run. Over budget, its worker is terminated
 * (the only way to stop a synchronous regex or parser) and replaced, and the item fails with the permanent
 * `enrich-timeout`. Wall time rather than CPU time: a worker spinning in one call cannot report its own CPU
 * use, and Node has no per-thread CPU clock for another thread; with no more items in flight than threads, wall
 * time is CPU time plus what other processes take, so the default (5 s against a typical few ms) leaves room.
 */
export class EnrichPool {
  private readonly pool: Piscina;
  private inFlight = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly options: EnrichPoolOptions) {
    this.pool = new Piscina({
      filename: WORKER_ENTRY,
      workerData: { taskModule: options.taskModule },
      minThreads: options.threads,
      maxThreads: options.threads,
      idleTimeout: Number.MAX_SAFE_INTEGER,
      concurrentTasksPerWorker: 1,
    });
  }

  /**
   * Boots every worker with one small item, so loading TypeScript and the enrichment libraries in a fresh
   * thread is not charged to the first real items' budget.
   */
  async warmUp(input: EnrichArticleInput): Promise<void> {
    await Promise.all(Array.from({ length: this.options.threads }, () => this.pool.run(input)));
  }

  async enrich(input: EnrichArticleInput): Promise<EnrichedArticle> {
    await this.acquire();
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.options.itemTimeoutMs);
    let replaced: Promise<unknown> | null = null;
    try {
      const result = (await this.pool.run(input, { signal: controller.signal })) as EnrichTaskResult;
      if (!result.ok) throw new PermanentError(result.code, `${result.name}: ${result.message}`, 422);
      return result.article;
    } catch (error) {
      if (!controller.signal.aborted) throw error;
      // Hold the slot until the replacement worker is up: the next item's budget must not pay for its boot.
      replaced = Promise.race([once(this.pool, 'workerCreate'), new Promise((resolve) => setTimeout(resolve, REPLACEMENT_WAIT_MS).unref())]);
      throw new PermanentError('enrich-timeout', `enrichment took longer than ${this.options.itemTimeoutMs} ms (ENRICH_ITEM_TIMEOUT_MS, wall clock); its worker was replaced`, 422);
    } finally {
      clearTimeout(timer);
      if (replaced) void replaced.finally(() => this.release());
      else this.release();
    }
  }

  private async acquire(): Promise<void> {
    if (this.inFlight < this.options.threads) {
      this.inFlight++;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  /** Hands the slot straight to the next waiter (so `inFlight` stays counted), or frees it. */
  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.inFlight--;
  }

  async close(): Promise<void> {
    await this.pool.destroy();
  }
}
