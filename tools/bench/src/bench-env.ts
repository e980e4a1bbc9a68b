/**
 * A private slice of the real stack for one benchmark run (own database, topic prefix and index prefix), services
 * spawned on it, and clean-up. Tools may not depend on libs/testing, so this is the benchmark's own small copy.
 */
import { deadLetterTopic, topicsFor, type TopicSet } from '@wirestream/contracts';
import { createKafka, deleteTopics, type Kafka } from '@wirestream/kafka';
import { dropDatabase, migrate } from '@wirestream/persistence';
import { createLogger } from '@wirestream/platform';
import { createArticleSearchEngine, type ArticleSearchEngine } from '@wirestream/search';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync } from 'node:fs';
import path from 'node:path';

export const repoRoot = path.resolve(__dirname, '../../..');

/** The ingest API key of a bench's own ingestor. */
export const BENCH_API_KEY = 'bench-key';

export interface BenchEnv {
  runId: string;
  databaseUrl: string;
  topics: TopicSet;
  indexPrefix: string;
  kafka: Kafka;
  env: Record<string, string>;
  engine(prefix?: string, options?: { maxBulkDocs?: number }): Promise<ArticleSearchEngine>;
  cleanup(): Promise<void>;
}

export async function createBenchEnv(label: string): Promise<BenchEnv> {
  const runId = `${label}${randomBytes(3).toString('hex')}`;
  const kafkaBrokers = process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092';
  const searchUrl = process.env['SEARCH_URL'] ?? 'http://127.0.0.1:9200';
  const dbUrl = new URL(process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/wirestream');
  dbUrl.pathname = `/wsbench_${runId}`;
  const databaseUrl = dbUrl.toString();
  await migrate(databaseUrl);
  const topicPrefix = `bench.${runId}.`;
  const indexPrefix = `bench_${runId}_`;
  const topics = topicsFor(topicPrefix);
  const logger = createLogger('bench', 'warn');
  const kafka = createKafka({ brokers: kafkaBrokers.split(','), clientId: `bench-${runId}`, logger });
  const engines: ArticleSearchEngine[] = [];
  const prefixes = new Set<string>([indexPrefix]);
  const env: Record<string, string> = {
    NODE_ENV: 'test',
    LOG_LEVEL: process.env['BENCH_LOG_LEVEL'] ?? 'warn',
    KAFKA_BROKERS: kafkaBrokers,
    KAFKA_TOPIC_PREFIX: topicPrefix,
    DATABASE_URL: databaseUrl,
    SEARCH_URL: searchUrl,
    SEARCH_ENGINE: process.env['SEARCH_ENGINE'] ?? 'auto',
    SEARCH_INDEX_PREFIX: indexPrefix,
    INDEXER_GROUP_ID: `indexer-${runId}`,
    ENRICHER_GROUP_ID: `enricher-${runId}`,
    API_KEYS: BENCH_API_KEY,
  };
  return {
    runId,
    databaseUrl,
    topics,
    indexPrefix,
    kafka,
    env,
    async engine(prefix = indexPrefix, options = {}) {
      prefixes.add(prefix);
      const engine = await createArticleSearchEngine({
        url: searchUrl,
        engine: (env['SEARCH_ENGINE'] as 'auto') ?? 'auto',
        indexPrefix: prefix,
        ...options,
      });
      engines.push(engine);
      return engine;
    },
    async cleanup() {
      for (const prefix of prefixes) {
        const engine = await createArticleSearchEngine({ url: searchUrl, engine: 'auto', indexPrefix: prefix });
        await engine.dropAll().catch(() => undefined);
        await engine.close();
      }
      await Promise.all(engines.map((e) => e.close().catch(() => undefined)));
      await deleteTopics(
        kafka,
        Object.values(topics).flatMap((t) => [t, deadLetterTopic(t)]),
      ).catch(() => undefined);
      await dropDatabase(databaseUrl).catch(() => undefined);
    },
  };
}

export type ServiceName = 'ingestor' | 'enricher' | 'indexer';

export interface SpawnedService {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/** Node flags of each service, as its `npm run start:<service>` script gives them. */
const SERVICE_NODE_ARGS: Record<ServiceName, string[]> = {
  ingestor: ['--disable-warning=TimeoutNegativeWarning'],
  enricher: ['--disable-warning=TimeoutNegativeWarning', '--max-old-space-size=192', '--max-semi-space-size=4'],
  indexer: ['--disable-warning=TimeoutNegativeWarning'],
};

/** The indexer as its own process (as in production), on the bench env: see `spawnService`. */
export function spawnIndexer(
  env: Record<string, string>,
  port: number,
  onSpawn?: (pid: number) => void,
): Promise<SpawnedService> {
  return spawnService('indexer', env, port, onSpawn);
}

/**
 * A service as its own process (as in production), on the bench env, resolved once `/health/ready` answers 200.
 * `BENCH_<SERVICE>_NODE_ARGS` adds Node flags (e.g. `BENCH_INDEXER_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof'`,
 * which NODE_OPTIONS does not accept); `onSpawn` gets the pid at once.
 */
export async function spawnService(
  name: ServiceName,
  env: Record<string, string>,
  port: number,
  onSpawn?: (pid: number) => void,
): Promise<SpawnedService> {
  const extraArgs = process.env[`BENCH_${name.toUpperCase()}_NODE_ARGS`]?.split(' ').filter(Boolean) ?? [];
  const child: ChildProcess = spawn(
    process.execPath,
    [...SERVICE_NODE_ARGS[name], ...extraArgs, '-r', '@swc-node/register', `services/${name}/src/main.ts`],
    {
      cwd: repoRoot,
      env: { ...process.env, ...env, PORT: String(port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  if (child.pid) onSpawn?.(child.pid);
  // Every line the service logs, kept for the run (an errorId in a bench failure is looked up here).
  const logPath = path.join(
    repoRoot,
    'bench-results',
    'logs',
    `${name}-${new Date().toISOString().replace(/[:.]/g, '-')}-${child.pid}.log`,
  );
  mkdirSync(path.dirname(logPath), { recursive: true });
  const logFile = createWriteStream(logPath);
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    logFile.write(chunk);
    output.push(chunk.toString('utf8'));
    if (output.length > 200) output.shift();
  };
  child.once('exit', () => logFile.end());
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`${name} exited with ${child.exitCode}:\n${output.join('').slice(-3000)}`);
    const res = await fetch(`${url}/health/ready`).catch(() => null);
    if (res?.status === 200) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${name} not ready after 90 s:\n${output.join('').slice(-3000)}`);
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  return {
    url,
    pid: child.pid ?? 0,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

export function flag(args: string[], name: string): string | undefined {
  const at = args.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (at < 0) return undefined;
  const arg = args[at]!;
  return arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : args[at + 1];
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export function log(line: string): void {
  process.stderr.write(`${line}\n`);
}
