/**
 * `npm run bench:e2e [-- --quick] [--n 5000] [--rates 50,200] [--rate-seconds 60] [--concurrency 4] [--seed 1]`
 * (`BENCH_E2E_N` also sets N; `--quick` = N 1,000 and 10 s per rate.)
 *
 * The whole pipeline at the speed of its parts, on an isolated slice of the shared stack (own database, topics,
 * index), with the three services as real processes:
 *  1. baselines: the pure parse + enrichArticle rate for the same items in this process (as bench:enrich does),
 *     and the engine's direct bulk rate for the resulting documents (bench:index's direct run), before and after;
 *  2. sustained: N articles in mixed formats (native JSON batches, RSS, NewsML-G2, NITF, text pages, HTML pages;
 *     see e2e-corpus.ts) posted to `/v1/ingest`, a few requests in flight; text/wire items first, then HTML pages,
 *     each timed from its first post to the first search that finds all of them. Progress is read from the offsets
 *     of `articles.indexed.v1` (no load on the engine), then one search per 100 ms near the end;
 *  3. latency: single-article requests at fixed offered rates (open loop), each article timed from the moment its
 *     POST returned 202 to the first poll (every 100 ms) of the search API that returns it — a filtered search
 *     (this phase's source, publishedAt from the oldest article still missing, oldest first), so the poller costs
 *     the engine a few small queries per second, not a scan.
 * CPU seconds per article per process come from /proc over the sustained windows (the poller is idle there), peak
 * RSS per process over the whole run. Writes bench-results/e2e-<date>.json and .svg; prints a table and one line.
 */
import type { EnrichedArticle, IngestAcceptedItem } from '@wirestream/contracts';
import { enrichArticle } from '@wirestream/enrichment';
import { parseIngestBody } from '@wirestream/formats';
import { createDataSource } from '@wirestream/persistence';
import { toArticleDocument, type ArticleSearchEngine } from '@wirestream/search';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  BENCH_API_KEY,
  createBenchEnv,
  flag,
  log,
  percentile,
  repoRoot,
  spawnService,
  type BenchEnv,
  type ServiceName,
  type SpawnedService,
} from './bench-env';
import { directBulkRun } from './direct-bulk';
import { buildCorpus, buildSingles, CORPUS_MIX, type CorpusGroup, type IngestRequest } from './e2e-corpus';
import { cpuSnapshot, cpuUsed, totalCpu, type CpuSnapshot } from './process-cpu';
import { sampleMemory } from './process-memory';
import { renderChart, type ChartPhase } from './svg-chart';

interface Options {
  n: number;
  rates: number[];
  rateSeconds: number;
  concurrency: number;
  seed: number;
  quick: boolean;
}

