/** done/total, rate and ETA of a long run: one updating line on a terminal, a plain line every ~2 s otherwise (CI logs). */
export class RunProgress {
  private lastPlainReport = 0;
  private readonly started: number;

  constructor(
    private readonly stream: NodeJS.WritableStream & { isTTY?: boolean; columns?: number },
    private readonly total: number,
    private readonly label: string,
    /** Already done when this process started (a resumed run): counted in done/total, not in the rate. */
    private readonly doneBefore = 0,
    private readonly now: () => number = Date.now,
  ) {
    this.started = now();
  }

  /** The line for `done` items: `label [####----] 120/400 35.2/s ETA 8s`. */
  line(done: number): string {
    const width = 30;
    const ratio = this.total ? Math.min(1, done / this.total) : 1;
    const filled = Math.round(ratio * width);
    const seconds = Math.max(0.001, (this.now() - this.started) / 1000);
    const rate = (done - this.doneBefore) / seconds;
    const left = Math.max(0, this.total - done);
    const eta = left === 0 ? '0s' : rate > 0 ? formatDuration(left / rate) : '?';
    return `${this.label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${this.total} ${rate.toFixed(1)}/s ETA ${eta}`;
  }

  update(done: number): void {
    if (this.stream.isTTY) {
      const columns = (this.stream.columns ?? 120) - 1;
      this.stream.write(`\r${this.line(done).slice(0, columns).padEnd(columns)}`);
    } else if (done >= this.total || this.now() - this.lastPlainReport > 2000) {
      this.lastPlainReport = this.now();
      this.stream.write(`${this.line(done)}\n`);
    }
  }

  finish(): void {
    if (this.stream.isTTY) this.stream.write('\n');
  }
}

export function formatDuration(seconds: number): string {
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}
