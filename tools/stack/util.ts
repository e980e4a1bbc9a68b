// Shared helpers for the local stack tool: paths, processes, pid files, Java discovery, Maven.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const TOOL_DIR = path.dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = path.resolve(TOOL_DIR, '..', '..');
export const STACK_DIR = path.join(REPO_ROOT, '.stack');
export const LIB_DIR = path.join(STACK_DIR, 'lib');
export const DATA_DIR = path.join(STACK_DIR, 'data');
export const LOGS_DIR = path.join(STACK_DIR, 'logs');
export const PIDS_DIR = path.join(STACK_DIR, 'pids');
export const CONF_DIR = path.join(STACK_DIR, 'conf');
export const POM = path.join(TOOL_DIR, 'pom.xml');

export const TIMEOUT_MS = Number(process.env.STACK_TIMEOUT_SECONDS ?? 180) * 1000;

export class StackError extends Error {}

export function ensureDirs(): void {
  for (const d of [STACK_DIR, LIB_DIR, DATA_DIR, LOGS_DIR, PIDS_DIR, CONF_DIR]) fs.mkdirSync(d, { recursive: true });
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export function fmtSecs(ms: number): string {
  return `${(ms / 1000).toFixed(1)}s`;
}

// ---------- processes / pid files ----------

export function pidFile(name: string): string {
  return path.join(PIDS_DIR, `${name}.pid`);
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
  // zombies count as dead
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    if (state === 'Z' || state === 'X') return false;
  } catch {
    /* no procfs (macOS): trust kill(0) */
  }
  return true;
}

function cmdline(pid: number): string | undefined {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
  } catch {
    return undefined;
  }
}

/** Pid recorded in the pid file if that process is alive and still looks like ours (guards against pid reuse). */
export function ourPid(name: string, marker: string): number | undefined {
  let pid: number;
  try {
    pid = Number(fs.readFileSync(pidFile(name), 'utf8').trim());
  } catch {
    return undefined;
  }
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return undefined;
  const cl = cmdline(pid);
  if (cl !== undefined && !cl.includes(marker)) return undefined;
  return pid;
}

export function writePid(name: string, pid: number): void {
  fs.writeFileSync(pidFile(name), `${pid}\n`);
}

export function removePid(name: string): void {
  fs.rmSync(pidFile(name), { force: true });
}

export function rssMiB(pid: number | undefined): number | undefined {
  if (!pid) return undefined;
  try {
    const m = /VmRSS:\s+(\d+)\s+kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : undefined;
  } catch {
    return undefined;
  }
}

export interface SpawnOpts {
  name: string;
  cmd: string;
  args: string[];
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  uid?: number;
  gid?: number;
}

/** Start a long-lived daemon in its own process group, output appended to .stack/logs/<name>.log. */
export function spawnDaemon(o: SpawnOpts): number {
  const logPath = logFile(o.name);
  const fd = fs.openSync(logPath, 'a');
  fs.writeSync(fd, `\n===== ${new Date().toISOString()} starting: ${o.cmd} ${o.args.join(' ')}\n`);
  const child = spawn(o.cmd, o.args, {
    cwd: o.cwd ?? REPO_ROOT,
    env: o.env ?? process.env,
    detached: true, // setsid(): own session + process group, survives this CLI
    stdio: ['ignore', fd, fd],
    uid: o.uid,
    gid: o.gid,
  });
  fs.closeSync(fd);
  if (child.pid === undefined) throw new StackError(`${o.name}: failed to spawn ${o.cmd}`);
  child.on('error', () => undefined);
  child.unref();
  writePid(o.name, child.pid);
  return child.pid;
}

/** Stop a process group started by spawnDaemon: signal, wait, SIGKILL after graceMs. */
export async function stopGroup(pid: number, signal: NodeJS.Signals, graceMs = 20_000): Promise<'stopped' | 'killed'> {
  const sig = (s: NodeJS.Signals, target: number) => {
    try {
      process.kill(target, s);
    } catch {
      /* gone */
    }
  };
  sig(signal, -pid);
  sig(signal, pid);
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) {
      sig('SIGKILL', -pid); // stragglers in the group, if any
      return 'stopped';
    }
    await sleep(200);
  }
  sig('SIGKILL', -pid);
  sig('SIGKILL', pid);
  for (let i = 0; i < 25 && isAlive(pid); i++) await sleep(200);
  return 'killed';
}

