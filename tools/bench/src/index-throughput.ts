/**
 * `npm run bench:index [-- --count 20000 --warmup 5000 --max-bytes 5242880 --linger 50 --max-docs 2000]`
 *
 * Indexer throughput against the engine's own bulk rate, in one run on one isolated slice of the stack:
 *  1. direct: the same N documents straight into a fresh index with the client's bulk helper (baseline);
 *  2. indexer: N enriched-article events pre-produced to Kafka, then a spawned indexer consumes them
 *     (parse, validate, version-guarded Postgres upsert, bulk index, `articles.indexed.v1`); timed from the moment
 *     its consumer group is Stable (partitions assigned, so fetching starts; start-up and the join are not counted)
 *     to the Nth indexed event — every batch, the first included, is inside the window;
 *  3. direct again, and the baseline is the mean of both direct runs (the machine is shared; this brackets drift).
 * Prints docs/s for each, the ratio, and the settings. Never asserts a timing.
 */
import { EventTypes } from '@wirestream/contracts';
import { createEnvelope, EventPublisher, ensureTopics, readTopic } from '@wirestream/kafka';
import { ArticleStore, createDataSource, dropDatabase, migrate } from '@wirestream/persistence';
import { syntheticArticles, toArticleDocument, type ArticleDocument } from '@wirestream/search';
import type { ArticleIndexedPayload, EnrichedArticle, EventEnvelope } from '@wirestream/contracts';
import { randomUUID } from 'node:crypto';
import { createBenchEnv, flag, log, spawnIndexer } from './bench-env';
import { directBulkRun } from './direct-bulk';
import { cpuSnapshot, cpuUsed, describeCpu, type CpuSnapshot } from './process-cpu';
import os from 'node:os';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const count = Number(flag(args, 'count') ?? 20000);
  const settings = {
    INDEXER_MAX_BATCH_BYTES: flag(args, 'max-bytes') ?? String(5 * 1024 * 1024),
    INDEXER_LINGER_MS: flag(args, 'linger') ?? '50',
    INDEXER_MAX_BULK_DOCS: flag(args, 'max-docs') ?? '2000',
  };
  const bench = await createBenchEnv('idx');
  log(`bench:index — ${count} articles, run ${bench.runId}, settings ${JSON.stringify(settings)}`);
  try {
    const articles = [...syntheticArticles(count, { seed: 5 })].map((s) => s.article);
    const docs: ArticleDocument[] = articles.map((a) => toArticleDocument(a, null));
    const eventBytes = articles.reduce((sum, a) => sum + Buffer.byteLength(JSON.stringify(a)), 0);
    log(`generated ${count} articles (${(eventBytes / count / 1024).toFixed(1)} KiB each as JSON)`);

    // A freshly started engine indexes at a fraction of its speed until its JIT has warmed up: that run would lower the
    // baseline (and flatter the ratio), so a warm-up load into a scratch index comes first and is not counted.
    const warmup = Number(flag(args, 'warmup') ?? 5000);
    if (warmup > 0) {
      log(`engine warm-up: ${Math.min(warmup, docs.length)} documents into a scratch index (not counted)`);
      await directBulkRun(bench, docs.slice(0, warmup), 'warmup');
    }
    const direct1Run = await directBulkRun(bench, docs, 'direct1');
    const direct1 = direct1Run.rate;
    if (args.includes('--sweep')) await bulkSizeSweep(bench, docs);

    // Pre-produce every event so the indexer's time is consumption only.
    await ensureTopics(bench.kafka, [{ topic: bench.topics.enriched }]);
    const publisher = new EventPublisher(bench.kafka);
    try {
      // ~100 events (~550 KiB) per produce request: under the broker's default 1 MiB message.max.bytes per batch.
      for (let i = 0; i < articles.length; i += 100) {
        await publisher.publish(
          articles.slice(i, i + 100).map((a) => ({
            topic: bench.topics.enriched,
            envelope: createEnvelope({
              type: EventTypes.articleEnriched,
              articleId: a.id,
              version: a.version,
              payload: a,
            }),
          })),
        );
        if ((i + 100) % 1000 === 0 || i + 100 >= count) log(`produced ${Math.min(count, i + 100)}/${count} events`);
      }
    } finally {
      await publisher.disconnect();
    }

    // The window opens when the indexer's consumer group is Stable with its partitions assigned (all N events are
    // already on the topic, so that is when consumption begins: process start-up and the group join are not counted)
    // and closes at the Nth `articles.indexed.v1` event (published only after Postgres and the engine have the batch).
    const admin = bench.kafka.admin();
    await admin.connect();
    await ensureTopics(bench.kafka, [{ topic: bench.topics.indexed }]);
    const groupId = bench.env['INDEXER_GROUP_ID']!;
    let consumingAt = 0;
    let indexerPid = 0;
    let cpuAtConsuming: CpuSnapshot = {};
    let stopWatching = false;
    const watching = (async () => {
      while (!consumingAt && !stopWatching) {
        const { groups } = await admin
          .describeGroups([groupId])
          .catch(() => ({ groups: [] as { state: string; members: unknown[] }[] }));
        if (groups[0]?.state === 'Stable' && groups[0].members.length > 0) {
          consumingAt = Date.now();
          cpuAtConsuming = cpuSnapshot(indexerPid);
        } else await new Promise((r) => setTimeout(r, 20));
      }
    })();
    const spawnedAt = Date.now();
    let indexer: Awaited<ReturnType<typeof spawnIndexer>> | null = null;
    let firstAt = 0;
    let doneAt = 0;
    let indexerCpu: CpuSnapshot = {};
    try {
      indexer = await spawnIndexer(
        { ...bench.env, ...settings },
        14000 + Math.floor(Math.random() * 1000),
        (pid) => (indexerPid = pid),
      );
      // Polled gently (the bench shares the machine: every 20 ms cost the broker ~1.3 CPU-seconds per run), closely only
      // near the end so the CPU snapshot is taken right after the Nth event; the exact end is read from the events.
      let last = -1;
      for (const deadline = Date.now() + 600_000; Date.now() < deadline;) {
        const offsets = await admin.fetchTopicOffsets(bench.topics.indexed);
        const indexed = offsets.reduce((sum, p) => sum + Number(BigInt(p.high) - BigInt(p.low)), 0);
        if (indexed !== last) log(`indexer: ${indexed}/${count}`);
        last = indexed;
        if (indexed >= count) {
          indexerCpu = cpuUsed(cpuAtConsuming, cpuSnapshot(indexerPid));
          const events = (await readTopic(bench.kafka, bench.topics.indexed, { toEnd: true, timeoutMs: 60_000 })).map(
            (r) => JSON.parse(r.value ?? '{}') as EventEnvelope<ArticleIndexedPayload>,
          );
          const indexedAt = events.map((e) => Date.parse(e.payload.indexedAt));
          firstAt = indexedAt.reduce((a, b) => Math.min(a, b), Infinity);
          doneAt = indexedAt.reduce((a, b) => Math.max(a, b), 0);
          break;
        }
        await new Promise((r) => setTimeout(r, indexed >= count * 0.9 ? 20 : 250));
      }
    } finally {
      stopWatching = true;
      await watching;
      await admin.disconnect();
      await indexer?.stop();
    }
    if (!doneAt) throw new Error('the indexer did not index every event within 10 minutes');
    if (!consumingAt || consumingAt > firstAt)
      throw new Error(
        'the indexer group was not seen Stable before its first indexed event; the window cannot be placed',
      );

    const direct2Run = await directBulkRun(bench, docs, 'direct2');
    const direct2 = direct2Run.rate;
    const directRate = (direct1 + direct2) / 2;
    // Where the indexer's time goes: its Postgres stage alone, same articles, batches of the size the indexer saw.
    const postgresRate = await postgresStage(bench.databaseUrl, articles, Number(settings.INDEXER_MAX_BULK_DOCS));
    const indexerRate = count / ((doneAt - consumingAt) / 1000);
    const result = {
      date: new Date().toISOString(),
      count,
      settings,
      directDocsPerSec: Math.round(directRate),
      directRuns: [Math.round(direct1), Math.round(direct2)],
      indexerDocsPerSec: Math.round(indexerRate),
      ratio: Number((indexerRate / directRate).toFixed(2)),
      indexerWindowMs: doneAt - consumingAt,
      indexerStartupMs: consumingAt - spawnedAt,
      firstBatchLatencyMs: firstAt - consumingAt,
      postgresStageDocsPerSec: Math.round(postgresRate.serial),
      postgresStage3ParallelDocsPerSec: Math.round(postgresRate.parallel3),
      cpuSeconds: { direct1: direct1Run.cpu, direct2: direct2Run.cpu, indexer: indexerCpu },
    };
    const cores = os.availableParallelism();
    process.stdout.write(
      `\ndirect bulk helper: ${result.directDocsPerSec} docs/s (runs ${result.directRuns.join(', ')})\n` +
        `indexer via Kafka:  ${result.indexerDocsPerSec} docs/s (Postgres upsert + bulk index + indexed event; ${count} docs in ${(result.indexerWindowMs / 1000).toFixed(2)} s)\n` +
        `  window:           from the indexer's consumer group turning Stable (partitions assigned; all ${count} events already on the topic) to the ${count}th indexed event;\n` +
        `                    not counted: process start-up and group join (${(result.indexerStartupMs / 1000).toFixed(2)} s); counted: the first batch (${(result.firstBatchLatencyMs / 1000).toFixed(2)} s to its indexed events)\n` +
        `ratio:              ${result.ratio} (target ≥ 0.70)\n` +
        `cpu, direct runs:   ${describeCpu(direct1Run.cpu, count / direct1, cores)}; ${describeCpu(direct2Run.cpu, count / direct2, cores)}\n` +
        `cpu, indexer run:   ${describeCpu(indexerCpu, result.indexerWindowMs / 1000, cores)}\n` +
        `${cpuCeiling(count, [direct1Run.cpu, direct2Run.cpu], indexerCpu)}` +
        `postgres stage:     ${result.postgresStageDocsPerSec} docs/s alone (ArticleStore.applyBatch, same articles, no engine); ${result.postgresStage3ParallelDocsPerSec} docs/s with 3 batches in parallel\n` +
        `settings:           max batch bytes ${settings.INDEXER_MAX_BATCH_BYTES}, linger ${settings.INDEXER_LINGER_MS} ms, max docs per bulk ${settings.INDEXER_MAX_BULK_DOCS}\n` +
        `${JSON.stringify(result)}\n`,
    );
  } finally {
    log('cleaning up (index, topics, database)');
    await bench.cleanup();
  }
}

