/**
 * Readiness and shutdown (fast subset of the fault suite, in `make test`): ready turns false while Postgres or the
 * engine is unreachable and true again after; the indexer starts with its engine down and finishes its set-up when
 * the engine appears; SIGTERM mid-backfill finishes and commits the batch in hand and exits within 15 s, so the
 * restarted service redoes nothing (no extra events downstream) and nothing is lost. 500 articles (the full suite,
 * `npm run test:faults`, uses 5,000). The Kafka outage is in the full suite (it needs a private broker).
 */
import { createKafka, topicMessageCount } from '@wirestream/kafka';
import { createLogger } from '@wirestream/platform';
import { Backfill } from './support/backfill';
import { awaitExactlyOnce, isExactlyOnce, postgresArticles, summarize } from './support/exactly-once';
import { FaultPipeline } from './support/fault-pipeline';
import { recordScenario } from './support/scenario-report';

const SHUTDOWN_BOUND_MS = 15_000;

describe('faults: readiness and shutdown', () => {
  let pipeline: FaultPipeline;

  beforeAll(async () => {
    pipeline = await FaultPipeline.start({ label: 'ready', start: false });
  });

  afterAll(async () => {
    await pipeline?.dispose();
  });

  const where = () => ({
    databaseUrl: pipeline.environment.databaseUrl,
    searchUrl: pipeline.environment.env['SEARCH_URL']!,
    indexPrefix: pipeline.environment.indexPrefix,
  });

  it('the indexer starts while the engine is down, reports not ready, and is ready once the engine appears', async () => {
    await pipeline.search.cut();
    await pipeline.indexer.start(90_000, 'live');
    const down = await FaultPipeline.waitForReadiness(pipeline.indexer, false);
    expect(down).toContain('search');
    // Searches answer 503 problem+json meanwhile, not 500.
    const search = await fetch(`${pipeline.indexer.url}/v1/search?q=anything`);
    expect(search.status).toBe(503);

    await pipeline.search.restore();
    await FaultPipeline.waitForReadiness(pipeline.indexer, true, 60_000);
    await Promise.all([pipeline.ingestor.start(), pipeline.enricher.start()]);
  });

  it('ready turns false while Postgres is unreachable and true again after', async () => {
    await pipeline.postgres.cut();
    const [ingestorDown, indexerDown] = await Promise.all([
      FaultPipeline.waitForReadiness(pipeline.ingestor, false),
      FaultPipeline.waitForReadiness(pipeline.indexer, false),
    ]);
    expect(ingestorDown).toContain('postgres');
    expect(indexerDown).toContain('postgres');
    await pipeline.postgres.restore();
    await Promise.all([
      FaultPipeline.waitForReadiness(pipeline.ingestor, true),
      FaultPipeline.waitForReadiness(pipeline.indexer, true),
    ]);
  });

  it('ready turns false while the engine is unreachable and true again after', async () => {
    await pipeline.search.cut();
    expect(await FaultPipeline.waitForReadiness(pipeline.indexer, false)).toContain('search');
    await pipeline.search.restore();
    await FaultPipeline.waitForReadiness(pipeline.indexer, true);
  });

  it('SIGTERM mid-backfill: each consumer commits what it handled, exits within 15 s, and nothing is lost or redone', async () => {
    const backfill = new Backfill({ count: 500, batchSize: 50, seed: 11, itemsPerSecond: 60 });
    const posting = backfill.run(() => pipeline.ingestor);
    const started = Date.now();
    const indexedAtLeast = (n: number) => async () =>
      (await postgresArticles(pipeline.environment.databaseUrl)).length >= n;

    await waitUntil(indexedAtLeast(100));
    const enricherExit = await pipeline.enricher.terminate(30_000);
    await pipeline.enricher.start();
    await waitUntil(indexedAtLeast(250));
    const indexerExit = await pipeline.indexer.terminate(30_000);
    await pipeline.indexer.start();
    await posting;

    const { report, drainedAfterMs } = await awaitExactlyOnce(backfill.accepted, where(), { timeoutMs: 180_000 });
    const kafka = createKafka({
      brokers: pipeline.env['KAFKA_BROKERS']!.split(','),
      clientId: 'fault-check',
      logger: createLogger('fault-check', 'silent'),
    });
    const [raw, enriched, indexed] = await Promise.all(
      [pipeline.environment.topics.raw, pipeline.environment.topics.enriched, pipeline.environment.topics.indexed].map(
        (t) => topicMessageCount(kafka, t),
      ),
    );
    recordScenario({
      scenario: 'SIGTERM enricher then indexer mid-backfill (500 articles)',
      articles: backfill.options.count,
      report,
      timings: {
        run: Date.now() - started,
        enricherExit: enricherExit.ms,
        indexerExit: indexerExit.ms,
        drain: drainedAfterMs,
      },
      notes: [`events raw ${raw}, enriched ${enriched}, indexed ${indexed}`],
    });

    expect({ exactlyOnce: isExactlyOnce(report), summary: summarize(report), examples: report.examples }).toEqual({
      exactlyOnce: true,
      summary: summarize(report),
      examples: [],
    });
    // Nest closes the application, then re-raises the signal: a clean exit is code 0 or "killed by SIGTERM", never SIGKILL.
    for (const exit of [enricherExit, indexerExit]) expect(exit.exitCode === 0 || exit.signal === 'SIGTERM').toBe(true);
    expect(enricherExit.ms).toBeLessThan(SHUTDOWN_BOUND_MS);
    expect(indexerExit.ms).toBeLessThan(SHUTDOWN_BOUND_MS);
    // A clean stop commits everything it published: the restarted consumers redo nothing, so one event out per event in.
    expect(enriched).toBe(raw);
    expect(indexed).toBe(enriched);
  });
});

async function waitUntil(condition: () => Promise<boolean>, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 300));
  }
}
