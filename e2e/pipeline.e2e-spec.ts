/**
 * The whole pipeline as users see it: three service processes over the real Kafka, Postgres and search engine.
 * Every assertion is on what the public HTTP APIs answer.
 */
import type { EnrichedArticle, IngestResponse, SearchResponse } from '@wirestream/contracts';
import {
  allocatePort,
  createIsolatedEnvironment,
  EXAMPLE_GLOBAL_VILLAGE,
  readExample,
  ServiceProcess,
  waitFor,
  type IsolatedEnvironment,
} from '@wirestream/testing';

const TITLE = 'Trump meets with Colombia’s Petro after diplomatic row over cartels';
const LEAD =
  'US President Donald Trump held talks with Colombian President Gustavo Petro in the White House on Tuesday';

describe('pipeline: scraped text page → ingestor → enricher → indexer → search API', () => {
  let environment: IsolatedEnvironment;
  let ingestor: ServiceProcess;
  let enricher: ServiceProcess;
  let indexer: ServiceProcess;
  const fixture = readExample(EXAMPLE_GLOBAL_VILLAGE);

  beforeAll(async () => {
    environment = await createIsolatedEnvironment('e2e');
    ingestor = new ServiceProcess('ingestor', allocatePort(), environment.env);
    enricher = new ServiceProcess('enricher', allocatePort(), environment.env);
    indexer = new ServiceProcess('indexer', allocatePort(), environment.env);
    await Promise.all([ingestor.start(), enricher.start(), indexer.start()]);
  });

  afterAll(async () => {
    await Promise.all([ingestor?.kill(), enricher?.kill(), indexer?.kill()]);
    await environment?.teardown();
  });

  async function ingest(body: string, contentType = 'text/plain'): Promise<{ status: number; body: IngestResponse }> {
    const res = await fetch(`${ingestor.url}/v1/ingest`, {
      method: 'POST',
      headers: { 'content-type': contentType, 'x-api-key': 'test-key' },
      body,
    });
    return { status: res.status, body: (await res.json()) as IngestResponse };
  }

  async function search(query: string): Promise<SearchResponse> {
    const res = await fetch(`${indexer.url}/v1/search?${query}`);
    expect(res.status).toBe(200);
    return (await res.json()) as SearchResponse;
  }

  it('makes the fixture searchable with a highlighted snippet, and serves it whole', async () => {
    const accepted = await ingest(fixture);
    expect(accepted.status).toBe(202);
    expect(accepted.body.accepted).toHaveLength(1);
    const { id, duplicate } = accepted.body.accepted[0]!;
    expect(duplicate).toBe(false);

    const result = await waitFor(
      'the fixture in search results',
      async () => {
        const r = await search('q=Petro%20cartels');
        return r.items.some((i) => i.id === id) ? r : undefined;
      },
      { timeoutMs: 90000, intervalMs: 500 },
    );
    const hit = result.items.find((i) => i.id === id)!;
    expect(hit.title).toBe(TITLE);
    expect(hit.source.name).toBe('Global Village Space');
    expect(hit.publishedAt?.startsWith('2026-02-04')).toBe(true);
    const snippets = Object.values(hit.highlights).flat();
    expect(snippets.some((s) => /<em>(Petro|cartels)<\/em>/i.test(s))).toBe(true);

    const res = await fetch(`${indexer.url}/v1/articles/${id}`);
    expect(res.status).toBe(200);
    const article = (await res.json()) as EnrichedArticle;
    expect(article.title).toBe(TITLE);
    expect(article.publishedAt?.startsWith('2026-02-04')).toBe(true);
    expect(article.source.name).toBe('Global Village Space');
    expect(article.body.split(LEAD).length - 1).toBe(1);
    expect(article.body).not.toMatch(/Welcome to/);
    expect(article.body).not.toMatch(/Read more:/);
    expect(article.body.trim().endsWith('Global Village Space')).toBe(false);
    expect(article.relatedLinks.map((l) => l.title)).toEqual([
      'US shoots down Iranian drone that ‘aggressively’ approached an aircraft carrier, military says',
      'The last US-Russian nuclear pact is about to expire, ending a half-century of arms control',
    ]);
  });

  it('posting the same article twice leaves one article and one document', async () => {
    const again = await ingest(fixture);
    expect(again.status).toBe(202);
    expect(again.body.accepted[0]!.duplicate).toBe(true);
    // Give a (wrong) second event time to arrive before counting.
    await new Promise((r) => setTimeout(r, 3000));
    const result = await search(`q=${encodeURIComponent('"diplomatic row over cartels"')}&size=100`);
    expect(result.items.filter((i) => i.title === TITLE)).toHaveLength(1);
    expect(result.total).toBe(1);
  });

  it('an article accepted while the enricher is down arrives exactly once after kill -9 and restart', async () => {
    // Freeze the enricher, accept an article, then kill -9 it: nothing of that article was committed.
    process.kill(enricher.pid!, 'SIGSTOP');
    const story = fixture
      .replace(
        'Trump meets with Colombia’s Petro after diplomatic row over cartels',
        'Petro and Trump agree to a joint cartel task force',
      )
      .replace(/Tuesday/g, 'Thursday');
    const accepted = await ingest(story);
    expect(accepted.status).toBe(202);
    const { id } = accepted.body.accepted[0]!;
    await new Promise((r) => setTimeout(r, 1500));
    await enricher.kill('SIGKILL');

    const before = await search(`q=${encodeURIComponent('"joint cartel task force"')}`);
    expect(before.items.some((i) => i.id === id)).toBe(false);

    await enricher.start();
    const after = await waitFor(
      'the article after the enricher restarted',
      async () => {
        const r = await search(`q=${encodeURIComponent('"joint cartel task force"')}&size=100`);
        return r.items.some((i) => i.id === id) ? r : undefined;
      },
      { timeoutMs: 120000, intervalMs: 1000 },
    );
    expect(after.items.filter((i) => i.id === id)).toHaveLength(1);
    expect(after.total).toBe(1);
    const res = await fetch(`${indexer.url}/v1/articles/${id}`);
    expect(res.status).toBe(200);
  });
});