/**
 * What the shared cores allow: when every process competes for the same CPU, a rate is at best cores / CPU per
 * document, so the ratio cannot exceed (CPU per document, direct) / (CPU per document, indexer path) — whatever the
 * batching. Prints that ceiling and what the parts outside the engine would have to fit in for the target.
 */
function cpuCeiling(count: number, direct: CpuSnapshot[], indexer: CpuSnapshot): string {
  const total = (s: CpuSnapshot) => Object.values(s).reduce((sum: number, v) => sum + (v ?? 0), 0);
  if (!total(indexer) || direct.some((d) => !total(d))) return '';
  const us = (seconds: number) => Math.round((seconds / count) * 1e6);
  const directPerDoc = direct.reduce((sum, d) => sum + total(d), 0) / direct.length;
  const enginePerDoc = indexer.engine ?? 0;
  const outsideEngine = total(indexer) - enginePerDoc;
  const allowedOutside = directPerDoc / 0.7 - enginePerDoc;
  return (
    `cpu per article:    direct ${us(directPerDoc)} µs; indexer path ${us(total(indexer))} µs (engine ${us(enginePerDoc)}, everything else ${us(outsideEngine)})\n` +
    `cpu ceiling:        on shared cores the ratio cannot exceed ${(directPerDoc / total(indexer)).toFixed(2)}; ≥ 0.70 would need everything outside the engine within ${Math.max(0, us(allowedOutside))} µs per article\n`
  );
}