function options(args: string[]): Options {
  const quick = args.includes('--quick');
  return {
    quick,
    n: Number(flag(args, 'n') ?? process.env['BENCH_E2E_N'] ?? (quick ? 1000 : 5000)),
    rates: (flag(args, 'rates') ?? '50,200')
      .split(',')
      .map(Number)
      .filter((r) => r > 0),
    rateSeconds: Number(flag(args, 'rate-seconds') ?? (quick ? 10 : 60)),
    concurrency: Number(flag(args, 'concurrency') ?? 4),
    seed: Number(flag(args, 'seed') ?? 1),
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const round = (v: number, digits = 0) => Number(v.toFixed(digits));

/** Where the bench's clock started; every timeline point is seconds since then. */
const T0 = Date.now();
const since = (ms: number) => round((ms - T0) / 1000, 2);

// ---------------------------------------------------------------- baselines

interface EnrichBaseline {
  /** Wall-clock rate on this thread, as bench:enrich reports it: on a busy machine, what one shared core gave. */
  itemsPerSec: Record<CorpusGroup, number>;
  /** Per CPU second of this thread: what one free core would give. */
  itemsPerCpuSec: Record<CorpusGroup, number>;
  articles: EnrichedArticle[];
}

/**
 * What one core does with the same items without Kafka, Postgres or the engine: parseIngestBody (the ingestor's
 * parse, which for pages is the extraction) plus enrichArticle per item — bench:enrich's measure (parse + enrich).
 */
function enrichBaseline(requests: IngestRequest[], minSeconds: number): EnrichBaseline {
  const now = new Date().toISOString();
  const articles: EnrichedArticle[] = [];
  const work = (r: IngestRequest, keep: boolean) => {
    const parsed = parseIngestBody({
      bytes: r.body,
      contentType: r.contentType,
      url: new URLSearchParams(r.query).get('url'),
      sourceName: null,
    });
    for (const [i, item] of parsed.items.entries()) {
      const article = enrichArticle({
        id: `${r.format}-${articles.length}-${i}`,
        version: 1,
        source: { id: 'bench', name: item.sourceName },
        item,
        ingestedAt: now,
        now,
      });
      if (keep) articles.push(article);
    }
  };
  const itemsPerSec = { wire: 0, html: 0 } as Record<CorpusGroup, number>;
  const itemsPerCpuSec = { wire: 0, html: 0 } as Record<CorpusGroup, number>;
  for (const group of ['wire', 'html'] as const) {
    const mine = requests.filter((r) => r.group === group);
    for (const r of mine.slice(0, 30)) work(r, false); // warm-up: JIT, regex caches
    // At least `minSeconds` of work (cycling over the items), so a small N still gives a steady rate.
    let items = 0;
    const cpuBefore = process.threadCpuUsage();
    const started = process.hrtime.bigint();
    for (let round = 0; round === 0 || Number(process.hrtime.bigint() - started) / 1e9 < minSeconds; round++) {
      for (const r of mine) work(r, round === 0);
      items += mine.reduce((n, r) => n + r.items, 0);
    }
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const cpu = process.threadCpuUsage(cpuBefore);
    itemsPerSec[group] = items / seconds;
    itemsPerCpuSec[group] = items / ((cpu.user + cpu.system) / 1e6);
    log(
      `pure parse + enrich, ${group}: ${itemsPerSec[group].toFixed(0)} items/s (${itemsPerCpuSec[group].toFixed(0)} per CPU second of this thread)`,
    );
  }
  return { itemsPerSec, itemsPerCpuSec, articles };
}

// ---------------------------------------------------------------- posting

/** 503s the ingest API answered (overload: it could not get a database connection in time), each retried as a client would. */
let overloadRetries = 0;
const MAX_OVERLOAD_RETRIES = 10;

/** Posts one request; a 503 with Retry-After is retried after that delay, as a well-behaved client does. */
async function post(ingestUrl: string, r: IngestRequest): Promise<IngestAcceptedItem[]> {
  for (let attempt = 0; ; attempt++) {
    const res = await fetch(`${ingestUrl}${r.query}`, {
      method: 'POST',
      headers: { 'content-type': r.contentType, 'x-api-key': BENCH_API_KEY },
      body: r.body,
    });
    const answer = (await res.json()) as { accepted?: IngestAcceptedItem[]; refused?: unknown[] };
    const retryAfter = Number(res.headers.get('retry-after'));
    if (res.status === 503 && retryAfter > 0 && attempt < MAX_OVERLOAD_RETRIES) {
      overloadRetries += 1;
      await sleep(retryAfter * 1000);
      continue;
    }
    if (res.status !== 202 || answer.refused?.length)
      throw new Error(`${r.format}: HTTP ${res.status}: ${JSON.stringify(answer).slice(0, 400)}`);
    return answer.accepted ?? [];
  }
}

/** Count of `articles.indexed.v1` events so far: the indexer's progress, read from Kafka without touching the engine. */
async function indexedCount(bench: BenchEnv, admin: ReturnType<BenchEnv['kafka']['admin']>): Promise<number> {
  try {
    const offsets = await admin.fetchTopicOffsets(bench.topics.indexed);
    return offsets.reduce((sum, p) => sum + Number(BigInt(p.high) - BigInt(p.low)), 0);
  } catch {
    return NaN; // topic not created yet, or a broker hiccup: this poll is skipped
  }
}

async function searchableTotal(engine: ArticleSearchEngine, source?: string): Promise<number> {
  return engine
    .search({ size: 0, ...(source ? { source: [source] } : {}) })
    .then((r) => r.total)
    .catch(() => 0);
}

interface Segment {
  group: CorpusGroup;
  articles: number;
  requests: number;
  postSeconds: number;
  postedPerSec: number;
  seconds: number;
  articlesPerSec: number;
  cpu: CpuSnapshot;
  timeline: { t: number; indexed: number; posted: number }[];
  from: number;
  to: number;
}

/** Posts one group's requests (`concurrency` in flight) and waits until the search API finds all of them. */
async function sustained(
  bench: BenchEnv,
  engine: ArticleSearchEngine,
  ingestUrl: string,
  requests: IngestRequest[],
  group: CorpusGroup,
  concurrency: number,
  pids: () => Record<string, number>,
  alreadySearchable: number,
): Promise<Segment> {
  const admin = bench.kafka.admin();
  await admin.connect();
  const articles = requests.reduce((n, r) => n + r.items, 0);
  const indexedBefore = (await indexedCount(bench, admin)) || 0;
  const timeline: Segment['timeline'] = [];
  let posted = 0;
  let next = 0;
  let postDone = 0;
  let postFailed: unknown = null;
  const cpuBefore = cpuSnapshot(pids());
  const started = Date.now();
  const posting = Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < requests.length) {
        const r = requests[next++]!;
        // Not `posted += await …`: that reads `posted` before the await and loses the other workers' additions.
        const accepted = await post(ingestUrl, r);
        posted += accepted.length;
      }
    }),
  ).then(
    () => void (postDone = Date.now()),
    (error: unknown) => void (postFailed = error),
  );
  let doneAt = 0;
  for (const deadline = started + 900_000; Date.now() < deadline && !doneAt;) {
    const indexed = (await indexedCount(bench, admin)) - indexedBefore;
    if (!Number.isNaN(indexed)) timeline.push({ t: since(Date.now()), indexed, posted });
    if (indexed >= articles) {
      // Indexed is not yet searchable (the engine refreshes every second): the window closes at the first search that finds all.
      for (;;) {
        const at = Date.now();
        if ((await searchableTotal(engine)) - alreadySearchable >= articles) {
          doneAt = at;
          break;
        }
        await sleep(100);
      }
    } else await sleep(indexed >= articles * 0.9 ? 100 : 250);
    if (postFailed) throw postFailed;
  }
  await posting;
  await admin.disconnect();
  if (!doneAt) throw new Error(`${group}: not all ${articles} articles searchable within 15 minutes`);
  const cpu = cpuUsed(cpuBefore, cpuSnapshot(pids()));
  const seconds = (doneAt - started) / 1000;
  const postSeconds = (postDone - started) / 1000;
  log(
    `sustained ${group}: ${articles} articles posted in ${postSeconds.toFixed(1)} s, all searchable after ${seconds.toFixed(1)} s = ${(articles / seconds).toFixed(0)} articles/s`,
  );
  return {
    group,
    articles,
    requests: requests.length,
    postSeconds: round(postSeconds, 2),
    postedPerSec: round(articles / postSeconds),
    seconds: round(seconds, 2),
    articlesPerSec: round(articles / seconds),
    cpu,
    timeline,
    from: since(started),
    to: since(doneAt),
  };
}

