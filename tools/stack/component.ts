// The contract every stack component (kafka, search, postgres) implements, and the shared wait loop.
import {
  StackError,
  TIMEOUT_MS,
  fmtSecs,
  isAlive,
  logFile,
  ourPid,
  removePid,
  sleep,
  stopGroup,
  tailFile,
} from './util.ts';

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

/** `down` of a component: stops the process its pid file names if that is still ours (`marker` in its command line). */
export async function stopOwned(
  name: string,
  marker: string,
  signal: NodeJS.Signals,
  options: { graceMs?: number; notRunning?: string } = {},
): Promise<string> {
  const pid = ourPid(name, marker);
  removePid(name);
  if (!pid) return options.notRunning ?? 'not running';
  const how = await stopGroup(pid, signal, options.graceMs);
  return `${how} (pid ${pid})`;
}

/**
 * `status` from our process (if any) and a health probe (`reason` null = healthy): healthy without our process is
 * someone else's server (`externalDetail`), unhealthy without it is stopped.
 */
export function ownedStatus(
  pid: number | undefined,
  port: number,
  reason: string | null,
  healthy: string,
  externalDetail: string,
): StatusInfo {
  const health = reason === null ? healthy : reason;
  if (!pid) {
    if (reason === null) return { state: 'external', port, health, detail: externalDetail };
    return { state: 'stopped', port, health: '-' };
  }
  return { state: reason === null ? 'running' : 'unhealthy', pid, port, health };
}