export function logFile(name: string): string {
  return path.join(LOGS_DIR, `${name}.log`);
}

export function tailFile(file: string, lines = 30): string {
  try {
    const buf = fs.readFileSync(file, 'utf8');
    return buf
      .split('\n')
      .slice(-lines - 1)
      .join('\n');
  } catch {
    return '(no log file)';
  }
}

export function portOpen(host: string, port: number, timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect({ host, port });
    const done = (v: boolean) => {
      s.destroy();
      resolve(v);
    };
    s.setTimeout(timeoutMs, () => done(false));
    s.once('connect', () => done(true));
    s.once('error', () => done(false));
  });
}

export function isLocalHost(host: string): boolean {
  return ['127.0.0.1', 'localhost', '::1', '[::1]', '0.0.0.0'].includes(host);
}

// ---------- Java discovery ----------

export interface Jdk {
  java: string;
  major: number;
  home?: string;
}

function majorFromReleaseFile(home: string): number | undefined {
  try {
    const m = /^JAVA_VERSION="?(\d+)(?:\.(\d+))?/m.exec(fs.readFileSync(path.join(home, 'release'), 'utf8'));
    if (!m) return undefined;
    const first = Number(m[1]);
    return first === 1 ? Number(m[2]) : first; // 1.8 -> 8
  } catch {
    return undefined;
  }
}

function majorFromExec(java: string): number | undefined {
  const r = spawnSync(java, ['-version'], { encoding: 'utf8', timeout: 15_000 });
  const m = /version "(\d+)(?:\.(\d+))?/.exec(`${r.stderr}${r.stdout}`);
  if (!m) return undefined;
  const first = Number(m[1]);
  return first === 1 ? Number(m[2]) : first;
}

function jdkFromHome(home: string): Jdk | undefined {
  const java = path.join(home, 'bin', 'java');
  if (!fs.existsSync(java)) return undefined;
  const major = majorFromReleaseFile(home) ?? majorFromExec(java);
  return major ? { java, major, home } : undefined;
}

function whichJava(): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const p = path.join(dir, 'java');
    try {
      fs.accessSync(p, fs.constants.X_OK);
      return p;
    } catch {
      /* next */
    }
  }
  return undefined;
}

let jdkCache: Jdk[] | undefined;

/** All JDKs we can find, in preference order: JAVA_HOME, `java` on PATH, then well-known install dirs. */
export function findJdks(): Jdk[] {
  if (jdkCache) return jdkCache;
  const out: Jdk[] = [];
  const seen = new Set<string>();
  const add = (j: Jdk | undefined) => {
    if (!j) return;
    let key = j.java;
    try {
      key = fs.realpathSync(j.java);
    } catch {
      /* keep */
    }
    if (seen.has(key)) return;
    seen.add(key);
    out.push(j);
  };
  if (process.env.JAVA_HOME) add(jdkFromHome(process.env.JAVA_HOME));
  const onPath = whichJava();
  if (onPath) {
    let real = onPath;
    try {
      real = fs.realpathSync(onPath);
    } catch {
      /* keep */
    }
    const home = path.dirname(path.dirname(real));
    const major = majorFromReleaseFile(home) ?? majorFromExec(onPath);
    if (major) add({ java: onPath, major, home });
  }
  const roots = ['/usr/lib/jvm', '/usr/java', '/opt/java', '/opt/jdk', '/Library/Java/JavaVirtualMachines'];
  for (const root of roots) {
    let entries: string[];
    try {
      entries = fs.readdirSync(root).sort();
    } catch {
      continue;
    }
    for (const e of entries) {
      const dir = path.join(root, e);
      add(jdkFromHome(dir) ?? jdkFromHome(path.join(dir, 'Contents', 'Home')));
    }
  }
  jdkCache = out;
  return out;
}