// ---------------------------------------------------------------- latency at a fixed offered rate

interface LatencyPhase {
  offeredPerSec: number;
  seconds: number;
  posted: number;
  achievedPostPerSec: number;
  searchable: number;
  notSearchable: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** Seconds from sending a POST to its 202 (p50, p99). */
  postAnswerP50: number;
  postAnswerP99: number;
  /** The poller's own load on the engine. */
  pollerSearchesPerSec: number;
  /** 503 answers (overload) retried after their Retry-After; the 202 times above include those waits. */
  overloadRetries: number;
  /**
   * Seconds from the 202 to the engine's acknowledgement of the indexer's write (the indexer's own record,
   * article_freshness): the pipeline's share of the latency above; the rest is the engine's refresh and the poll.
   */
  acknowledged: { p50: number; p95: number; p99: number };
  /** Per article: [seconds since start when its POST returned, latency s]. */
  samples: [number, number][];
  from: number;
  to: number;
}

/** Open loop, but bounded: at most this many seconds of the offered load may be waiting for their 202 at once. */
const MAX_BACKLOG_SECONDS = 10;
const POLL_MS = 100;
const PAGES_PER_POLL = 5;

async function latencyPhase(
  bench: BenchEnv,
  engine: ArticleSearchEngine,
  ingestUrl: string,
  rate: number,
  seconds: number,
  seed: number,
  runId: string,
): Promise<LatencyPhase> {
  const source = `Bench Latency ${rate} ${runId}`;
  const publishedFromMs = Date.parse('2025-01-01T00:00:00Z') + rate * 86_400_000;
  const requests = buildSingles(Math.round(rate * seconds), {
    tag: `lat${rate}`,
    seed,
    sourceName: source,
    publishedFromMs,
  });
  // Keyed by article id: when its POST returned, and its publishedAt (the poller's lower bound).
  const outstanding = new Map<string, { postedAt: number; published: number }>();
  const postedAtById = new Map<string, number>();
  const latencies: [number, number][] = [];
  /** Seconds from sending each POST to its 202: not part of the latency (which starts at the 202), reported beside it. */
  const answerTimes: number[] = [];
  let inFlight = 0;
  let failed: unknown = null;
  let stopPolling = false;
  let giveUpAt = Infinity;
  let searches = 0;
  const poller = (async () => {
    while (!stopPolling || outstanding.size) {
      if (outstanding.size) {
        const oldest = Math.min(...[...outstanding.values()].map((o) => o.published));
        const polledAt = Date.now();
        let cursor: string | undefined;
        for (let page = 0; page < PAGES_PER_POLL; page++) {
          searches += 1;
          const res = await engine
            .search({
              source: [source],
              from: new Date(oldest).toISOString(),
              sort: 'oldest',
              size: 100,
              ...(cursor ? { cursor } : {}),
            })
            .catch(() => null);
          if (!res) break;
          for (const hit of res.items) {
            const waiting = outstanding.get(hit.id);
            if (!waiting) continue;
            outstanding.delete(hit.id);
            latencies.push([since(waiting.postedAt), (polledAt - waiting.postedAt) / 1000]);
          }
          if (!res.nextCursor || res.items.length < 100 || !outstanding.size) break;
          cursor = res.nextCursor;
        }
      }
      if (stopPolling && Date.now() > giveUpAt) break;
      await sleep(POLL_MS);
    }
  })();
  const started = Date.now();
  const retriesBefore = overloadRetries;
  const sends: Promise<void>[] = [];
  for (const [k, r] of requests.entries()) {
    const due = started + (k * 1000) / rate;
    if (due > Date.now()) await sleep(due - Date.now());
    if (failed) break;
    if (inFlight >= rate * MAX_BACKLOG_SECONDS) {
      log(
        `latency at ${rate}/s: ${inFlight} requests (${MAX_BACKLOG_SECONDS} s of load) unanswered, stopping the offered load after ${k} posts`,
      );
      break;
    }
    inFlight += 1;
    const sentAt = Date.now();
    sends.push(
      post(ingestUrl, r)
        .then((accepted) => {
          const postedAt = Date.now();
          answerTimes.push((postedAt - sentAt) / 1000);
          for (const a of accepted) {
            outstanding.set(a.id, { postedAt, published: publishedFromMs + k * 1000 });
            postedAtById.set(a.id, postedAt);
          }
        })
        .catch((error: unknown) => void (failed = error))
        .finally(() => (inFlight -= 1)),
    );
  }
  await Promise.all(sends);
  const postedUntil = Date.now();
  if (failed) throw failed;
  // As in the issue's measurement: what is not searchable 60 s after the last post counts as not searchable.
  giveUpAt = postedUntil + 60_000;
  stopPolling = true;
  await poller;
  const notSearchable = outstanding.size;
  const sorted = latencies.map(([, l]) => l).sort((a, b) => a - b);
  const acknowledged = await acknowledgedLatencies(bench, postedAtById);
  const phase: LatencyPhase = {
    offeredPerSec: rate,
    seconds,
    posted: sends.length,
    achievedPostPerSec: round(sends.length / ((postedUntil - started) / 1000), 1),
    searchable: latencies.length,
    notSearchable,
    p50: round(percentile(sorted, 50), 3),
    p95: round(percentile(sorted, 95), 3),
    p99: round(percentile(sorted, 99), 3),
    max: round(sorted.at(-1) ?? NaN, 3),
    postAnswerP50: round(
      percentile(
        answerTimes.sort((a, b) => a - b),
        50,
      ),
      3,
    ),
    postAnswerP99: round(percentile(answerTimes, 99), 3),
    pollerSearchesPerSec: round(searches / ((Date.now() - started) / 1000), 1),
    overloadRetries: overloadRetries - retriesBefore,
    acknowledged: {
      p50: round(percentile(acknowledged, 50), 3),
      p95: round(percentile(acknowledged, 95), 3),
      p99: round(percentile(acknowledged, 99), 3),
    },
    samples: latencies.map(([t, l]) => [t, round(l, 3)]),
    from: since(started),
    to: since(Date.now()),
  };
  log(
    `latency at ${rate}/s offered: ${phase.posted} posted (${phase.achievedPostPerSec}/s; 202 after p50 ${phase.postAnswerP50} s, p99 ${phase.postAnswerP99} s), p50 ${phase.p50} s, p95 ${phase.p95} s, p99 ${phase.p99} s (acknowledged by the engine p50 ${phase.acknowledged.p50} s, p99 ${phase.acknowledged.p99} s), ${notSearchable} not searchable 60 s after the last post; ${phase.overloadRetries} posts answered 503 and retried; poller ${phase.pollerSearchesPerSec} searches/s`,
  );
  return phase;
}

