/**
 * Where the CPU went during a benchmark window, per part of the stack, from Linux's /proc (user + system time of
 * every thread of the process). On a shared machine this is what explains a rate: the engine, Postgres, Kafka and
 * the services all draw on the same cores. Elsewhere (no /proc) the snapshot is empty and nothing is printed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from './bench-env';

/** Linux reports process times in USER_HZ ticks, 100 per second on every mainstream architecture. */
const TICKS_PER_SECOND = 100;

/** engine, postgres, kafka, bench, and each spawned service by name (indexer, enricher, ingestor). */
export type CpuPart = string;
export type CpuSnapshot = Partial<Record<CpuPart, number>>;

/** User + system CPU seconds of a process; with `reapedChildren`, plus those of its children that have exited. */
function cpuSecondsOf(pid: number, reapedChildren = false): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which is in parentheses and may hold spaces): utime, stime, cutime and cstime
    // are the 14th to 17th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const own = Number(fields[11]) + Number(fields[12]);
    return (reapedChildren ? own + Number(fields[13]) + Number(fields[14]) : own) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

function stackPidFile(name: string): number | null {
  try {
    return Number(fs.readFileSync(path.join(repoRoot, '.stack', 'pids', `${name}.pid`), 'utf8').trim()) || null;
  } catch {
    return null;
  }
}

/**
 * The process listening on a local TCP port (socket inode from /proc/net/tcp*, then the process holding it), so the
 * engine and Kafka are found from their URLs whichever checkout started the stack. Null when not visible.
 */
export function listenerPid(port: number): number | null {
  const inodes = new Set<string>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text: string;
    try {
      text = fs.readFileSync(table, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      // local_address is HEXIP:HEXPORT; state 0A is LISTEN; the inode is the 10th field.
      if (fields[3] === '0A' && parseInt(fields[1]?.split(':')[1] ?? '', 16) === port && fields[9])
        inodes.add(fields[9]);
    }
  }
  if (!inodes.size) return null;
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let fds: string[];
    try {
      fds = fs.readdirSync(`/proc/${entry}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        const target = fs.readlinkSync(`/proc/${entry}/fd/${fd}`);
        if (target.startsWith('socket:[') && inodes.has(target.slice(8, -1))) return Number(entry);
      } catch {
        // closed meanwhile
      }
    }
  }
  return null;
}

function portOf(url: string | undefined, fallback: number): number {
  try {
    return Number(new URL(url?.includes('://') ? url : `tcp://${url}`).port) || fallback;
  } catch {
    return fallback;
  }
}

/** The engine's and Kafka's pids: whoever listens on their ports, else this checkout's stack pid files. */
export function stackPids(): { engine: number | null; kafka: number | null } {
  if (!fs.existsSync('/proc/net/tcp')) return { engine: null, kafka: null };
  const searchPort = portOf(process.env['SEARCH_URL'], 9200);
  const kafkaPort = portOf(process.env['KAFKA_BROKERS']?.split(',')[0], 9092);
  return {
    engine: listenerPid(searchPort) ?? stackPidFile('opensearch'),
    kafka: listenerPid(kafkaPort) ?? stackPidFile('kafka'),
  };
}

/** Every Postgres server process (postmaster, backends, background workers) on this host. */
export function postgresPids(): number[] {
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

let cachedStack: ReturnType<typeof stackPids> | null = null;

/**
 * CPU seconds so far of the engine, Kafka, every Postgres process, this process (`bench`) and the given service
 * processes (`{ indexer: pid }`, or a bare pid for the indexer as before).
 */
export function cpuSnapshot(services?: number | Record<string, number | undefined>): CpuSnapshot {
  if (!fs.existsSync('/proc/self/stat')) return {};
  cachedStack ??= stackPids();
  const snapshot: CpuSnapshot = { bench: cpuSecondsOf(process.pid) };
  if (cachedStack.engine) snapshot['engine'] = cpuSecondsOf(cachedStack.engine);
  if (cachedStack.kafka) snapshot['kafka'] = cpuSecondsOf(cachedStack.kafka);
  // A backend that exits takes its CPU time out of the live processes' sum, into the postmaster's reaped-children
  // time: counting both keeps the total monotonic when connections close during a window.
  snapshot['postgres'] = postgresPids().reduce((sum, pid) => sum + cpuSecondsOf(pid, true), 0);
  const named = typeof services === 'number' ? { indexer: services } : (services ?? {});
  for (const [part, pid] of Object.entries(named)) if (pid) snapshot[part] = cpuSecondsOf(pid);
  return snapshot;
}

/** CPU seconds each part used between two snapshots (parts missing from either are left out). */
export function cpuUsed(before: CpuSnapshot, after: CpuSnapshot): CpuSnapshot {
  const used: CpuSnapshot = {};
  for (const part of Object.keys(after)) {
    if (before[part] !== undefined) used[part] = Math.max(0, after[part]! - before[part]!);
  }
  return used;
}

export function totalCpu(used: CpuSnapshot): number {
  return Object.values(used).reduce((sum: number, s) => sum + (s ?? 0), 0);
}

/** "engine 2.71 s, postgres 3.02 s, … = 7.9 of 8.4 core-seconds" for a window of `seconds` on this machine's cores. */
export function describeCpu(used: CpuSnapshot, seconds: number, cores: number): string {
  const parts = Object.entries(used).filter(([, s]) => s !== undefined);
  if (!parts.length) return 'not measured (no /proc)';
  return `${parts.map(([part, s]) => `${part} ${s!.toFixed(2)} s`).join(', ')} = ${totalCpu(used).toFixed(1)} of ${(seconds * cores).toFixed(1)} core-seconds`;
}
