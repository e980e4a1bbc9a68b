import type { Logger } from '../logging/logger';
import type { MetricsRegistry } from '../metrics/metrics';
import { PeriodicTask } from './periodic-task';

export interface RetentionTaskOptions {
  /** What is pruned, for logs: "sent outbox rows". */
  what: string;
  /** Rows older than this are deleted; 0 turns the task off. */
  retentionMs: number;
  /** Deletes what is older than the cutoff; returns how many rows. */
  prune: (olderThan: Date) => Promise<number>;
  metric: { name: string; help: string };
  logger: Logger;
  metrics: MetricsRegistry;
}

/** Hourly (the first pass a minute after start) deletion of rows past their retention, counted and logged. */
export class RetentionTask {
  static readonly INTERVAL_MS = 60 * 60 * 1000;
  static readonly FIRST_RUN_AFTER_MS = 60 * 1000;

  private readonly task: PeriodicTask;
  private readonly pruned;

  constructor(private readonly options: RetentionTaskOptions) {
    this.pruned = options.metrics.counter(options.metric.name, options.metric.help);
    this.task = new PeriodicTask({
      intervalMs: RetentionTask.INTERVAL_MS,
      firstDelayMs: RetentionTask.FIRST_RUN_AFTER_MS,
      run: () => this.pruneOnce(),
      onError: (error) => options.logger.warn({ err: error }, `pruning ${options.what} failed; retrying in an hour`),
    });
  }

  start(): void {
    if (this.options.retentionMs > 0) this.task.start();
  }

  /** One pass now (tests, ops). Returns the rows deleted. */
  async pruneOnce(now = new Date()): Promise<number> {
    const olderThan = new Date(now.getTime() - this.options.retentionMs);
    const deleted = await this.options.prune(olderThan);
    this.pruned.inc(deleted);
    if (deleted)
      this.options.logger.info({ deleted, olderThan: olderThan.toISOString() }, `pruned ${this.options.what}`);
    return deleted;
  }

  stop(): Promise<void> {
    return this.task.stop();
  }
}