/** Sorted seconds from each article's 202 to the engine acknowledging its first version (article_freshness). */
async function acknowledgedLatencies(bench: BenchEnv, postedAtById: Map<string, number>): Promise<number[]> {
  const dataSource = createDataSource(bench.databaseUrl, { poolSize: 1, applicationName: 'bench-e2e' });
  await dataSource.initialize();
  try {
    const rows = (await dataSource.query(
      `SELECT article_id, (extract(epoch FROM min(searchable_at)) * 1000)::float8 AS acknowledged_ms
         FROM article_freshness WHERE article_id = ANY($1) GROUP BY article_id`,
      [[...postedAtById.keys()]],
    )) as { article_id: string; acknowledged_ms: number }[];
    return rows
      .map((r) => Math.max(0, (r.acknowledged_ms - postedAtById.get(r.article_id)!) / 1000))
      .sort((a, b) => a - b);
  } finally {
    await dataSource.destroy();
  }
}

// ---------------------------------------------------------------- report

function perArticleCpu(segments: Segment[]): {
  perProcessMs: Record<string, number>;
  pipelineMs: number;
  ceiling: number;
  articles: number;
} {
  const articles = segments.reduce((n, s) => n + s.articles, 0);
  const sum: CpuSnapshot = {};
  for (const s of segments) for (const [part, v] of Object.entries(s.cpu)) sum[part] = (sum[part] ?? 0) + (v ?? 0);
  const { bench: _client, ...pipeline } = sum;
  const pipelineMs = (totalCpu(pipeline) / articles) * 1000;
  const perProcessMs = Object.fromEntries(
    Object.entries(sum).map(([part, v]) => [part, round(((v ?? 0) / articles) * 1000, 2)]),
  );
  return {
    perProcessMs,
    pipelineMs: round(pipelineMs, 2),
    ceiling: pipelineMs ? round((os.availableParallelism() / pipelineMs) * 1000) : NaN,
    articles,
  };
}

