/**
 * Every supported wire format, through all three services: a realistic sample of each is posted to the ingestor
 * and must come out of the indexer's article API enriched (title, clean body, date, source) and be searchable.
 */
import type { EnrichedArticle, SearchResponse } from '@wirestream/contracts';
import {
  allocatePort,
  createIsolatedEnvironment,
  EXAMPLES_DIR,
  ServiceProcess,
  waitFor,
  type IsolatedEnvironment,
} from '@wirestream/testing';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const SAMPLES = path.resolve(__dirname, '../libs/formats/src/__samples__');

const CASES: { file: string; contentType: string; items: number }[] = [
  { file: `${SAMPLES}/rss-3-items.xml`, contentType: 'application/rss+xml', items: 3 },
  { file: `${SAMPLES}/atom-2-entries.xml`, contentType: 'application/atom+xml', items: 2 },
  { file: `${SAMPLES}/newsml-g2-v1.xml`, contentType: 'application/vnd.iptc.g2.newsitem+xml', items: 1 },
  { file: `${SAMPLES}/newsml-g2-message.xml`, contentType: 'application/xml', items: 2 },
  { file: `${SAMPLES}/nitf-3.6.xml`, contentType: 'application/nitf+xml', items: 1 },
  { file: `${SAMPLES}/ninjs-2-item.json`, contentType: 'application/ninjs+json', items: 1 },
  { file: `${SAMPLES}/ninjs-1-item.json`, contentType: 'application/json', items: 1 },
  { file: `${SAMPLES}/native-article.json`, contentType: 'application/json', items: 1 },
  { file: `${EXAMPLES_DIR}/andes-chronicle-quinoa-exports.html`, contentType: 'text/html', items: 1 },
  { file: `${EXAMPLES_DIR}/lakeshore-gazette-water-rationing.txt`, contentType: 'text/plain', items: 1 },
];

describe('every wire format through the pipeline', () => {
  let environment: IsolatedEnvironment;
  let services: ServiceProcess[];
  let ingestor: ServiceProcess;
  let indexer: ServiceProcess;

  beforeAll(async () => {
    environment = await createIsolatedEnvironment('e2eformats');
    ingestor = new ServiceProcess('ingestor', allocatePort(), environment.env);
    indexer = new ServiceProcess('indexer', allocatePort(), environment.env);
    services = [ingestor, new ServiceProcess('enricher', allocatePort(), environment.env), indexer];
    await Promise.all(services.map((s) => s.start()));
  });

  afterAll(async () => {
    await Promise.all((services ?? []).map((s) => s.kill()));
    await environment?.teardown();
  });

  it.each(CASES.map((c) => ({ ...c, name: path.basename(c.file) })))(
    '$name ($contentType) → $items enriched, searchable article(s)',
    async ({ file, contentType, items }) => {
      const res = await fetch(`${ingestor.url}/v1/ingest`, {
        method: 'POST',
        headers: { 'content-type': contentType, 'x-api-key': 'test-key' },
        body: readFileSync(file),
      });
      expect(res.status).toBe(202);
      const answer = (await res.json()) as {
        accepted: { id: string; title: string | null; duplicate: boolean }[];
        refused: unknown[];
      };
      expect(answer.refused).toEqual([]);
      expect(answer.accepted).toHaveLength(items);

      for (const accepted of answer.accepted) {
        expect(accepted.duplicate).toBe(false);
        const article = await waitFor(
          `article ${accepted.id} from ${path.basename(file)}`,
          async () => {
            const r = await fetch(`${indexer.url}/v1/articles/${accepted.id}`);
            return r.status === 200 ? ((await r.json()) as EnrichedArticle) : undefined;
          },
          { timeoutMs: 60000, intervalMs: 500 },
        );
        expect(article.title).toBeTruthy();
        expect(article.title).toBe(accepted.title);
        expect(article.body.length).toBeGreaterThan(80);
        expect(article.body).not.toMatch(/<\/?(p|div|span|script)\b/i);
        expect(article.publishedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
        expect(article.source.id).toBeTruthy();
        expect(article.language).toMatch(/^[a-z]{2}$/);
        expect(article.fingerprint).toMatch(/^[0-9a-f]{16}$/);

        const phrase = article.title!.split(/\s+/).slice(0, 4).join(' ');
        await waitFor(
          `"${phrase}" searchable`,
          async () => {
            const r = (await (
              await fetch(`${indexer.url}/v1/search?q=${encodeURIComponent(`"${phrase}"`)}&size=50`)
            ).json()) as SearchResponse;
            return r.items.some((i) => i.id === accepted.id) ? true : undefined;
          },
          { timeoutMs: 30000, intervalMs: 500 },
        );
      }
    },
  );
});
