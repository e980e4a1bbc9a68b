/**
 * The fault scenarios, each on its own pipeline and a backfill of `count` distinct articles, each ending with the
 * exactly-once check. The full suite (`npm run test:faults`) runs them at 5,000; `make test` runs a fast subset.
 */
import { createKafka, topicMessageCount, type Kafka } from '@wirestream/kafka';
import { createDataSource } from '@wirestream/persistence';
import { createLogger } from '@wirestream/platform';
import { metricSamples, type ServiceProcess } from '@wirestream/testing';
import { Backfill } from './backfill';
import {
  awaitExactlyOnce,
  indexedArticles,
  isExactlyOnce,
  postgresArticles,
  summarize,
  type ExactlyOnceReport,
} from './exactly-once';
import { FaultPipeline } from './fault-pipeline';
import { recordScenario } from './scenario-report';

export interface ScenarioOutcome {
  report: ExactlyOnceReport;
  timings: Record<string, number | null>;
  notes: string[];
}

/** Three points of a backfill: early, middle, late. */
export const KILL_POINTS = [0.15, 0.5, 0.85] as const;

const where = (p: FaultPipeline) => ({
  databaseUrl: p.environment.databaseUrl,
  searchUrl: p.environment.env['SEARCH_URL']!,
  indexPrefix: p.environment.indexPrefix,
});

/** Share of the backfill's articles the indexer has stored so far (what a consumer kill point is measured on). */
async function storedShare(p: FaultPipeline, backfill: Backfill): Promise<number> {
  return (await postgresArticles(p.environment.databaseUrl)).length / backfill.options.count;
}

