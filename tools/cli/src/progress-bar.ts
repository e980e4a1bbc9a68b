/** A one-line progress bar on stderr when it is a terminal; plain periodic lines otherwise (CI logs). */
export class ProgressBar {
  private done = 0;
  private lastPlainReport = 0;
  private readonly started = Date.now();

  constructor(
    private readonly stream: NodeJS.WritableStream & { isTTY?: boolean; columns?: number },
    private readonly total: number,
    private readonly label: string,
  ) {}

  tick(detail = ''): void {
    this.done++;
    if (this.stream.isTTY) {
      const width = 30;
      const filled = this.total ? Math.round((this.done / this.total) * width) : width;
      const rate = this.done / Math.max(0.001, (Date.now() - this.started) / 1000);
      const line = `${this.label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${this.done}/${this.total} ${rate.toFixed(1)}/s ${detail}`;
      this.stream.write(
        `\r${line.slice(0, (this.stream.columns ?? 120) - 1).padEnd((this.stream.columns ?? 120) - 1)}`,
      );
    } else if (this.done === this.total || Date.now() - this.lastPlainReport > 2000) {
      this.lastPlainReport = Date.now();
      this.stream.write(`${this.label}: ${this.done}/${this.total}\n`);
    }
  }

  finish(): void {
    if (this.stream.isTTY) this.stream.write('\n');
  }
}
