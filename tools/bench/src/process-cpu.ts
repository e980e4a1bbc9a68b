/**
 * Where the CPU went during a benchmark window, per part of the stack, from Linux's /proc (user + system time of
 * every thread of the process). On a shared machine this is what explains a rate: the engine, Postgres, Kafka and
 * the indexer all draw on the same cores. Elsewhere (no /proc) the snapshot is empty and nothing is printed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from './bench-env';

/** Linux reports process times in USER_HZ ticks, 100 per second on every mainstream architecture. */
const TICKS_PER_SECOND = 100;

export type CpuPart = 'engine' | 'postgres' | 'kafka' | 'indexer' | 'bench';
export type CpuSnapshot = Partial<Record<CpuPart, number>>;

function cpuSecondsOf(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which is in parentheses and may hold spaces): utime and stime are 14th and 15th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

function stackPid(name: string): number | null {
  try {
    return Number(fs.readFileSync(path.join(repoRoot, '.stack', 'pids', `${name}.pid`), 'utf8').trim()) || null;
  } catch {
    return null;
  }
}

/** Every Postgres server process (postmaster, backends, background workers) on this host. */
function postgresPids(): number[] {
  const pids: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (fs.readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === 'postgres') pids.push(Number(entry));
    } catch {
      // exited meanwhile
    }
  }
  return pids;
}

export function cpuSnapshot(indexerPid?: number): CpuSnapshot {
  if (!fs.existsSync('/proc/self/stat')) return {};
  const snapshot: CpuSnapshot = { bench: cpuSecondsOf(process.pid) };
  const engine = stackPid('opensearch');
  const kafka = stackPid('kafka');
  if (engine) snapshot.engine = cpuSecondsOf(engine);
  if (kafka) snapshot.kafka = cpuSecondsOf(kafka);
  snapshot.postgres = postgresPids().reduce((sum, pid) => sum + cpuSecondsOf(pid), 0);
  if (indexerPid) snapshot.indexer = cpuSecondsOf(indexerPid);
  return snapshot;
}

/** CPU seconds each part used between two snapshots (parts missing from either are left out). */
export function cpuUsed(before: CpuSnapshot, after: CpuSnapshot): CpuSnapshot {
  const used: CpuSnapshot = {};
  for (const part of Object.keys(after) as CpuPart[]) {
    if (before[part] !== undefined) used[part] = Math.max(0, after[part]! - before[part]!);
  }
  return used;
}

/** "engine 2.71 s, postgres 3.02 s, … = 7.9 of 8.4 core-seconds" for a window of `seconds` on this machine's cores. */
export function describeCpu(used: CpuSnapshot, seconds: number, cores: number): string {
  const parts = Object.entries(used).filter(([, s]) => s !== undefined);
  if (!parts.length) return 'not measured (no /proc)';
  const total = parts.reduce((sum, [, s]) => sum + s!, 0);
  return `${parts.map(([part, s]) => `${part} ${s!.toFixed(2)} s`).join(', ')} = ${total.toFixed(1)} of ${(seconds * cores).toFixed(1)} core-seconds`;
}
