/**
 * Runs `run` every `intervalMs`, the next run scheduled only when one has finished (runs never overlap, a slow run
 * delays the next one). `stop` cancels what is scheduled and waits for a run in progress, for a clean shutdown.
 * A failing run goes to `onError` and the schedule goes on.
 */
export class PeriodicTask {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly options: {
      intervalMs: number;
      /** Delay before the first run (default: one interval). */
      firstDelayMs?: number;
      run: () => Promise<unknown>;
      onError: (error: unknown) => void;
    },
  ) {}

  start(): void {
    this.stopped = false;
    this.schedule(this.options.firstDelayMs ?? this.options.intervalMs);
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.running = this.options
        .run()
        .then(
          () => undefined,
          (error: unknown) => this.options.onError(error),
        )
        .finally(() => {
          this.running = null;
          this.schedule(this.options.intervalMs);
        });
    }, delayMs);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }
}
