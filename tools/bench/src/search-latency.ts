/**
 * `npm run bench:search [-- --count 50000 --rate 20 --duration 30]`
 *
 * Search latency through the indexer's HTTP API at a fixed request rate, over a synthetic corpus of ≥ 50,000
 * articles (varied titles/bodies from word lists, 10 sources, 6 languages, people/places/organisations, dates over
 * a year, story clusters) loaded straight into an isolated index with the client's bulk helper. The load is open
 * loop (requests start on schedule whether or not earlier ones have answered), with a mixed query set: words,
 * phrases, exclusions, OR; filters on source, language, dates, people, places, organisations; every sort;
 * collapse; second pages through the cursor. Every search computes the six facets. Next to the HTTP latency it
 * prints the engine's own `took` (from the `Server-Timing: engine;dur=` header). Never asserts a timing.
 */
import {
  SYNTHETIC_ORGANIZATIONS,
  SYNTHETIC_PEOPLE,
  SYNTHETIC_PLACES,
  SYNTHETIC_SOURCES,
  seededRandom,
  syntheticArticles,
  toArticleDocument,
  type ArticleDocument,
} from '@wirestream/search';
import { createBenchEnv, flag, log, percentile, spawnIndexer } from './bench-env';

const WORDS = [
  'interest rates',
  'inflation',
  'floods',
  'elections',
  'artificial intelligence',
  'vaccines',
  'the final',
  'sanctions',
  'chips',
  'drought',
  'wages',
  'reforms',
  'batteries',
  'hospitals',
  'tariffs',
  'heatwave',
];

/** One request of the mix, as a query string (without the cursor). */
function queryMix(random: () => number): string {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const params = new URLSearchParams();
  const shape = random();
  if (shape < 0.3) params.set('q', pick(WORDS).split(' ')[0]!);
  else if (shape < 0.45) params.set('q', `"${pick(WORDS)}"`);
  else if (shape < 0.55) params.set('q', `${pick(WORDS).split(' ')[0]} -${pick(WORDS).split(' ')[0]}`);
  else if (shape < 0.65) params.set('q', `${pick(WORDS).split(' ')[0]} | ${pick(WORDS).split(' ')[0]}`);
  else if (shape < 0.8)
    params.set(
      'q',
      pick([...SYNTHETIC_PEOPLE, ...SYNTHETIC_PLACES])
        .split(' ')
        .slice(-1)[0]!,
    );
  // else: browse (no q), filters only
  if (random() < 0.3) params.set('source', pick(SYNTHETIC_SOURCES).id);
  if (random() < 0.2) params.set('language', pick(['en', 'fr', 'de', 'es', 'it']));
  if (random() < 0.3) {
    const month = 1 + Math.floor(random() * 12);
    params.set('from', `2025-${String(month).padStart(2, '0')}-01`);
    params.set('to', `2025-${String(month).padStart(2, '0')}-28`);
  }
  if (random() < 0.15) params.set('person', pick(SYNTHETIC_PEOPLE));
  if (random() < 0.1) params.set('place', pick(SYNTHETIC_PLACES));
  if (random() < 0.05) params.set('organization', pick(SYNTHETIC_ORGANIZATIONS));
  const sort = random();
  params.set('sort', sort < 0.5 ? 'relevance' : sort < 0.85 ? 'newest' : 'oldest');
  if (random() < 0.1) params.set('collapse', 'cluster');
  params.set('size', random() < 0.7 ? '10' : '20');
  return params.toString();
}

