// The contract every stack component (kafka, search, postgres) implements, and the shared wait loop.
import { StackError, TIMEOUT_MS, fmtSecs, isAlive, logFile, sleep, tailFile } from './util.ts';

export type Mode = 'started' | 'already running' | 'external';

export interface UpResult {
  mode: Mode;
  pid?: number;
  detail?: string;
}

export interface StatusInfo {
  state: 'running' | 'stopped' | 'external' | 'unhealthy';
  pid?: number;
  port: number;
  health: string;
  detail?: string;
}

export interface Component {
  name: string;
  port: number;
  /** Start (or adopt) the component; resolves once the process is launched, not yet healthy. */
  up(log: (msg: string) => void): Promise<UpResult>;
  /** null when healthy, otherwise a short reason. */
  check(): Promise<string | null>;
  down(): Promise<string>;
  status(): Promise<StatusInfo>;
  /** pid we own (for RSS), if any. */
  pid(): number | undefined;
}

/** Poll `check` until healthy; prints progress every 5 s; fails fast if our process died. */
export async function waitHealthy(
  c: Component,
  startedAt: number,
  log: (msg: string) => void,
  ownPid: number | undefined,
): Promise<void> {
  let lastPrint = Date.now();
  let reason: string | null = 'not checked yet';
  while (Date.now() - startedAt < TIMEOUT_MS) {
    reason = await c.check();
    if (reason === null) return;
    if (ownPid !== undefined && !isAlive(ownPid)) {
      throw new StackError(
        `${c.name}: process ${ownPid} exited during startup. Last 30 lines of ${logFile(c.name)}:\n${tailFile(logFile(c.name))}`,
      );
    }
    if (Date.now() - lastPrint >= 5000) {
      lastPrint = Date.now();
      log(`waiting… ${fmtSecs(Date.now() - startedAt)} (${reason})`);
    }
    await sleep(500);
  }
  throw new StackError(
    `${c.name}: not healthy after ${fmtSecs(TIMEOUT_MS)} (${reason}). Log: ${logFile(c.name)}\n--- last 30 lines ---\n${tailFile(logFile(c.name))}`,
  );
}
