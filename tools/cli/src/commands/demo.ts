import { migrate } from '@wirestream/persistence';
import { execFileSync, spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { CliCommand, CliIo } from '../cli-command';
import { serviceUrls } from '../service-urls';
import { ingestInputs, printIngestSummary, resolveInputs } from './ingest';
import { reindexCommand } from './reindex';

/** The enricher's heap limits (old space ~3x what a 3 MB page needs, a small young generation: peak RSS ~190 MB under bench:enrich). Same flags as `npm run start:enricher`. */
const ENRICHER_HEAP_FLAGS = ['--max-old-space-size=192', '--max-semi-space-size=4'];

const REPO_ROOT = path.resolve(__dirname, '../../../..');
const RUN_DIR = path.join(REPO_ROOT, '.stack', 'services');
const LOG_DIR = path.join(REPO_ROOT, '.stack', 'logs');
const SERVICES = ['ingestor', 'enricher', 'indexer'] as const;
type Service = (typeof SERVICES)[number];

const pidFile = (service: Service) => path.join(RUN_DIR, `${service}.pid`);

function runningPid(service: Service): number | null {
  if (!existsSync(pidFile(service))) return null;
  const pid = Number(readFileSync(pidFile(service), 'utf8'));
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    return null;
  }
}

async function ready(url: string): Promise<boolean> {
  const res = await fetch(`${url}/health/ready`, { signal: AbortSignal.timeout(2000) }).catch(() => null);
  return res?.status === 200;
}

async function waitUntil(
  what: string,
  io: CliIo,
  probe: () => Promise<boolean>,
  timeoutMs: number,
  logHint?: string,
): Promise<void> {
  const started = Date.now();
  let lastNote = 0;
  while (!(await probe())) {
    const elapsed = Date.now() - started;
    if (elapsed > timeoutMs)
      throw new Error(`${what}: not ready after ${Math.round(elapsed / 1000)}s${logHint ? ` — see ${logHint}` : ''}`);
    if (elapsed - lastNote > 5000) {
      lastNote = elapsed;
      io.stderr.write(`  waiting for ${what}… ${Math.round(elapsed / 1000)}s\n`);
    }
    await new Promise((r) => setTimeout(r, 300));
  }
}

/** Starts a service as a detached background process, its output in .stack/logs/<service>.log. */
function startService(service: Service, env: NodeJS.ProcessEnv): number {
  mkdirSync(RUN_DIR, { recursive: true });
  mkdirSync(LOG_DIR, { recursive: true });
  const log = openSync(path.join(LOG_DIR, `${service}.log`), 'a');
  const child = spawn(
    process.execPath,
    [
      '--disable-warning=TimeoutNegativeWarning',
      ...(service === 'enricher' ? ENRICHER_HEAP_FLAGS : []),
      '-r',
      '@swc-node/register',
      `services/${service}/src/main.ts`,
    ],
    {
      cwd: REPO_ROOT,
      env,
      detached: true,
      stdio: ['ignore', log, log],
    },
  );
  closeSync(log);
  child.unref();
  writeFileSync(pidFile(service), String(child.pid));
  return child.pid!;
}

