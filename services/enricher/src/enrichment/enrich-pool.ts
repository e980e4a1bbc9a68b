import type { FactoryProvider } from '@nestjs/common';
import type { EnrichedArticle } from '@wirestream/contracts';
import type { EnrichArticleInput } from '@wirestream/enrichment';
import { PermanentError, TaskError, TaskTimeoutError, WorkerTaskPool } from '@wirestream/platform';
import path from 'node:path';
import { ENRICHER_CONFIG, type EnricherConfig } from '../config/enricher.config';

/** Injection token of the worker task module's path. */
export const ENRICH_TASK = Symbol('ENRICH_TASK');

/** The production task module: `enrichArticle` on one item. */
export const ENRICH_TASK_MODULE = path.join(__dirname, 'enrich.task.ts');

export interface EnrichPoolOptions {
  /** Absolute path of a .ts module whose default export enriches one item (tests pass their own). */
  taskModule: string;
  threads: number;
  /** Wall-clock budget per item, counted from the moment a worker takes it. */
  itemTimeoutMs: number;
}

/**
 * `enrichArticle` off the event loop, on `threads` worker threads (a WorkerTaskPool), so the service keeps
 * answering health checks and Kafka heartbeats whatever one item costs, and every core enriches. An item over
 * its budget fails with the permanent `enrich-timeout` (its worker replaced); an error enrichment throws is
 * permanent too, with its own code when it has one.
 */
export class EnrichPool {
  private readonly pool: WorkerTaskPool<EnrichArticleInput, EnrichedArticle>;

  constructor(private readonly options: EnrichPoolOptions) {
    this.pool = new WorkerTaskPool({
      taskModule: options.taskModule,
      threads: options.threads,
      timeoutMs: options.itemTimeoutMs,
    });
  }

  /** Boots every worker with one small item (see WorkerTaskPool.warmUp). */
  warmUp(input: EnrichArticleInput): Promise<void> {
    return this.pool.warmUp(input);
  }

  async enrich(input: EnrichArticleInput): Promise<EnrichedArticle> {
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
      if (error instanceof TaskError) {
        const code = (error as { code?: unknown }).code;
        throw new PermanentError(
          typeof code === 'string' ? code : 'enrich-failed',
          `${error.name}: ${error.message}`,
          422,
        );
      }
      throw error;
    }
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}

/** The pool as a Nest provider, sized by the service's configuration (a unit spec replaces it with a fake). */
export const enrichPoolProvider: FactoryProvider<EnrichPool> = {
  provide: EnrichPool,
  inject: [ENRICHER_CONFIG, ENRICH_TASK],
  useFactory: (config: EnricherConfig, taskModule: string) =>
    new EnrichPool({ taskModule, threads: config.ENRICHER_WORKERS, itemTimeoutMs: config.ENRICH_ITEM_TIMEOUT_MS }),
};
