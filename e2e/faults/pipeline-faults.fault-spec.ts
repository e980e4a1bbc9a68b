/**
 * The fault suite (`npm run test:faults`): every scenario on its own pipeline (real service processes) and a backfill
 * of FAULT_ARTICLES distinct articles (default 5,000; 10% also corrected to version 2), each ending with the same check
 * — every accepted id in Postgres and in the index exactly once, at its highest version, and nothing else. Results go
 * to test-output/faults/results.jsonl and one `[fault]` line each on stdout.
 */
import { isExactlyOnce, summarize } from './support/exactly-once';
import { killService, outage, resetAndRedeliver, scaleOut, type ScenarioOutcome } from './support/scenarios';

const ARTICLES = Number(process.env['FAULT_ARTICLES'] ?? 5000);
const SCENARIO_TIMEOUT_MS = 15 * 60_000;
const OUTAGE_MS = 30_000;

function expectExactlyOnce({ report, notes }: ScenarioOutcome): void {
  expect({ exactlyOnce: isExactlyOnce(report), summary: summarize(report), notes }).toMatchObject({
    exactlyOnce: true,
  });
}

describe(`fault suite (${ARTICLES} articles per scenario)`, () => {
  it.each(['enricher', 'indexer', 'ingestor'] as const)(
    'SIGKILL the %s early, mid and late in the backfill, restarting it each time',
    async (service) => {
      expectExactlyOnce(await killService(service, ARTICLES));
    },
    SCENARIO_TIMEOUT_MS,
  );

  it(
    'Kafka stopped for 30 s: enricher and indexer not ready, then drain on their own',
    async () => {
      expectExactlyOnce(await outage('kafka', ARTICLES, OUTAGE_MS));
    },
    SCENARIO_TIMEOUT_MS,
  );

  it(
    'search engine stopped for 30 s: the indexer not ready, then drains on its own',
    async () => {
      expectExactlyOnce(await outage('search', ARTICLES, OUTAGE_MS));
    },
    SCENARIO_TIMEOUT_MS,
  );

  it(
    'Postgres restarted (unreachable for 10 s): ingestor and indexer not ready, then drain on their own',
    async () => {
      expectExactlyOnce(await outage('postgres', ARTICLES, 10_000));
    },
    SCENARIO_TIMEOUT_MS,
  );

  it(
    'both consumer groups reset to offset 0 and every topic redelivered: nothing changes',
    async () => {
      expectExactlyOnce(await resetAndRedeliver(ARTICLES));
    },
    SCENARIO_TIMEOUT_MS,
  );

  it(
    'two enrichers and two indexers share the partitions; one of each SIGKILLed mid-backfill, the survivors finish',
    async () => {
      expectExactlyOnce(await scaleOut(ARTICLES));
    },
    SCENARIO_TIMEOUT_MS,
  );
});