/** The indexer's own bulk path (`bulkIndex`: one request at a time, per-item outcome) at several request sizes. */
async function bulkSizeSweep(
  bench: Awaited<ReturnType<typeof createBenchEnv>>,
  docs: ArticleDocument[],
): Promise<void> {
  const avgBytes = docs.reduce((sum, d) => sum + Buffer.byteLength(JSON.stringify(d)), 0) / docs.length;
  for (const maxBulkDocs of [100, 250, 500, 1000, 2000, 5000]) {
    const engine = await bench.engine(`${bench.indexPrefix}sweep${maxBulkDocs}_`, { maxBulkDocs });
    await engine.ensureIndex();
    const started = Date.now();
    const result = await engine.bulkIndex(docs);
    const seconds = (Date.now() - started) / 1000;
    await engine.dropAll();
    process.stdout.write(
      `sweep: bulkIndex with ≤ ${String(maxBulkDocs).padStart(4)} docs/request (~${((maxBulkDocs * avgBytes) / 1048576).toFixed(1)} MiB): ${(docs.length / seconds).toFixed(0)} docs/s (${result.failed.length} failed)\n`,
    );
  }
}

/**
 * The indexer's Postgres stage alone (ArticleStore.applyBatch), same articles, batches of the size the indexer saw:
 * one batch at a time (what the indexer does: partitions one after another), and three at a time (what consuming
 * the topic's three partitions concurrently would do).
 */
async function postgresStage(
  baseUrl: string,
  articles: EnrichedArticle[],
  maxDocs: number,
): Promise<{ serial: number; parallel3: number }> {
  const batch = Math.min(maxDocs, 850);
  const run = async (suffix: string, parallel: number): Promise<number> => {
    const url = new URL(baseUrl);
    url.pathname = `${url.pathname}_${suffix}`;
    await migrate(url.toString());
    const dataSource = createDataSource(url.toString(), { applicationName: 'bench-index', poolSize: parallel + 1 });
    await dataSource.initialize();
    try {
      const store = new ArticleStore(dataSource, 'bench');
      const batches: EnrichedArticle[][] = [];
      for (let i = 0; i < articles.length; i += batch) batches.push(articles.slice(i, i + batch));
      const started = Date.now();
      const worker = async () => {
        for (let next = batches.shift(); next; next = batches.shift())
          await store.applyBatch(next.map((article) => ({ eventId: randomUUID(), article, clusterId: null })));
      };
      await Promise.all(Array.from({ length: parallel }, worker));
      const rate = articles.length / ((Date.now() - started) / 1000);
      log(`postgres stage alone, ${parallel} batch(es) of ${batch} at a time: ${rate.toFixed(0)} docs/s`);
      return rate;
    } finally {
      await dataSource.destroy();
      await dropDatabase(url.toString()).catch(() => undefined);
    }
  };
  return {
    serial: await run('pg1', 1),
    parallel3: await run('pg3', 3).catch(
      (error: unknown) => (log(`parallel postgres stage failed: ${String(error)}`), NaN),
    ),
  };
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(
      `bench:index failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);
