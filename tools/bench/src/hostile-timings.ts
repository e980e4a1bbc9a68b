/**
 * `npm run bench:hostile` — issue 9's acceptance figures: every hostile example of the issue, timed through the
 * offline `enrich` path (parseIngestBody then enrichArticle, what `wirestream enrich FILE` runs, in process) and
 * through `POST /v1/ingest` on an ingestor process, with the ingestor's `/health/live` probed every 50 ms meanwhile.
 * Prints one row per example: the answer, the time, and the slowest liveness answer. Never asserts: the hostile
 * suites (unit and e2e/security) assert classes and scaling; this prints the figures the issue asks for.
 */
import { enrichArticle } from '@wirestream/enrichment';
import { isFormatError, parseIngestBody } from '@wirestream/formats';
import { createBenchEnv, log, spawnService } from './bench-env';

interface Example {
  name: string;
  contentType: string;
  body: () => string;
  query?: string;
}

const RUN = 100_000;
const PROSE =
  'The council met on Tuesday to discuss the harbour budget. Officials said the vote would come next week. ';
const nested = (open: string, close: string, depth: number) =>
  `<html><head><title>Nested</title></head><body>${open.repeat(depth)}<p>${PROSE}</p>${close.repeat(depth)}</body></html>`;
const atomFeed = (entries: number) =>
  `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Feed</title><id>urn:feed</id><updated>2026-01-01T00:00:00Z</updated>${Array.from(
    { length: entries },
    (_, i) =>
      `<entry><id>urn:e:${i}</id><title>Entry ${i}</title><updated>2026-01-01T00:00:00Z</updated><content>${PROSE}</content></entry>`,
  ).join('')}</feed>`;

const EXAMPLES: Example[] = [
  {
    name: 'meta article:published_time + 100k spaces',
    contentType: 'text/html',
    body: () =>
      `<html><head><meta property="article:published_time" content="2026-01-01T10:00${' '.repeat(RUN)}"></head><body><p>${PROSE}</p></body></html>`,
  },
  {
    name: 'text "welcome to a" + 100k "!"',
    contentType: 'text/plain',
    body: () => `welcome to a${'!'.repeat(RUN)}\n\n${PROSE}`,
  },
  {
    name: 'text "welcome to a" + 100k "!" + " x"',
    contentType: 'text/plain',
    body: () => `welcome to a${'!'.repeat(RUN)} x\n\n${PROSE}`,
  },
  { name: 'text paragraph of 100k "!"', contentType: 'text/plain', body: () => '!'.repeat(RUN) },
  {
    name: '<div> nested 1,000 deep around one <p>',
    contentType: 'text/html',
    body: () => nested('<div>', '</div>', 1000),
  },
  {
    name: '<div> nested 5,000 deep around one <p>',
    contentType: 'text/html',
    body: () => nested('<div>', '</div>', 5000),
  },
  {
    name: 'Atom feed, 1,000 entries without <author>',
    contentType: 'application/atom+xml',
    body: () => atomFeed(1000),
  },
  {
    name: 'Atom feed, 50,000 entries without <author>',
    contentType: 'application/atom+xml',
    body: () => atomFeed(50_000),
  },
  {
    name: 'HTML without url=, text 100k "‹"',
    contentType: 'text/html',
    body: () => `<html><body><p>${'‹'.repeat(RUN)}</p></body></html>`,
  },
  {
    name: 'HTML without url=, text 100k "<"',
    contentType: 'text/html',
    body: () => `<html><body>${'<'.repeat(RUN)}</body></html>`,
  },
  {
    name: 'JSON with a lone surrogate',
    contentType: 'application/json',
    body: () => `{"id":"lone","title":"T \\ud800","body":"${PROSE}"}`,
  },
  {
    name: 'JSON version 2147483648',
    contentType: 'application/json',
    body: () => `{"id":"v","title":"T","body":"${PROSE}","version":2147483648}`,
  },
  {
    name: '3,000-character source parameter',
    contentType: 'text/plain',
    body: () => PROSE,
    query: `?source=${encodeURIComponent('x'.repeat(3000))}`,
  },
  { name: 'text/html "<html x"', contentType: 'text/html', body: () => '<html x' },
  {
    name: '1.1 MB text/plain article',
    contentType: 'text/plain',
    body: () => `${PROSE}\n\n`.repeat(Math.ceil(1_100_000 / (PROSE.length + 2))),
  },
  { name: '40 KB first sentence', contentType: 'text/plain', body: () => `${'word '.repeat(8000)}end.\n\n${PROSE}` },
  {
    name: '4 KB run of capitalised words',
    contentType: 'text/plain',
    body: () => `${PROSE}${'Alpha Beta '.repeat(400)}said the report.`,
  },
];

/** What `wirestream enrich` runs on a file: parse, then enrich each item. Feeds over the item cap are only parsed. */
function offline(example: Example): { outcome: string; ms: number } {
  const bytes = Buffer.from(example.body());
  const started = performance.now();
  try {
    const { items } = parseIngestBody({
      bytes,
      contentType: example.contentType,
      url: null,
      sourceName: null,
      format: 'auto',
    });
    const now = new Date().toISOString();
    for (const item of items)
      enrichArticle({ id: 'bench', version: 1, source: { id: 'bench', name: 'Bench' }, item, ingestedAt: now, now });
    return { outcome: `${items.length} enriched`, ms: performance.now() - started };
  } catch (error) {
    const outcome = isFormatError(error) ? `refused ${error.code}` : `THREW ${(error as Error).name}`;
    return { outcome, ms: performance.now() - started };
  }
}

async function main(): Promise<void> {
  const bench = await createBenchEnv('hostile');
  const ingestor = await spawnService(
    'ingestor',
    { ...bench.env, API_KEYS: 'bench-key', LOG_LEVEL: 'warn' },
    16000 + Math.floor(Math.random() * 1000),
  );
  try {
    log(
      'bench:hostile — issue 9 examples: offline enrich path and POST /v1/ingest (bound: < 1 s each; liveness < 200 ms)',
    );
    log(
      `${'example'.padEnd(46)} ${'offline'.padStart(9)}  ${'offline outcome'.padEnd(24)} ${'ingest'.padStart(8)}  ${'answer'.padEnd(26)} live max`,
    );
    for (const example of EXAMPLES) {
      const off = offline(example);
      const body = example.body();
      let slowestLive = 0;
      let probing = true;
      const probe = (async () => {
        while (probing) {
          const t = performance.now();
          await fetch(`${ingestor.url}/health/live`).catch(() => undefined);
          slowestLive = Math.max(slowestLive, performance.now() - t);
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      })();
      const started = performance.now();
      const res = await fetch(`${ingestor.url}/v1/ingest${example.query ?? ''}`, {
        method: 'POST',
        headers: { 'content-type': example.contentType, 'x-api-key': 'bench-key' },
        body,
      });
      const answer = (await res.json()) as { code?: string; accepted?: unknown[] };
      const ms = performance.now() - started;
      probing = false;
      await probe;
      const said =
        res.status === 202 ? `202 (${answer.accepted?.length ?? 0} accepted)` : `${res.status} ${answer.code ?? ''}`;
      log(
        `${example.name.padEnd(46)} ${`${off.ms.toFixed(0)} ms`.padStart(9)}  ${off.outcome.padEnd(24)} ${`${ms.toFixed(0)} ms`.padStart(8)}  ${said.padEnd(26)} ${slowestLive.toFixed(0)} ms`,
      );
    }
  } finally {
    await ingestor.stop();
    await bench.cleanup();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