async function main(): Promise<void> {
  const opts = options(process.argv.slice(2));
  const load = os.loadavg().map((l) => l.toFixed(2));
  log(
    `bench:e2e — N ${opts.n}, rates ${opts.rates.join(', ')}/s for ${opts.rateSeconds} s each, ${opts.concurrency} requests in flight, load average ${load.join(' ')}`,
  );
  const corpus = buildCorpus(opts.n, { tag: 'e2e', seed: opts.seed });
  const bodyBytes = corpus.reduce((n, r) => n + r.body.length, 0);
  log(`corpus: ${corpus.length} requests, ${(bodyBytes / opts.n / 1024).toFixed(1)} KiB per article on the wire`);

  const enrich = enrichBaseline(corpus, opts.quick ? 3 : 5);
  const docs = enrich.articles.map((a) => toArticleDocument(a, null));

  const bench = await createBenchEnv('e2e');
  const services: Partial<Record<ServiceName, SpawnedService>> = {};
  const pids = () => Object.fromEntries(Object.entries(services).map(([name, s]) => [name, s.pid]));
  const memory = sampleMemory(pids);
  try {
    log('engine warm-up and direct bulk baseline');
    await directBulkRun(bench, docs.slice(0, Math.min(docs.length, 2000)), 'warmup');
    const direct1 = await directBulkRun(bench, docs, 'direct1');

    const port = 16000 + Math.floor(Math.random() * 1000);
    for (const [at, name] of (['indexer', 'enricher', 'ingestor'] as const).entries()) {
      services[name] = await spawnService(name, bench.env, port + at);
      log(`${name} ready (pid ${services[name].pid})`);
    }
    const ingestUrl = `${services.ingestor!.url}/v1/ingest`;
    const engine = await bench.engine();

    const wire = await sustained(
      bench,
      engine,
      ingestUrl,
      corpus.filter((r) => r.group === 'wire'),
      'wire',
      opts.concurrency,
      pids,
      0,
    );
    const html = await sustained(
      bench,
      engine,
      ingestUrl,
      corpus.filter((r) => r.group === 'html'),
      'html',
      opts.concurrency,
      pids,
      wire.articles,
    );
    const latency: LatencyPhase[] = [];
    for (const rate of opts.rates)
      latency.push(await latencyPhase(bench, engine, ingestUrl, rate, opts.rateSeconds, opts.seed + rate, bench.runId));

    for (const name of ['ingestor', 'enricher', 'indexer'] as const) {
      memory.sample();
      await services[name]?.stop();
      delete services[name];
    }
    const peakRssMb = memory.stop();
    const direct2 = await directBulkRun(bench, docs, 'direct2');
    report(opts, load, {
      wire,
      html,
      latency,
      enrich: enrich.itemsPerSec,
      enrichPerCpuSec: enrich.itemsPerCpuSec,
      direct: [direct1.rate, direct2.rate],
      peakRssMb,
      bodyBytes,
    });
  } finally {
    memory.stop();
    await Promise.all(Object.values(services).map((s) => s.stop().catch(() => undefined)));
    log('cleaning up (indices, topics, database)');
    await bench.cleanup();
  }
}

