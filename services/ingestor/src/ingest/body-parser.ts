import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import * as formats from '@wirestream/formats';
import { FormatError, type ParsedIngestBody } from '@wirestream/formats';
import { PermanentError, TaskTimeoutError, WorkerTaskPool, type TaskErrorClass } from '@wirestream/platform';
import path from 'node:path';
import { INGESTOR_CONFIG, type IngestorConfig } from '../config/ingestor.config';
import { parseWithinLimits, type ParseBodyInput } from './parse-body';

/** Injection token of the parse task module's path (tests pass one that misbehaves). */
export const PARSE_TASK = Symbol('PARSE_TASK');

/** The production task module: `parseWithinLimits` on one body. */
export const PARSE_TASK_MODULE = path.join(__dirname, 'parse-body.task.ts');

/**
 * Every error the parse throws on purpose, so each arrives from the worker as itself (class, code, positions):
 * all FormatError classes libs/formats exports (a new one is covered without a change here), and PermanentError.
 */
const PARSE_ERROR_CLASSES: TaskErrorClass[] = [
  ...(Object.values(formats) as unknown[]).filter(
    (value): value is TaskErrorClass => typeof value === 'function' && value.prototype instanceof FormatError,
  ),
  PermanentError,
];

const WARM_UP_BODY: ParseBodyInput = {
  bytes: Buffer.from('Warm-up\n\nOne short paragraph.'),
  contentType: 'text/plain',
  url: null,
  sourceName: null,
  format: null,
  maxItems: 1,
};

/**
 * Parses request and feed-poll bodies: small ones inline, large ones (INGEST_PARSE_IN_WORKER_BYTES and up) on a
 * worker pool with a time budget, so a legal but costly body (a 5 MB feed, a 1 MB HTML page) never holds the
 * event loop. Either way the result and the errors are the same: FormatErrors and `too-many-items` as thrown by
 * `parseWithinLimits`; a worker parse over INGEST_PARSE_TIMEOUT_MS is 422 `parse-timeout`.
 */
@Injectable()
export class BodyParser implements OnModuleInit, OnModuleDestroy {
  private readonly pool: WorkerTaskPool<ParseBodyInput, ParsedIngestBody>;
  private warmedUp: Promise<void> = Promise.resolve();

  constructor(
    @Inject(INGESTOR_CONFIG) private readonly config: IngestorConfig,
    @Inject(PARSE_TASK) taskModule: string,
  ) {
    this.pool = new WorkerTaskPool({
      taskModule,
      threads: config.INGEST_PARSE_WORKERS,
      timeoutMs: config.INGEST_PARSE_TIMEOUT_MS,
      errorClasses: PARSE_ERROR_CLASSES,
    });
  }

  /**
   * Boots the workers before the service listens (TypeScript and the parsers load in ~1 s), so the first large
   * body is not charged for it. A failed boot surfaces on the first large body's parse.
   */
  async onModuleInit(): Promise<void> {
    this.warmedUp = this.pool.warmUp(WARM_UP_BODY).catch(() => undefined);
    await this.warmedUp;
  }

  async onModuleDestroy(): Promise<void> {
    await this.warmedUp;
    await this.pool.close();
  }

  async parse(body: Omit<ParseBodyInput, 'maxItems'>): Promise<ParsedIngestBody> {
    const input: ParseBodyInput = { ...body, maxItems: this.config.INGEST_MAX_ITEMS };
    if (body.bytes.byteLength < this.config.INGEST_PARSE_IN_WORKER_BYTES) return parseWithinLimits(input);
    await this.warmedUp;
    try {
      return await this.pool.run(input);
    } catch (error) {
      if (!(error instanceof TaskTimeoutError)) throw error;
      throw new PermanentError(
        'parse-timeout',
        `the body (${body.bytes.byteLength} bytes) took longer than ${this.config.INGEST_PARSE_TIMEOUT_MS} ms to parse (INGEST_PARSE_TIMEOUT_MS); split it into smaller requests`,
        422,
        { limitMs: this.config.INGEST_PARSE_TIMEOUT_MS },
      );
    }
  }
}
