/**
 * The /ops page in a real browser (Debian's headless Chromium, driven by playwright-core) over the three services as
 * processes: first run, under load, a source gone quiet, and the search engine going away. Screenshots of each go to
 * test-output/ops/ (git-ignored) for a person to look at.
 */
import type { OpsStatus } from '@wirestream/contracts';
import {
  allocatePort,
  createIsolatedEnvironment,
  ServiceProcess,
  stackConnection,
  TcpRelay,
  waitFor,
  type IsolatedEnvironment,
} from '@wirestream/testing';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, ensureChromium } from './chromium';

const SCREENSHOTS = path.resolve(__dirname, '../../test-output/ops');
/** Short, so the test sees a source go quiet within seconds; the rule is otherwise the documented one (4× the usual gap). */
const QUIET_AFTER_SECONDS = 6;

describe('ops page in a browser', () => {
  let environment: IsolatedEnvironment;
  let engine: TcpRelay;
  let engineUrl: string;
  let ingestor: ServiceProcess;
  let enricher: ServiceProcess;
  let indexer: ServiceProcess;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    const executablePath = ensureChromium();
    mkdirSync(SCREENSHOTS, { recursive: true });
    environment = await createIsolatedEnvironment('opspage');
    // The indexer reaches the shared engine through a relay: closing it takes "the engine" away from this indexer only.
    ({ relay: engine, url: engineUrl } = await TcpRelay.forUrl(stackConnection().searchUrl, 9200));
    ingestor = new ServiceProcess('ingestor', allocatePort(), environment.env);
    enricher = new ServiceProcess('enricher', allocatePort(), environment.env);
    indexer = new ServiceProcess('indexer', allocatePort(), {
      ...environment.env,
      SEARCH_URL: engineUrl,
      OPS_QUIET_MIN_SECONDS: String(QUIET_AFTER_SECONDS),
      OPS_TIMEOUT_MS: '2000',
    });
    await Promise.all([ingestor.start(), enricher.start(), indexer.start()]);
    browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
    page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  });

  afterAll(async () => {
    await browser?.close();
    await Promise.all([ingestor?.kill(), enricher?.kill(), indexer?.kill()]);
    await engine?.close();
    await environment?.teardown();
  });

  /** A native JSON batch of `count` short articles from one source. */
  async function ingest(source: string, count: number, tag: string): Promise<string[]> {
    const items = Array.from({ length: count }, (_, i) => ({
      id: `${tag}-${i}`,
      title: `${source} report ${tag} number ${i}`,
      body: `The ${source} desk filed report ${i} of batch ${tag}. Officials said the measures would take effect next week, and residents welcomed the decision.`,
      language: 'en',
      publishedAt: new Date().toISOString(),
      source,
    }));
    const res = await fetch(`${ingestor.url}/v1/ingest`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': 'test-key' },
      body: JSON.stringify(items),
    });
    expect(res.status).toBe(202);
    const body = (await res.json()) as { accepted: { id: string }[] };
    expect(body.accepted).toHaveLength(count);
    return body.accepted.map((a) => a.id);
  }

  const counter = async (stage: string) =>
    Number((await page.getAttribute(`[data-stage="${stage}"]`, 'data-last5m')) ?? NaN);
  const chartTotal = async () => Number(await page.getAttribute('#chart', 'data-total'));
  const status = async () => (await (await fetch(`${indexer.url}/v1/ops/status`)).json()) as OpsStatus;

  it('shows a first run: every stage at zero, the dependencies up, and how to get data in', async () => {
    await page.goto(`${indexer.url}/ops`);
    await page.waitForSelector('body[data-state="empty"]', { timeout: 30000 });
    for (const stage of ['ingested', 'published', 'enriched', 'indexed', 'deadLettered'])
      expect(await counter(stage)).toBe(0);
    expect(await chartTotal()).toBe(0);
    expect(await page.textContent('#banner')).toMatch(/No articles in the last hour yet/);
    expect(await page.textContent('#sources')).toMatch(/No source has delivered yet/);
    for (const dependency of ['postgres', 'kafka', 'search'])
      expect(await page.getAttribute(`[data-dependency="${dependency}"]`, 'class')).toMatch(/\bup\b/);
    // The chart library loaded from node_modules and drew its canvas.
    expect(await page.evaluate('typeof uPlot')).toBe('function');
    expect(await page.locator('#chart canvas').count()).toBe(1);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'idle.png'), fullPage: true });
  });

  it('under load the counters and the chart follow the articles through every stage', async () => {
    const ids: string[] = [];
    for (let batch = 0; batch < 4; batch++)
      ids.push(...(await ingest(batch % 2 ? 'Harbour Times' : 'Metro Desk', 15, `load${batch}`)));
    await waitFor(
      'all 60 articles indexed on the page',
      async () => ((await counter('indexed')) === 60 ? true : undefined),
      { timeoutMs: 120000, intervalMs: 500 },
    );
    expect(await counter('ingested')).toBe(60);
    expect(await counter('published')).toBe(60);
    expect(await counter('enriched')).toBe(60);
    expect(await counter('deadLettered')).toBe(0);
    // 60 items through each of four stages (none dead-lettered) in the chart's last minutes.
    expect(await chartTotal()).toBe(240);
    const s = await status();
    expect(s.freshness.samples5m).toBe(60);
    expect(await page.textContent('#freshness')).toMatch(/p95/);
    expect(await page.locator('#sources tr[data-source="metro-desk"]').count()).toBe(1);
    // One more wave while the screenshot is taken: the page under load.
    await ingest('Metro Desk', 20, 'wave');
    await waitFor(
      'the wave ingested on the page',
      async () => ((await counter('ingested')) === 80 ? true : undefined),
      { timeoutMs: 30000, intervalMs: 250 },
    );
    await page.screenshot({ path: path.join(SCREENSHOTS, 'under-load.png'), fullPage: true });
    await waitFor('the wave indexed', async () => ((await counter('indexed')) === 80 ? true : undefined), {
      timeoutMs: 120000,
      intervalMs: 500,
    });
  });

  it('a source that stopped delivering is flagged gone quiet and listed first', async () => {
    await ingest('Quiet Wire', 6, 'quiet');
    const row = page.locator('#sources tbody tr').first();
    await waitFor(
      'Quiet Wire gone quiet at the top of the sources',
      async () =>
        (await row.getAttribute('data-source')) === 'quiet-wire' && (await row.getAttribute('data-quiet')) === 'true'
          ? true
          : undefined,
      {
        timeoutMs: 60000,
        intervalMs: 500,
      },
    );
    expect(await row.textContent()).toMatch(/gone quiet/);
    const quiet = (await status()).sources.find((s) => s.id === 'quiet-wire')!;
    expect(quiet.goneQuiet).toBe(true);
    expect(quiet.silentSeconds).toBeGreaterThan(QUIET_AFTER_SECONDS);
    // The load sources delivered in bursts milliseconds apart and have been silent since: by the same rule, quiet too.
    expect(
      (await status()).sources
        .filter((s) => s.goneQuiet)
        .map((s) => s.id)
        .sort(),
    ).toEqual(['harbour-times', 'metro-desk', 'quiet-wire']);
  });

  it('with the search engine gone it says so, and still shows what Postgres and Kafka know', async () => {
    await engine.cut();
    await page.waitForSelector('body[data-state="degraded"]', { timeout: 30000 });
    expect(await page.textContent('#banner')).toMatch(/The search engine is unreachable/);
    expect(await page.getAttribute('[data-dependency="search"]', 'class')).toMatch(/\bdown\b/);
    expect(await page.getAttribute('[data-dependency="postgres"]', 'class')).toMatch(/\bup\b/);
    expect(await counter('indexed')).toBeGreaterThan(0); // Postgres's count, still there
    const s = await status();
    expect(s.unavailable).toEqual(['search']);
    expect(s.health.search.status).toBe('down');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'engine-down.png'), fullPage: true });
  });
});