interface Measured {
  wire: Segment;
  html: Segment;
  latency: LatencyPhase[];
  enrich: Record<CorpusGroup, number>;
  enrichPerCpuSec: Record<CorpusGroup, number>;
  direct: number[];
  peakRssMb: Record<string, number>;
  bodyBytes: number;
}

function report(opts: Options, load: string[], m: Measured): void {
  const date = new Date().toISOString();
  const cores = os.availableParallelism();
  const total = {
    articles: m.wire.articles + m.html.articles,
    seconds: m.wire.seconds + m.html.seconds,
    postSeconds: m.wire.postSeconds + m.html.postSeconds,
  };
  const cpuAll = perArticleCpu([m.wire, m.html]);
  const cpuWire = perArticleCpu([m.wire]);
  const cpuHtml = perArticleCpu([m.html]);
  const directPerSec = round((m.direct[0]! + m.direct[1]!) / 2);
  const htmlShareOfEnrich = round(m.html.articlesPerSec / m.enrich.html, 2);
  const result = {
    date,
    host: {
      cores,
      loadAverageAtStart: load.map(Number),
      loadAverageAtEnd: os.loadavg().map((l) => round(l, 2)),
      node: process.version,
    },
    options: { ...opts, mix: CORPUS_MIX },
    corpus: { articles: opts.n, bytesPerArticle: Math.round(m.bodyBytes / opts.n) },
    sustained: {
      all: {
        articles: total.articles,
        articlesPerSec: round(total.articles / total.seconds),
        postedPerSec: round(total.articles / total.postSeconds),
        seconds: round(total.seconds, 2),
      },
      wire: { ...m.wire, timeline: undefined, target: '≥ 400 articles/s' },
      html: {
        ...m.html,
        timeline: undefined,
        shareOfPureEnrichRate: htmlShareOfEnrich,
        target: '≥ 0.70 of the pure enrich HTML rate',
      },
    },
    latency: m.latency.map((l) => ({
      ...l,
      samples: undefined,
      target: l.offeredPerSec <= 50 ? 'p99 ≤ 1.5 s' : 'p99 ≤ 2.5 s',
    })),
    cpuMsPerArticle: {
      all: cpuAll,
      wire: cpuWire,
      html: cpuHtml,
      note: 'bench is the client (posting and polling), not counted in the pipeline total or the ceiling',
    },
    peakRssMb: m.peakRssMb,
    baselines: {
      pureEnrichItemsPerSec: { wire: round(m.enrich.wire), html: round(m.enrich.html) },
      pureEnrichItemsPerCpuSec: { wire: round(m.enrichPerCpuSec.wire), html: round(m.enrichPerCpuSec.html) },
      directBulkDocsPerSec: directPerSec,
      directBulkRuns: m.direct.map((d) => round(d)),
    },
    timeline: {
      sustained: [...m.wire.timeline, ...m.html.timeline],
      latency: Object.fromEntries(m.latency.map((l) => [l.offeredPerSec, l.samples])),
    },
  };
  const dir = path.join(repoRoot, 'bench-results');
  mkdirSync(dir, { recursive: true });
  const stamp = date.replace(/[:.]/g, '-').slice(0, 19);
  const jsonFile = path.join(dir, `e2e-${stamp}.json`);
  const svgFile = path.join(dir, `e2e-${stamp}.svg`);
  writeFileSync(jsonFile, `${JSON.stringify(result, null, 1)}\n`);
  writeFileSync(svgFile, chart(result.date, opts, load, m));

  const row = (a: string, b: string, c = '') => `${a.padEnd(44)}${b.padStart(16)}  ${c}\n`;
  const lat = (l: LatencyPhase) => `${l.p50} / ${l.p95} / ${l.p99}`;
  let table = `\nWirestream end to end — ${date.slice(0, 16)}Z, ${cores} cores, load average ${load.join(' ')} at start, Node ${process.version}\n\n`;
  table += row('measure', 'measured', 'target / baseline');
  table += row('-'.repeat(42), '-'.repeat(14), '-'.repeat(20));
  table += row(
    `text/wire sustained (${m.wire.articles} articles)`,
    `${m.wire.articlesPerSec}/s`,
    `≥ 400/s; pure enrich ${round(m.enrich.wire)}/s (${round(m.enrichPerCpuSec.wire)} per CPU s)`,
  );
  table += row(`  posting rate (202 answered)`, `${m.wire.postedPerSec}/s`);
  table += row(
    `HTML pages sustained (${m.html.articles} pages)`,
    `${m.html.articlesPerSec}/s`,
    `≥ 70% of pure enrich ${round(m.enrich.html)}/s: ${Math.round(htmlShareOfEnrich * 100)}% (${round(m.enrichPerCpuSec.html)} per CPU s)`,
  );
  table += row(`  posting rate (202 answered)`, `${m.html.postedPerSec}/s`);
  table += row(
    `all ${total.articles} articles, post to all searchable`,
    `${result.sustained.all.articlesPerSec}/s`,
    `posted at ${result.sustained.all.postedPerSec}/s`,
  );
  for (const l of m.latency) {
    table += row(
      `ingest→searchable p50/p95/p99 at ${l.offeredPerSec}/s (s)`,
      lat(l),
      `p99 ≤ ${l.offeredPerSec <= 50 ? '1.5' : '2.5'} s; ${l.searchable}/${l.posted} found, ${l.notSearchable} not after 60 s`,
    );
    table += row(
      `  acknowledged by the engine p50/p95/p99 (s)`,
      `${l.acknowledged.p50} / ${l.acknowledged.p95} / ${l.acknowledged.p99}`,
      'the rest is the engine refresh (1 s) and the 100 ms poll',
    );
    table += row(
      `  posted at (202 after p50 / p99, s)`,
      `${l.achievedPostPerSec}/s`,
      `${l.postAnswerP50} / ${l.postAnswerP99}${l.overloadRetries ? `; ${l.overloadRetries} answered 503 and retried` : ''}`,
    );
  }
  table += row(
    'engine direct bulk, same documents',
    `${directPerSec}/s`,
    `runs ${result.baselines.directBulkRuns.join(', ')}`,
  );
  table += `\nCPU ms per article (sustained windows) and peak RSS MB\n`;
  const parts = [...new Set([...Object.keys(cpuAll.perProcessMs), ...Object.keys(m.peakRssMb)])];
  table += `${'process'.padEnd(12)}${'all'.padStart(10)}${'text/wire'.padStart(12)}${'HTML'.padStart(10)}${'peak RSS'.padStart(12)}\n`;
  for (const part of parts) {
    table += `${part.padEnd(12)}${String(cpuAll.perProcessMs[part] ?? '-').padStart(10)}${String(cpuWire.perProcessMs[part] ?? '-').padStart(12)}${String(cpuHtml.perProcessMs[part] ?? '-').padStart(10)}${String(m.peakRssMb[part] ?? '-').padStart(12)}\n`;
  }
  table += `${'pipeline'.padEnd(12)}${String(cpuAll.pipelineMs).padStart(10)}${String(cpuWire.pipelineMs).padStart(12)}${String(cpuHtml.pipelineMs).padStart(10)}   (bench, the client, not counted)\n`;
  table += `${'ceiling/s'.padEnd(12)}${String(cpuAll.ceiling).padStart(10)}${String(cpuWire.ceiling).padStart(12)}${String(cpuHtml.ceiling).padStart(10)}   (${cores} cores ÷ pipeline CPU per article; sustained is ${Math.round((m.wire.articlesPerSec / cpuWire.ceiling) * 100)}% of it for text/wire)\n`;
  table += `\nwrote ${path.relative(repoRoot, jsonFile)} and ${path.relative(repoRoot, svgFile)}\n`;
  process.stdout.write(table);
  const l = (rate: number) => m.latency.find((x) => x.offeredPerSec === rate);
  const latencyLine = m.latency.map((x) => `p99 ${x.p99} s at ${x.offeredPerSec}/s`).join(', ');
  process.stdout.write(
    `bench:e2e ${date.slice(0, 10)} load ${load[0]}: text/wire ${m.wire.articlesPerSec}/s (ceiling ${cpuWire.ceiling}/s), HTML ${m.html.articlesPerSec}/s (${Math.round(htmlShareOfEnrich * 100)}% of enrich ${round(m.enrich.html)}/s), posted ${result.sustained.all.postedPerSec}/s, ${latencyLine}${l(200)?.notSearchable ? ` (${l(200)!.notSearchable} unsearchable)` : ''}, direct bulk ${directPerSec}/s\n`,
  );
}

