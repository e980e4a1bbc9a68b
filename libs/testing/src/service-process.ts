import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { waitFor } from './wait-for';

/** The enricher's heap limits (old space ~3x what a 3 MB page needs, a small young generation: peak RSS ~190 MB under bench:enrich). Same flags as `npm run start:enricher`. */
const ENRICHER_HEAP_FLAGS = ['--max-old-space-size=192', '--max-semi-space-size=4'];

const REPO_ROOT = path.resolve(__dirname, '../../..');

export type ServiceName = 'ingestor' | 'enricher' | 'indexer';

/** A service running as a real OS process, as in production — so e2e tests can kill -9 it. */
export class ServiceProcess {
  private child: ChildProcess | null = null;
  private output: string[] = [];

  constructor(
    readonly name: ServiceName,
    readonly port: number,
    private readonly env: Record<string, string>,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Resolves once `/health/ready` answers 200 — or, with `until: 'live'`, once `/health/live` does (a service started while a dependency is down). */
  async start(timeoutMs = 60000, until: 'ready' | 'live' = 'ready'): Promise<void> {
    this.output = [];
    const child = spawn(
      process.execPath,
      [
        '--disable-warning=TimeoutNegativeWarning',
        ...(this.name === 'enricher' ? ENRICHER_HEAP_FLAGS : []),
        '-r',
        '@swc-node/register',
        `services/${this.name}/src/main.ts`,
      ],
      {
        cwd: REPO_ROOT,
        env: { ...process.env, ...this.env, PORT: String(this.port) },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    this.child = child;
    const keep = (chunk: Buffer) => {
      this.output.push(chunk.toString('utf8'));
      if (this.output.length > 400) this.output.splice(0, this.output.length - 400);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    try {
      await waitFor(
        `${this.name} to be ${until} on ${this.url}`,
        async () => {
          if (child.exitCode !== null)
            throw new Error(`${this.name} exited with code ${child.exitCode}: ${this.logTail()}`);
          const res = await fetch(`${this.url}/health/${until}`).catch(() => null);
          return res?.status === 200;
        },
        { timeoutMs, intervalMs: 300 },
      );
    } catch (error) {
      await this.kill('SIGKILL');
      throw new Error(`${(error as Error).message}\n--- ${this.name} output ---\n${this.logTail()}`, { cause: error });
    }
  }

  /** SIGTERM for a graceful stop, SIGKILL to simulate a crash. */
  async kill(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill(signal);
    // The grace timer is cleared once the child exits: left pending, it kept Jest waiting after the last test.
    let grace: NodeJS.Timeout | undefined;
    await Promise.race([exited, new Promise((r) => (grace = setTimeout(r, 15000)))]);
    clearTimeout(grace);
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await exited;
    }
  }

  /** Whether the process is running (not yet exited). */
  get running(): boolean {
    return !!this.child && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** SIGTERM and how the process ended: its exit code (or signal) and how long it took. Never escalates to SIGKILL. */
  async terminate(timeoutMs = 30000): Promise<{ exitCode: number | null; signal: NodeJS.Signals | null; ms: number }> {
    const child = this.child;
    if (!child || !this.running) throw new Error(`${this.name} is not running`);
    const started = Date.now();
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    let timer: NodeJS.Timeout | undefined;
    const outcome = await Promise.race([
      exited.then(() => 'exited' as const),
      new Promise<'timeout'>((r) => (timer = setTimeout(() => r('timeout'), timeoutMs))),
    ]);
    clearTimeout(timer);
    if (outcome === 'timeout') {
      child.kill('SIGKILL');
      await exited;
      throw new Error(`${this.name} did not exit within ${timeoutMs} ms of SIGTERM:\n${this.logTail()}`);
    }
    return { exitCode: child.exitCode, signal: child.signalCode, ms: Date.now() - started };
  }

  logTail(lines = 40): string {
    return this.output.join('').split('\n').slice(-lines).join('\n');
  }
}

let nextPort = 13000 + Math.floor(Math.random() * 2000);

/** Ports for test services: away from the defaults (3001–3003) so a running demo doesn't collide. */
export function allocatePort(): number {
  return nextPort++;
}
