/**
 * Peak resident memory per part of the stack during a benchmark, from /proc. Spawned services report their own
 * high-water mark (VmHWM, exact since their start); the engine and Kafka started long before the run, so their
 * resident size (VmRSS) is sampled and the largest kept; Postgres is many processes sharing its buffers, so its
 * figure is the sum of their proportional set sizes (Pss: shared pages split between the sharers, never counted twice).
 */
import fs from 'node:fs';
import { postgresPids, stackPids } from './process-cpu';

function statusKb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

function pssKb(pid: number): number {
  try {
    const match = /^Pss:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
    return match ? Number(match[1]) : statusKb(pid, 'VmRSS');
  } catch {
    return statusKb(pid, 'VmRSS');
  }
}

export interface MemorySampler {
  /** Takes one sample now (also done every `intervalMs` until stopped). */
  sample(): void;
  /** Stops sampling; peak MB per part (services by VmHWM read now, before they exit). */
  stop(): Record<string, number>;
}

export function sampleMemory(services: () => Record<string, number | undefined>, intervalMs = 1000): MemorySampler {
  const peakKb: Record<string, number> = {};
  const available = fs.existsSync('/proc/self/status');
  const stack = available ? stackPids() : { engine: null, kafka: null };
  const keep = (part: string, kb: number) => {
    if (kb > (peakKb[part] ?? 0)) peakKb[part] = kb;
  };
  const sample = () => {
    if (!available) return;
    if (stack.engine) keep('engine', statusKb(stack.engine, 'VmRSS'));
    if (stack.kafka) keep('kafka', statusKb(stack.kafka, 'VmRSS'));
    keep(
      'postgres',
      postgresPids().reduce((sum, pid) => sum + pssKb(pid), 0),
    );
    keep('bench', statusKb(process.pid, 'VmHWM'));
    for (const [part, pid] of Object.entries(services())) if (pid) keep(part, statusKb(pid, 'VmHWM'));
  };
  const timer = setInterval(sample, intervalMs);
  timer.unref();
  sample();
  return {
    sample,
    stop() {
      sample();
      clearInterval(timer);
      return Object.fromEntries(Object.entries(peakKb).map(([part, kb]) => [part, Math.round(kb / 1024)]));
    },
  };
}
