import { once } from 'node:events';
import path from 'node:path';
import { Piscina } from 'piscina';
import { deserializeTaskError, type SerializedTaskError, type TaskErrorClass } from './task-error';

const WORKER_ENTRY = path.join(__dirname, 'ts-task-worker.js');

/** A replacement worker that does not come up within this long is left to the pool; the slot is freed anyway. */
const REPLACEMENT_WAIT_MS = 30000;

type TaskOutcome<Out> = { ok: true; value: Out } | { ok: false; error: SerializedTaskError };

export interface WorkerTaskPoolOptions {
  /** Absolute path of a .ts module whose default export handles one task (sync or async); it may throw. */
  taskModule: string;
  threads: number;
  /** Wall-clock budget per task, counted from the moment a worker takes it. */
  timeoutMs: number;
  /** Error classes a task may throw that must arrive as themselves (matched by class name), not as `TaskError`. */
  errorClasses?: readonly TaskErrorClass[];
}

/** A task ran past its budget; its worker was terminated and is being replaced. */
export class TaskTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`the task took longer than ${timeoutMs} ms; its worker was replaced`);
    this.name = 'TaskTimeoutError';
  }
}

/**
 * Runs a task module on `threads` worker threads (one task per thread at a time), so CPU-heavy synchronous work
 * leaves the event loop free for health checks, heartbeats and other requests.
 *
 * Each task has a wall-clock budget: at most `threads` tasks are handed to the pool at once, so a task starts on
 * a worker as soon as it is submitted and its timer measures its own run. Over budget, its worker is terminated
 * (the only way to stop a synchronous regex or parser) and replaced, and the task fails with `TaskTimeoutError`.
 * Wall time rather than CPU time: a worker spinning in one call cannot report its own CPU use, and Node has no
 * per-thread CPU clock for another thread; with no more tasks in flight than threads, wall time is CPU time plus
 * what other processes take, so budgets should leave room for a busy machine.
 *
 * An error the task throws arrives as the same class with the same fields when its class is in `errorClasses`.
 */
export class WorkerTaskPool<In, Out> {
  private readonly pool: Piscina;
  private inFlight = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly options: WorkerTaskPoolOptions) {
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
   * Boots every worker with one small task, so loading TypeScript and the task's libraries in a fresh thread is
   * not charged to the first real tasks' budget. The task's own outcome is ignored.
   */
  async warmUp(input: In): Promise<void> {
    await Promise.all(Array.from({ length: this.options.threads }, () => this.pool.run(input)));
  }

  async run(input: In): Promise<Out> {
    await this.acquire();
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.options.timeoutMs);
    let replaced: Promise<unknown> | null = null;
    try {
      const outcome = (await this.pool.run(input, { signal: controller.signal })) as TaskOutcome<Out>;
      if (!outcome.ok) throw deserializeTaskError(outcome.error, this.options.errorClasses);
      return outcome.value;
    } catch (error) {
      if (!controller.signal.aborted) throw error;
      // Hold the slot until the replacement worker is up: the next task's budget must not pay for its boot.
      replaced = Promise.race([
        once(this.pool, 'workerCreate'),
        new Promise((resolve) => setTimeout(resolve, REPLACEMENT_WAIT_MS).unref()),
      ]);
      throw new TaskTimeoutError(this.options.timeoutMs);
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
