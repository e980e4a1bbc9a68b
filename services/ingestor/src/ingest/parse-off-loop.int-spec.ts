/**
 * Large bodies are parsed on a worker thread (INGEST_PARSE_IN_WORKER_BYTES and up), so the ingestor answers
 * `/health/live` within 200 ms while it handles a 6 MB feed, a 1,000-entry feed or a 1 MB HTML page (measured on
 * an ingestor process of its own, as users run it: in this process, the test's own allocations and garbage
 * collections would be charged to the service). A probe's latency is wall-clock time across processes on a shared
 * machine, so the same prober runs at the same moments against a reference process that does nothing but answer:
 * the service is charged only what it adds over the slowest reference answer; errors
 * thrown in the worker reach the client exactly as an inline parse would report them; a parse over its budget
 * is 422 `parse-timeout` and its worker is replaced.
 */
import type { INestApplication } from '@nestjs/common';
import { parseIngestBody } from '@wirestream/formats';
import { createLogger, startHttpService } from '@wirestream/platform';
import {
  allocatePort,
  createIsolatedEnvironment,
  ReferenceHttpServer,
  ServiceProcess,
  type IsolatedEnvironment,
} from '@wirestream/testing';
import { on } from 'node:events';
import { Worker } from 'node:worker_threads';
import { AppModule } from '../app.module';
import { loadIngestorConfig } from '../config/ingestor.config';

/** What issue 9 asks of liveness (charged beyond the machine's own delays, below). */
const LIVENESS_BOUND_MS = 200;
/**
 * Each request's wall-clock time is only a stall guard (a parse gone quadratic takes minutes on these bodies), not a
 * speed figure: that is bench:ingest's. 2 s was tight enough for a CI machine busy with the other suites to miss it
 * by 2 % (2,046 ms for the 1,000-entry feed's transaction or the 1 MB page, 2026-12-02, with the parse itself no
 * slower than before).
 */
const REQUEST_BOUND_MS = 10_000;
const ATOM = 'application/atom+xml';

function atomFeed(entries: number, token: string, summaryLength = 0): string {
  const summary = 'The night ferry runs late. '.repeat(Math.ceil(summaryLength / 27)).slice(0, summaryLength);
  const parts = [
    `<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><title>Feed ${token}</title><id>urn:feed:${token}</id><updated>2026-02-04T10:00:00Z</updated>`,
  ];
  for (let i = 0; i < entries; i++) {
    parts.push(
      `<entry><id>urn:${token}:${i}</id><title>Notice ${i} ${token}</title><updated>2026-02-04T10:00:00Z</updated><summary>Crossing ${i}. ${summary}</summary></entry>\n`,
    );
  }
  parts.push('</feed>');
  return parts.join('');
}

/**
 * ~1 MB of HTML: a short article inside a page whose related-links markup makes up the bulk (long URLs and
 * tracking attributes, little text, so the item stays under INGEST_MAX_ITEM_BYTES whatever extraction keeps).
 */