interface Sample {
  ms: number;
  engineMs: number | null;
  status: number;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const count = Number(flag(args, 'count') ?? 50_000);
  const rate = Number(flag(args, 'rate') ?? 20);
  const duration = Number(flag(args, 'duration') ?? 30);
  const bench = await createBenchEnv('srch');
  log(`bench:search — ${count} articles, ${rate} req/s for ${duration} s, run ${bench.runId}`);
  try {
    const engine = await bench.engine();
    await engine.ensureIndex();
    const loadStarted = Date.now();
    let batch: ArticleDocument[] = [];
    let loaded = 0;
    for (const { article, clusterId } of syntheticArticles(count, { seed: 50_000 })) {
      batch.push(toArticleDocument(article, clusterId));
      if (batch.length === 5000 || loaded + batch.length === count) {
        const stats = await engine.bulkLoadDirect(batch);
        if (stats.failed)
          throw new Error(`bulk load failed ${stats.failed} documents: ${JSON.stringify(stats.failures)}`);
        loaded += batch.length;
        batch = [];
        log(`loaded ${loaded}/${count} (${(loaded / ((Date.now() - loadStarted) / 1000)).toFixed(0)} docs/s)`);
      }
    }
    await engine.refresh();
    const indices = await engine.listArticleIndices();
    log(`index ${indices[0]?.name}: ${indices[0]?.docs} documents`);

    const indexer = await spawnIndexer(bench.env, 15000 + Math.floor(Math.random() * 1000));
    try {
      const random = seededRandom(7);
      const cursors: string[] = [];
      const refusals: string[] = [];
      /** `due`: the scheduled start; latency counts from it, so a stalled client or server cannot hide queueing. */
      const fire = async (query: string, due?: number): Promise<Sample> => {
        const started = Math.min(due ?? Infinity, performance.now());
        const res = await fetch(`${indexer.url}/v1/search?${query}`);
        const body = (await res.json()) as { nextCursor?: string | null; detail?: string };
        if (res.status !== 200 && refusals.length < 5) refusals.push(`${res.status} ${query}: ${body.detail ?? ''}`);
        const ms = performance.now() - started;
        const timing = /engine;dur=([\d.]+)/.exec(res.headers.get('server-timing') ?? '');
        if (body.nextCursor && cursors.length < 200)
          cursors.push(`${query.replace(/&cursor=[^&]*/, '')}&cursor=${body.nextCursor}`);
        return { ms, engineMs: timing ? Number(timing[1]) : null, status: res.status };
      };
      const nextQuery = () =>
        cursors.length && random() < 0.15
          ? cursors.splice(Math.floor(random() * cursors.length), 1)[0]!
          : queryMix(random);

      log('warming up (100 sequential requests)');
      for (let i = 0; i < 100; i++) await fire(nextQuery());
      cursors.length = 0;

      log(`measuring: ${rate} req/s for ${duration} s (open loop)`);
      const total = Math.round(rate * duration);
      const samples: Promise<Sample>[] = [];
      const t0 = performance.now();
      for (let i = 0; i < total; i++) {
        const due = t0 + (i * 1000) / rate;
        const wait = due - performance.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        samples.push(fire(nextQuery(), due));
        if (i % (rate * 5) === 0 && i) log(`  ${i}/${total} requests sent`);
      }
      const done = await Promise.all(samples);
      const elapsed = (performance.now() - t0) / 1000;
      const ok = done.filter((s) => s.status === 200);
      const latencies = ok.map((s) => s.ms).sort((a, b) => a - b);
      const took = ok
        .map((s) => s.engineMs)
        .filter((v): v is number => v !== null)
        .sort((a, b) => a - b);
      const byStatus = done.reduce<Record<number, number>>(
        (acc, s) => ({ ...acc, [s.status]: (acc[s.status] ?? 0) + 1 }),
        {},
      );
      const fmt = (v: number) => v.toFixed(1).padStart(7);
      const result = {
        date: new Date().toISOString(),
        articles: indices[0]?.docs ?? count,
        rate,
        durationS: duration,
        achievedRate: Number((done.length / elapsed).toFixed(1)),
        statuses: byStatus,
        httpMs: {
          p50: percentile(latencies, 50),
          p95: percentile(latencies, 95),
          p99: percentile(latencies, 99),
          max: latencies.at(-1),
        },
        engineTookMs: {
          p50: percentile(took, 50),
          p95: percentile(took, 95),
          p99: percentile(took, 99),
          max: took.at(-1),
        },
      };
      process.stdout.write(
        `\n${result.articles} articles, ${done.length} searches at ${result.achievedRate} req/s (target ${rate}), statuses ${JSON.stringify(byStatus)}\n` +
          `                     p50      p95      p99      max\n` +
          `HTTP API (ms)    ${fmt(result.httpMs.p50)}  ${fmt(result.httpMs.p95)}  ${fmt(result.httpMs.p99)}  ${fmt(result.httpMs.max ?? NaN)}\n` +
          `engine took (ms) ${fmt(result.engineTookMs.p50)}  ${fmt(result.engineTookMs.p95)}  ${fmt(result.engineTookMs.p99)}  ${fmt(result.engineTookMs.max ?? NaN)}\n` +
          `${JSON.stringify(result)}\n`,
      );
      for (const refusal of refusals) log(`refused: ${refusal}`);
    } finally {
      await indexer.stop();
    }
  } finally {
    log('cleaning up (index, topics, database)');
    await bench.cleanup();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(
      `bench:search failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);