function chart(date: string, opts: Options, load: string[], m: Measured): string {
  const rateSeries = (timeline: Segment['timeline'], key: 'indexed' | 'posted'): [number, number][] => {
    const points: [number, number][] = [];
    // Rate over a sliding 2 s window, so 250 ms polls do not alias into a saw-tooth.
    for (let i = 1; i < timeline.length; i++) {
      let j = i - 1;
      while (j > 0 && timeline[i]!.t - timeline[j]!.t < 2) j--;
      const dt = timeline[i]!.t - timeline[j]!.t;
      if (dt >= 1) points.push([timeline[i]!.t, round((timeline[i]![key] - timeline[j]![key]) / dt)]);
    }
    return points;
  };
  const latencyBins = (samples: [number, number][], p: number): [number, number][] => {
    const bins = new Map<number, number[]>();
    for (const [t, l] of samples) bins.set(Math.floor(t), [...(bins.get(Math.floor(t)) ?? []), l]);
    return [...bins.entries()].map(([t, ls]) => [
      t + 0.5,
      percentile(
        ls.sort((a, b) => a - b),
        p,
      ),
    ]);
  };
  const phases: ChartPhase[] = [
    { label: `text/wire ${m.wire.articles}`, from: m.wire.from, to: m.wire.to },
    { label: `HTML ${m.html.articles}`, from: m.html.from, to: m.html.to },
    ...m.latency.map((l) => ({ label: `${l.offeredPerSec}/s offered`, from: l.from, to: l.to })),
  ];
  const samples = m.latency.flatMap((l) => l.samples);
  return renderChart(
    `bench:e2e — ${date.slice(0, 16)}Z`,
    `N ${opts.n} (text/wire ${m.wire.articlesPerSec}/s, HTML ${m.html.articlesPerSec}/s sustained); latency at ${m.latency.map((l) => `${l.offeredPerSec}/s p99 ${l.p99} s`).join(', ')}; load ${load[0]}`,
    [
      {
        title: 'Throughput (sustained phases): articles per second, 2 s window',
        yLabel: 'articles/s',
        series: [
          {
            label: 'posted (202 answered)',
            color: '#9aa5b1',
            points: [...rateSeries(m.wire.timeline, 'posted'), ...rateSeries(m.html.timeline, 'posted')],
          },
          {
            label: 'indexed (articles.indexed.v1)',
            color: '#1f77b4',
            points: [...rateSeries(m.wire.timeline, 'indexed'), ...rateSeries(m.html.timeline, 'indexed')],
          },
        ],
      },
      {
        title: 'Ingest→searchable latency (fixed offered rates), by second of posting',
        yLabel: 'seconds',
        series: [
          { label: 'p50 per second', color: '#2ca02c', points: latencyBins(samples, 50), dots: true },
          { label: 'max per second', color: '#d62728', points: latencyBins(samples, 100), dots: true },
        ],
      },
    ],
    phases,
  );
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(
      `bench:e2e failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);