async function until(description: string, condition: () => Promise<boolean>, timeoutMs = 300_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${description}`);
    await sleep(500);
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function kafkaOf(p: FaultPipeline): Kafka {
  return createKafka({
    brokers: p.env['KAFKA_BROKERS']!.split(','),
    clientId: 'fault-check',
    logger: createLogger('fault-check', 'silent'),
  });
}

async function eventCounts(p: FaultPipeline): Promise<string> {
  const kafka = kafkaOf(p);
  const { raw, enriched, indexed } = p.environment.topics;
  const [r, e, i] = await Promise.all([raw, enriched, indexed].map((t) => topicMessageCount(kafka, t)));
  return `events raw ${r}, enriched ${e}, indexed ${i}`;
}

/** Runs `body` on a fresh pipeline, then the check; records and returns the outcome (the caller asserts). */
export async function runScenario(
  name: string,
  count: number,
  options: Parameters<typeof FaultPipeline.start>[0],
  body: (
    p: FaultPipeline,
    backfill: Backfill,
    timings: Record<string, number | null>,
    notes: string[],
  ) => Promise<void>,
  backfillOptions: Partial<ConstructorParameters<typeof Backfill>[0]> = {},
): Promise<ScenarioOutcome> {
  const pipeline = await FaultPipeline.start(options);
  try {
    const backfill = new Backfill({ count, batchSize: 100, ...backfillOptions });
    const timings: Record<string, number | null> = {};
    const notes: string[] = [];
    const started = Date.now();
    await body(pipeline, backfill, timings, notes);
    timings['backfillPosting'] = backfill.finishedInMs;
    const { report, drainedAfterMs } = await awaitExactlyOnce(backfill.accepted, where(pipeline), {
      timeoutMs: 300_000,
    });
    timings['drainAfterLastPost'] = drainedAfterMs;
    timings['total'] = Date.now() - started;
    notes.push(await eventCounts(pipeline), `${backfill.retries} ingest posts retried`);
    recordScenario({ scenario: name, articles: count, report, timings, notes });
    if (!isExactlyOnce(report)) notes.push(summarize(report), ...report.examples);
    return { report, timings, notes };
  } finally {
    await pipeline.dispose();
  }
}

/** SIGKILL one service at three points of the backfill, restarting it each time. */
export function killService(
  service: 'enricher' | 'indexer' | 'ingestor',
  count: number,
  points: readonly number[] = KILL_POINTS,
): Promise<ScenarioOutcome> {
  // Posting is paced to last about 25 s, so each kill lands while work flows through the service. The ingestor's
  // points are on posting progress, the consumers' on articles stored.
  const paced = { itemsPerSecond: Math.max(25, Math.round(count / 25)) };
  return runScenario(
    `SIGKILL ${service} at ${points.map((p) => `${p * 100}%`).join(', ')} (${count} articles)`,
    count,
    { label: `kill${service}` },
    async (p, backfill, timings) => {
      const target = (): ServiceProcess =>
        service === 'ingestor' ? p.ingestor : service === 'enricher' ? p.enricher : p.indexer;
      const posting = backfill.run(() => p.ingestor);
      for (const [i, point] of points.entries()) {
        await until(
          `${point * 100}% of the backfill`,
          async () => (service === 'ingestor' ? backfill.progress : await storedShare(p, backfill)) >= point,
        );
        await target().kill('SIGKILL');
        const restart = Date.now();
        await target().start(90_000);
        timings[`restart${i + 1}`] = Date.now() - restart;
      }
      await posting;
    },
    paced,
  );
}

/** Cuts one dependency for `outageMs` mid-backfill: the services that need it report not ready, then recover alone. */
export function outage(
  kind: 'kafka' | 'search' | 'postgres',
  count: number,
  outageMs: number,
): Promise<ScenarioOutcome> {
  const label = { kafka: 'stop Kafka', search: 'stop the search engine', postgres: 'restart Postgres' }[kind];
  return runScenario(
    `${label} for ${outageMs / 1000} s (${count} articles)`,
    count,
    { label: `out${kind}`, privateKafka: kind === 'kafka' },
    async (p, backfill, timings, notes) => {
      const affected = { kafka: [p.enricher, p.indexer], search: [p.indexer], postgres: [p.ingestor, p.indexer] }[kind];
      const posting = backfill.run(() => p.ingestor);
      await until('30% of the backfill stored', async () => (await storedShare(p, backfill)) >= 0.3);
      const cutAt = Date.now();
      if (kind === 'kafka') await p.kafka!.stop();
      else if (kind === 'search') await p.search.cut();
      else await p.postgres.cut();
      const down = await Promise.all(affected.map((s) => FaultPipeline.waitForReadiness(s, false, outageMs)));
      timings['notReadyAfter'] = Date.now() - cutAt;
      notes.push(
        `not ready during the outage: ${affected.map((s, i) => `${s.name} (${down[i]!.join(', ')})`).join('; ')}`,
      );
      const storedDuring = (await postgresArticles(p.environment.databaseUrl)).length;
      await sleep(Math.max(0, cutAt + outageMs - Date.now()));
      const storedEnd = kind === 'postgres' ? storedDuring : (await postgresArticles(p.environment.databaseUrl)).length;
      notes.push(`stored when not ready ${storedDuring}, at the end of the outage ${storedEnd}`);
      const restored = Date.now();
      if (kind === 'kafka') await p.kafka!.resume();
      else if (kind === 'search') await p.search.restore();
      else await p.postgres.restore();
      await Promise.all(affected.map((s) => FaultPipeline.waitForReadiness(s, true, 180_000)));
      timings['readyAfterRestore'] = Date.now() - restored;
      for (const s of p.services)
        if (!s.running) throw new Error(`${s.name} exited during the outage:\n${s.logTail()}`);
      await posting;
    },
  );
}

/** What a redelivery must not change: every article row (version and last write) and every document's version. */
async function snapshot(p: FaultPipeline): Promise<string> {
  const dataSource = createDataSource(p.environment.databaseUrl, { poolSize: 1, applicationName: 'fault-check' });
  await dataSource.initialize();
  try {
    const rows = (await dataSource.query('SELECT id, version, updated_at FROM articles ORDER BY id')) as {
      id: string;
      version: number;
      updated_at: Date;
    }[];
    const [{ versions }] = (await dataSource.query('SELECT count(*)::int AS versions FROM article_versions')) as [
      { versions: number },
    ];
    const docs = (await indexedArticles(p.environment.env['SEARCH_URL']!, p.environment.indexPrefix)).sort(([a], [b]) =>
      a.localeCompare(b),
    );
    return JSON.stringify({
      rows: rows.map((r) => [r.id, r.version, new Date(r.updated_at).toISOString()]),
      versions,
      docs,
    });
  } finally {
    await dataSource.destroy();
  }
}

async function caughtUp(kafka: Kafka, groupId: string, topic: string): Promise<boolean> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const ends = await admin.fetchTopicOffsets(topic);
    const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
    const at = new Map(committed!.partitions.map((c) => [c.partition, BigInt(c.offset)]));
    return ends.every((e) => (at.get(e.partition) ?? -1n) >= BigInt(e.high));
  } finally {
    await admin.disconnect();
  }
}

/** After a drained backfill: both consumer groups back to offset 0, every topic redelivered, and nothing changes. */
export function resetAndRedeliver(count: number): Promise<ScenarioOutcome> {
  return runScenario(
    `reset both consumer groups to 0 and redeliver (${count} articles)`,
    count,
    { label: 'redeliver' },
    async (p, backfill, timings, notes) => {
      await backfill.run(() => p.ingestor);
      const first = await awaitExactlyOnce(backfill.accepted, where(p), { timeoutMs: 300_000, settleMs: 2000 });
      if (!isExactlyOnce(first.report)) throw new Error(`did not drain before the reset: ${summarize(first.report)}`);
      const before = await snapshot(p);
      await Promise.all([p.enricher.kill('SIGTERM'), p.indexer.kill('SIGTERM')]);
      const kafka = kafkaOf(p);
      const admin = kafka.admin();
      await admin.connect();
      const { raw, enriched } = p.environment.topics;
      await admin.resetOffsets({ groupId: p.env['ENRICHER_GROUP_ID']!, topic: raw, earliest: true });
      await admin.resetOffsets({ groupId: p.env['INDEXER_GROUP_ID']!, topic: enriched, earliest: true });
      await admin.disconnect();
      const restart = Date.now();
      const enrichedBefore = await topicMessageCount(kafka, enriched);
      await Promise.all([p.enricher.start(), p.indexer.start()]);
      // The enricher re-enriches the whole raw topic (one new event per raw event), then the indexer reads it all.
      const rawCount = await topicMessageCount(kafka, raw);
      await until(
        'the enricher to re-publish the raw topic',
        async () => (await topicMessageCount(kafka, enriched)) >= enrichedBefore + rawCount,
      );
      await until(
        'both groups to catch up',
        async () =>
          (await caughtUp(kafka, p.env['ENRICHER_GROUP_ID']!, raw)) &&
          (await caughtUp(kafka, p.env['INDEXER_GROUP_ID']!, enriched)),
      );
      timings['redelivery'] = Date.now() - restart;
      const after = await snapshot(p);
      notes.push(
        `redelivered ${rawCount} raw and ${await topicMessageCount(kafka, enriched)} enriched events; state ${after === before ? 'unchanged' : 'CHANGED'}`,
      );
      if (after !== before) throw new Error('the redelivery changed Postgres or the index');
    },
  );
}

/** Two enrichers and two indexers in one group: both of each do work; one of each SIGKILLed mid-backfill, the survivors finish. */
export function scaleOut(count: number): Promise<ScenarioOutcome> {
  return runScenario(
    `2 enrichers + 2 indexers, one of each SIGKILLed at 50% (${count} articles)`,
    count,
    { label: 'scaleout', enrichers: 2, indexers: 2 },
    async (p, backfill, timings, notes) => {
      const posting = backfill.run(() => p.ingestor);
      await until('a quarter of the backfill stored', async () => (await storedShare(p, backfill)) >= 0.25);
      const work = async (s: ServiceProcess, metric: string) =>
        metricSamples(await (await fetch(`${s.url}/metrics`)).text(), metric).reduce((a, b) => a + b, 0);
      const enriched = await Promise.all(p.enrichers.map((s) => work(s, 'wirestream_enriched_total')));
      const batches = await Promise.all(p.indexers.map((s) => work(s, 'wirestream_index_batch_size_count')));
      notes.push(
        `before the kill: enriched per instance ${enriched.join('/')}, index batches per instance ${batches.join('/')}`,
      );
      if (![...enriched, ...batches].every((n) => n > 0))
        throw new Error(`not every instance took a share of the partitions: ${notes.at(-1)}`);
      await until('half of the backfill stored', async () => (await storedShare(p, backfill)) >= 0.5);
      const killed = Date.now();
      await Promise.all([p.enrichers[1]!.kill('SIGKILL'), p.indexers[1]!.kill('SIGKILL')]);
      await posting;
      timings['afterKill'] = Date.now() - killed;
    },
  );
}
