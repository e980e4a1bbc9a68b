/**
 * `npm run bench:ingest [-- --count 5000 --batch 100 --concurrency 4]`
 *
 * Ingest acceptance rate: N native JSON articles (~5 KB of text each) posted to an ingestor process in batches,
 * a few requests in flight at once, on an isolated slice of the stack (own database and topic prefix). Prints
 * articles/s accepted (202 answered, i.e. stored with their outbox events). Never asserts a timing.
 */
import { createBenchEnv, flag, log, spawnService } from './bench-env';

const WORDS =
  'harbour council ferry night pilot quay vote budget storm coast school rail bridge market festival river'.split(' ');

function article(i: number, runId: string): Record<string, unknown> {
  const sentences: string[] = [];
  let seed = i * 7919 + 13;
  while (sentences.join(' ').length < 5000) {
    const words = Array.from(
      { length: 12 },
      () => WORDS[(seed = (seed * 1103515245 + 12345) % 2147483648) % WORDS.length],
    );
    sentences.push(`${words.join(' ')} ${i}.`.replace(/^./, (c) => c.toUpperCase()));
  }
  return {
    id: `bench-${runId}-${i}`,
    title: `Article ${i} about the ${WORDS[i % WORDS.length]}`,
    body: sentences.join(' '),
    publishedAt: '2026-01-01T10:00:00Z',
  };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const count = Number(flag(args, 'count') ?? 5000);
  const batch = Number(flag(args, 'batch') ?? 100);
  const concurrency = Number(flag(args, 'concurrency') ?? 4);
  const bench = await createBenchEnv('ing');
  const ingestor = await spawnService(
    'ingestor',
    { ...bench.env, API_KEYS: 'bench-key', LOG_LEVEL: 'warn' },
    15000 + Math.floor(Math.random() * 1000),
  );
  const url = `${ingestor.url}/v1/ingest`;
  try {
    const bodies: string[] = [];
    for (let start = 0; start < count; start += batch) {
      bodies.push(
        JSON.stringify(
          Array.from({ length: Math.min(batch, count - start) }, (_, k) => article(start + k, bench.runId)),
        ),
      );
    }
    log(`bench:ingest — ${count} articles in ${bodies.length} requests of ${batch}, ${concurrency} in flight`);
    let accepted = 0;
    let next = 0;
    const started = process.hrtime.bigint();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < bodies.length) {
          const body = bodies[next++]!;
          const res = await fetch(url, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-api-key': 'bench-key' },
            body,
          });
          const answer = (await res.json()) as { accepted?: unknown[] };
          if (res.status !== 202) throw new Error(`HTTP ${res.status}: ${JSON.stringify(answer).slice(0, 300)}`);
          accepted += answer.accepted?.length ?? 0;
        }
      }),
    );
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    log(`accepted ${accepted} articles in ${seconds.toFixed(2)} s: ${(accepted / seconds).toFixed(0)} articles/s`);
  } finally {
    await ingestor.stop();
    await bench.cleanup();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