async function stopService(service: Service, io: CliIo): Promise<void> {
  const pid = runningPid(service);
  rmSync(pidFile(service), { force: true });
  if (!pid) return;
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + 15000;
  while (Date.now() < deadline) {
    try {
      process.kill(pid, 0);
    } catch {
      io.stdout.write(`${service}: stopped (pid ${pid})\n`);
      return;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  process.kill(pid, 'SIGKILL');
  io.stdout.write(`${service}: killed after 15s (pid ${pid})\n`);
}

async function up(io: CliIo): Promise<number> {
  const urls = serviceUrls(io.env);
  io.stdout.write('1/5 bringing the stack up (Kafka, search engine, Postgres)…\n');
  execFileSync(process.execPath, [path.join(REPO_ROOT, 'tools/stack/stack.ts'), 'up'], {
    cwd: REPO_ROOT,
    stdio: 'inherit',
    env: io.env,
  });

  const databaseUrl = io.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/wirestream';
  io.stdout.write('2/5 applying database migrations…\n');
  const applied = await migrate(databaseUrl);
  io.stdout.write(applied.length ? `  applied ${applied.join(', ')}\n` : '  schema is up to date\n');

  io.stdout.write('3/5 starting ingestor, enricher and indexer…\n');
  const env = { ...io.env, NODE_ENV: io.env['NODE_ENV'] ?? 'development' };
  for (const service of SERVICES) {
    const pid = runningPid(service);
    if (pid && (await ready(urls[service]))) io.stdout.write(`  ${service}: already running (pid ${pid})\n`);
    else io.stdout.write(`  ${service}: started (pid ${startService(service, env)}), log .stack/logs/${service}.log\n`);
  }
  for (const service of SERVICES) {
    await waitUntil(
      `${service} on ${urls[service]}`,
      io,
      () => ready(urls[service]),
      90000,
      `.stack/logs/${service}.log`,
    );
    io.stdout.write(`  ${service}: healthy at ${urls[service]}\n`);
  }

  io.stdout.write('4/5 ingesting the sample articles in examples/…\n');
  const summary = await ingestInputs(resolveInputs([path.join(REPO_ROOT, 'examples')]), io);
  printIngestSummary(summary, io);

  io.stdout.write('5/5 waiting until every sample is searchable…\n');
  for (const id of summary.ids) {
    await waitUntil(
      `article ${id} in the index`,
      io,
      async () => (await fetch(`${urls.indexer}/v1/articles/${id}`).catch(() => null))?.status === 200,
      90000,
      '.stack/logs/enricher.log and indexer.log',
    );
  }
  const sampleFound = async () => {
    const res = await fetch(`${urls.indexer}/v1/search?q=Petro%20cartels`).catch(() => null);
    return res?.status === 200 && ((await res.json()) as { total: number }).total > 0;
  };
  try {
    await waitUntil('the search index to refresh', io, sampleFound, 8000);
  } catch {
    // Postgres knows the articles (they came back as duplicates) but the index does not: the search engine's data was
    // reset (e.g. `rm -rf .stack`) while Postgres kept its own. The index is derived data — rebuild it from Postgres.
    io.stdout.write(
      '  the search index lacks articles Postgres has (was .stack reset?): rebuilding it from Postgres…\n',
    );
    if ((await reindexCommand.run([], io)) !== 0) throw new Error('reindex failed; see .stack/logs/indexer.log');
    await waitUntil('the rebuilt search index', io, sampleFound, 30000);
  }

  io.stdout.write(`
Wirestream is running.
  Search:        ${urls.indexer}/v1/search?q=Petro%20cartels
  Try:           curl -s '${urls.indexer}/v1/search?q=Petro%20cartels' | head -c 600
                 npm run -s cli -- search "Petro cartels"
  Article:       ${urls.indexer}/v1/articles/${summary.ids[0] ?? '<id>'}
  Ingest:        curl -s -X POST ${urls.ingestor}/v1/ingest -H 'x-api-key: ${urls.apiKey}' -H 'content-type: text/plain' --data-binary @examples/global-village-space-trump-petro.txt
  API key:       ${urls.apiKey}   (local development key; set API_KEYS for anything else)
  API docs:      ${urls.ingestor}/docs  ${urls.indexer}/docs
  Ops page:      ${urls.indexer}/ops   (status API: ${urls.indexer}/v1/ops/status)
  Health/metrics: <service>/health/ready, <service>/metrics
  Stop:          make stop   (or: npm run demo:stop)
`);
  return summary.refused.length ? 1 : 0;
}

async function down(io: CliIo): Promise<number> {
  for (const service of SERVICES) await stopService(service, io);
  execFileSync(process.execPath, [path.join(REPO_ROOT, 'tools/stack/stack.ts'), 'down'], {
    cwd: REPO_ROOT,
    stdio: 'inherit',
    env: io.env,
  });
  return 0;
}

export const demoCommand: CliCommand = {
  name: 'demo',
  summary: 'up: stack + three services + sample articles; down: stop them all',
  usage: 'Usage: wirestream demo up|down',
  async run(args, io) {
    if (args[0] === 'up') return up(io);
    if (args[0] === 'down') return down(io);
    io.stderr.write(`${this.usage}\n`);
    return 2;
  },
};