/** First JDK (preference order) with at least `min`; `preferHighest` picks the newest instead. */
export function pickJdk(min: number, purpose: string, envVar: string, preferHighest = false): Jdk {
  const forced = process.env[envVar];
  if (forced) {
    const j = jdkFromHome(forced);
    if (!j) throw new StackError(`${envVar}=${forced} is not a JDK home (no bin/java)`);
    if (j.major < min) throw new StackError(`${envVar}=${forced} is Java ${j.major}; ${purpose} needs Java ${min}+`);
    return j;
  }
  const ok = findJdks().filter((j) => j.major >= min);
  const [chosen] = preferHighest ? [...ok].sort((a, b) => b.major - a.major) : ok;
  if (chosen === undefined) {
    const found =
      findJdks()
        .map((j) => `${j.java} (Java ${j.major})`)
        .join(', ') || 'none';
    throw new StackError(
      `${purpose} needs Java ${min}+, but none was found (checked JAVA_HOME, PATH, /usr/lib/jvm/*; found: ${found}). ` +
        `Install a JDK ${min}+ or point ${envVar} at one.`,
    );
  }
  return chosen;
}

// ---------- Maven dependency resolution ----------

let mvnQueue: Promise<unknown> = Promise.resolve();

/** Copy the jars of a pom profile into .stack/lib/<profile>, unless the marker says they're current. Serialised. */
export function resolveJars(profile: string, log: (msg: string) => void): Promise<string> {
  const run = mvnQueue.then(() => resolveJarsNow(profile, log));
  mvnQueue = run.catch(() => undefined);
  return run;
}

async function resolveJarsNow(profile: string, log: (msg: string) => void): Promise<string> {
  const outDir = path.join(LIB_DIR, profile);
  const marker = path.join(outDir, '.resolved');
  const pomText = fs.readFileSync(POM, 'utf8');
  const props = [...pomText.matchAll(/<([a-z.]+\.version)>([^<]+)</g)].map((m) => `${m[1]}=${m[2]}`).join(' ');
  const want = `${props} pom-sha256=${createHash('sha256').update(pomText).digest('hex').slice(0, 16)}`;
  try {
    if (fs.readFileSync(marker, 'utf8').trim() === want) return outDir;
  } catch {
    /* not resolved yet */
  }
  if (spawnSync('mvn', ['-v'], { stdio: 'ignore' }).status !== 0) {
    throw new StackError(
      `mvn (Maven) not found on PATH; it is needed once to download the ${profile} jars from Maven Central.`,
    );
  }
  const t0 = Date.now();
  log(`resolving ${profile} jars with Maven (${props})…`);
  fs.rmSync(outDir, { recursive: true, force: true });
  const args = ['-q', '-B', '-f', POM, '-P', profile, 'dependency:copy-dependencies', `-DoutputDirectory=${outDir}`];
  if (process.env.STACK_MAVEN_REPO_LOCAL) args.push(`-Dmaven.repo.local=${process.env.STACK_MAVEN_REPO_LOCAL}`);
  const out = await new Promise<{ code: number | null; text: string }>((resolve) => {
    const c = spawn('mvn', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let text = '';
    c.stdout.on('data', (d) => (text += d));
    c.stderr.on('data', (d) => (text += d));
    c.on('close', (code) => resolve({ code, text }));
    c.on('error', (e) => resolve({ code: -1, text: String(e) }));
  });
  if (out.code !== 0) {
    throw new StackError(
      `mvn failed resolving profile ${profile} (exit ${out.code}):\n${out.text.split('\n').slice(-30).join('\n')}`,
    );
  }
  fs.writeFileSync(marker, `${want}\n`);
  log(
    `${profile} jars resolved in ${fmtSecs(Date.now() - t0)} (${fs.readdirSync(outDir).filter((f) => f.endsWith('.jar')).length} jars)`,
  );
  return outDir;
}