function largeHtmlPage(token: string): string {
  const tracking = 'utm_source=homepage&amp;utm_medium=related&amp;utm_campaign=night-ferries-and-harbour-coverage';
  const links = Array.from(
    { length: 3000 },
    (_, i) =>
      `<li class="related-item related-item--compact"><a href="https://news.example/related/${i}?${tracking}" data-track="related:${i}:${tracking}">Story ${i}</a></li>`,
  ).join('\n');
  const paragraphs = Array.from(
    { length: 12 },
    (_, i) =>
      `<p>Paragraph ${i}: the council approved the night ferry for the ${token} route on Tuesday, after a year of delays and two public hearings.</p>`,
  ).join('\n');
  return (
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Night ferries approved for ${token}</title></head><body><nav><ul>${links}</ul></nav>` +
    `<article><h1>Night ferries approved for ${token}</h1>${paragraphs}</article></body></html>`
  );
}

/**
 * Polls a liveness URL every 50 ms from a worker thread: a prober on the test's own event loop (which the
 * in-process service shares) would be blocked together with the service and miss the stall it should measure.
 */
function startLivenessProber(liveUrl: string): { firstProbe: Promise<void>; stop: () => Promise<number[]> } {
  const source = `
    const { parentPort, workerData } = require('node:worker_threads');
    let stopping = false;
    const latencies = [];
    parentPort.on('message', () => { stopping = true; });
    (async () => {
      // One untimed probe first: the first fetch loads and connects the HTTP client, which is not the service's doing.
      await (await fetch(workerData.liveUrl)).arrayBuffer();
      parentPort.postMessage('ready');
      while (!stopping) {
        const started = performance.now();
        try {
          const res = await fetch(workerData.liveUrl);
          await res.arrayBuffer();
          latencies.push(res.status === 200 ? performance.now() - started : Infinity);
        } catch {
          latencies.push(Infinity);
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      parentPort.postMessage(latencies);
    })();`;
  const worker = new Worker(source, { eval: true, workerData: { liveUrl } });
  const messages = on(worker, 'message');
  const next = async () => ((await messages.next()).value as unknown[])[0];
  const firstProbe = next().then(() => undefined);
  return {
    firstProbe,
    stop: async () => {
      worker.postMessage('stop');
      const latencies = (await next()) as number[];
      await worker.terminate();
      return latencies;
    },
  };
}

describe('ingestor parses large bodies off the event loop (integration)', () => {
  let environment: IsolatedEnvironment;
  let app: INestApplication;
  let url: string;

  beforeAll(async () => {
    environment = await createIsolatedEnvironment('parseoffloop');
    const config = loadIngestorConfig({ ...environment.env, INGEST_MAX_ITEMS: '1000' });
    const logger = createLogger('ingestor', 'silent');
    app = await startHttpService({
      service: 'ingestor',
      description: 'test',
      rootModule: AppModule.register(config, logger),
      logger,
      port: 0,
      host: '127.0.0.1',
      bodyParser: false,
    });
    url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  });

  afterAll(async () => {
    await app?.close();
    await environment?.teardown();
  });

  const post = (base: string, body: string | Buffer, contentType: string) =>
    fetch(`${base}/v1/ingest`, {
      method: 'POST',
      headers: { 'x-api-key': 'test-key', 'content-type': contentType },
      body,
    });

  it('answers /health/live within 200 ms while it handles a 6 MB feed, a 1,000-entry feed and a 1 MB HTML page', async () => {
    const ingestor = new ServiceProcess('ingestor', allocatePort(), { ...environment.env, INGEST_MAX_ITEMS: '1000' });
    await ingestor.start();
    try {
      await expectLiveWhileHandlingLargeBodies(ingestor.url);
    } finally {
      await ingestor.kill();
    }
  });

  async function expectLiveWhileHandlingLargeBodies(url: string): Promise<void> {
    const hugeFeed = atomFeed(42_000, 'huge', 20);
    const thousandFeed = atomFeed(1000, 'thousand', 40);
    const page = largeHtmlPage('offloop');
    expect(Buffer.byteLength(hugeFeed)).toBeGreaterThan(6_000_000);
    expect(Buffer.byteLength(page)).toBeGreaterThan(900_000);
    // Encoded up front: encoding 6 MB in fetch would hold this process's event loop, which the service shares.
    const bodies = {
      hugeFeed: Buffer.from(hugeFeed),
      thousandFeed: Buffer.from(thousandFeed),
      page: Buffer.from(page),
    };
    const reference = await ReferenceHttpServer.start();
    const prober = startLivenessProber(`${url}/health/live`);
    const referenceProber = startLivenessProber(reference.url);
    await Promise.all([prober.firstProbe, referenceProber.firstProbe]);
    let probes: number[];
    let referenceProbes: number[];
    const timed = async (body: Buffer, contentType: string) => {
      const started = performance.now();
      const res = await post(url, body, contentType);
      const answer = (await res.json()) as Record<string, unknown>;
      return { status: res.status, answer, ms: performance.now() - started };
    };
    let results: Awaited<ReturnType<typeof timed>>[];
    try {
      results = [
        await timed(bodies.hugeFeed, ATOM),
        await timed(bodies.thousandFeed, ATOM),
        await timed(bodies.page, 'text/html'),
      ];
    } finally {
      [probes, referenceProbes] = await Promise.all([prober.stop(), referenceProber.stop()]);
      reference.stop();
    }
    const [huge, thousand, html] = results;
    expect(huge).toMatchObject({ status: 413, answer: { code: 'too-many-items', items: 42_000, limit: 1000 } });
    expect(thousand!.status).toBe(202);
    expect(thousand!.answer['accepted']).toHaveLength(1000);
    expect(html).toMatchObject({
      status: 202,
      answer: { accepted: [{ title: 'Night ferries approved for offloop' }] },
    });
    for (const { ms } of results) expect(ms).toBeLessThan(REQUEST_BOUND_MS);
    // The probes spanned the three requests, each answered within the bound beyond what the machine added.
    expect(probes.length).toBeGreaterThan(3);
    expect(referenceProbes.length).toBeGreaterThan(3);
    const slowest = (latencies: number[]) => Math.round(Math.max(...latencies));
    console.info(`slowest /health/live ${slowest(probes)} ms, slowest reference answer ${slowest(referenceProbes)} ms`);
    expect(Math.max(...probes)).toBeLessThan(LIVENESS_BOUND_MS + Math.max(...referenceProbes));
  }

  it('reports malformed XML parsed in the worker as 400 with the same line and column as an inline parse', async () => {
    // ~200 KB (over the 64 KiB threshold), broken on its last entry's line.
    const feed = atomFeed(1000, 'broken', 100).replace(
      '<title>Notice 999 broken</title>',
      '<title>Notice 999 broken</titel>',
    );
    expect(Buffer.byteLength(feed)).toBeGreaterThan(64 * 1024);
    let inline: { code: string; detail: string } | null = null;
    try {
      parseIngestBody({ bytes: Buffer.from(feed), contentType: ATOM });
    } catch (error) {
      inline = error as { code: string; detail: string };
    }
    expect(inline).toMatchObject({ code: 'malformed-xml', line: 1001 });
    const res = await post(url, feed, ATOM);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const problem = (await res.json()) as Record<string, unknown>;
    expect(problem).toMatchObject({ code: 'malformed-xml', detail: inline!.detail });
    expect(problem['detail']).toMatch(/\(line 1001, column \d+\)$/);
  });

  it('refuses a body over its parse budget with 422 parse-timeout, and parses the next large body on a fresh worker', async () => {
    const budgetMs = 300;
    const config = loadIngestorConfig({ ...environment.env, INGEST_PARSE_TIMEOUT_MS: String(budgetMs) });
    const logger = createLogger('ingestor', 'silent');
    const strict = await startHttpService({
      service: 'ingestor',
      description: 'test',
      rootModule: AppModule.register(config, logger),
      logger,
      port: 0,
      host: '127.0.0.1',
      bodyParser: false,
    });
    try {
      const base = (await strict.getUrl()).replace('[::1]', '127.0.0.1');
      // ~4 MB of HTML: linkedom alone takes seconds on it.
      const res = await post(base, largeHtmlPage('slow').repeat(4), 'text/html');
      expect(res.status).toBe(422);
      expect(await res.json()).toMatchObject({
        code: 'parse-timeout',
        limitMs: budgetMs,
        detail: expect.stringMatching(/longer than 300 ms to parse/),
      });
      const next = await post(base, atomFeed(300, 'after-timeout', 200), ATOM);
      expect(next.status).toBe(202);
      expect(((await next.json()) as { accepted: unknown[] }).accepted).toHaveLength(300);
    } finally {
      await strict.close();
    }
  });
});
