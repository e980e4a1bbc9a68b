/**
 * What real senders get wrong, against the running ingestor: each case gets the right status, a 4xx comes as
 * problem+json (type, title, status, detail, code) saying what and where, nothing hangs or leaks memory, and
 * the service is still ready afterwards.
 */
import type { INestApplication } from '@nestjs/common';
import { DATA_SOURCE, type DataSource } from '@wirestream/persistence';
import { createLogger, startHttpService } from '@wirestream/platform';
import { createIsolatedEnvironment, type IsolatedEnvironment } from '@wirestream/testing';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { AppModule } from '../app.module';
import { loadIngestorConfig } from '../config/ingestor.config';

const sample = (name: string) => readFileSync(path.resolve(__dirname, '../../../../libs/formats/src/__samples__', name));
const RSS = sample('rss-3-items.xml').toString('utf8');

interface Case {
  name: string;
  body: string | Uint8Array;
  contentType?: string;
  query?: string;
  status: number;
  code?: string;
  /** Checked against the problem's `detail` (what and where). */
  detail?: RegExp;
  check?: (answer: Record<string, unknown>) => void;
}

const html = (head: string, body: string) => `<!doctype html><html><head>${head}</head><body>${body}</body></html>`;
const nativeArticle = (over: Record<string, unknown>) => JSON.stringify({ id: 'bad-input-native', title: 'A title', body: 'A body of text that says something.', ...over });

const CASES: Case[] = [
  { name: 'empty body', body: '', contentType: 'text/plain', status: 400, code: 'empty-body' },
  { name: 'whitespace-only body', body: ' \n\t \r\n', contentType: 'text/plain', status: 400, code: 'empty-body' },
  { name: 'wrong type: an image', body: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), contentType: 'image/png', status: 415, code: 'unsupported-format' },
  { name: 'wrong type: a PDF sent as octet-stream', body: Buffer.concat([Buffer.from('%PDF-1.7\n%'), Buffer.from([0xe2, 0xe3, 0xcf, 0xd3]), Buffer.from('\n1 0 obj\n<< /Type /Catalog >>\nendobj\n')]), contentType: 'application/octet-stream', status: 415, code: 'unsupported-format' },
  { name: 'wrong type: multipart form', body: '--x\r\nContent-Disposition: form-data; name="f"\r\n\r\nhello\r\n--x--\r\n', contentType: 'multipart/form-data; boundary=x', status: 415, code: 'unsupported-format' },
  { name: 'unknown charset', body: 'Some text', contentType: 'text/plain; charset=klingon-8', status: 415, code: 'unsupported-charset' },
  { name: 'truncated XML (an RSS feed cut in half)', body: RSS.slice(0, Math.floor(RSS.length / 2)), contentType: 'application/rss+xml', status: 400, code: 'malformed-xml', detail: /line \d+, column \d+/ },
  { name: 'mismatched XML tags', body: '<?xml version="1.0"?><rss version="2.0"><channel><title>x</title><item><title>y</item></channel></rss>', contentType: 'application/rss+xml', status: 400, code: 'malformed-xml', detail: /line \d+, column \d+/ },
  { name: 'billion laughs (NewsML-G2)', body: sample('billion-laughs.xml'), contentType: 'application/xml', status: 400, code: 'xml-dtd-forbidden' },
  { name: 'billion laughs (RSS)', body: sample('billion-laughs-rss.xml'), contentType: 'application/rss+xml', status: 400, code: 'xml-dtd-forbidden' },
  { name: 'XXE (external entity to /etc/passwd and the metadata endpoint)', body: sample('xxe.xml'), contentType: 'application/xml', status: 400, code: 'xml-dtd-forbidden', check: (a) => expect(JSON.stringify(a)).not.toMatch(/root:x:0/) },
  { name: 'deeply nested XML', body: `<?xml version="1.0"?><rss version="2.0"><channel>${'<x>'.repeat(20000)}${'</x>'.repeat(20000)}</channel></rss>`, contentType: 'application/rss+xml', status: 400, code: 'xml-too-deep' },
  { name: 'deeply nested JSON', body: `${'['.repeat(100000)}${']'.repeat(100000)}`, contentType: 'application/json', status: 400, code: 'json-too-deep' },
  { name: 'malformed JSON', body: '{"id": "x", "title": "Unclosed', contentType: 'application/json', status: 400, code: 'malformed-json' },
  { name: 'invalid UTF-8', body: new Uint8Array([0x48, 0x65, 0x6c, 0x6c, 0x6f, 0x20, 0xc3, 0x28, 0x20, 0x77]), contentType: 'text/plain; charset=utf-8', status: 400, code: 'invalid-encoding', detail: /byte offset 6/ },
  { name: 'invalid UTF-8 inside an XML feed', body: Buffer.concat([Buffer.from(RSS.slice(0, 400)), Buffer.from([0xff, 0xfe, 0x80]), Buffer.from(RSS.slice(400))]), contentType: 'application/rss+xml', status: 400, code: 'invalid-encoding', detail: /byte offset \d+/ },
  { name: 'NUL bytes in a text page', body: 'Harbour news\n\nThe ferry\u0000 will run at night from March, the council said on Tuesday.', contentType: 'text/plain; charset=utf-8', status: 400, code: 'invalid-characters', detail: /content/ },
  { name: 'NUL bytes in a native JSON string', body: nativeArticle({ title: 'Nul\u0000title' }), contentType: 'application/json', status: 400, code: 'invalid-characters', detail: /field "title"/ },
  { name: 'feed with zero items', body: sample('rss-empty.xml'), contentType: 'application/rss+xml', status: 400, code: 'empty-feed' },
  { name: 'wrong JSON shape: a number', body: '42', contentType: 'application/json', status: 400 },
  { name: 'wrong JSON shape: an object that is no article', body: '{"hello": "world", "items": 3}', contentType: 'application/json', status: 400 },
  {
    name: 'missing title in native JSON',
    body: JSON.stringify({ id: 'no-title', body: 'Text without a title.' }),
    contentType: 'application/json',
    status: 400,
    detail: /title/,
    check: (a) => expect(JSON.stringify(a)).toMatch(/"\/title"/),
  },
  {
    name: 'a batch with one bad item: the good ones are accepted, the bad one reported by index',
    body: sample('native-batch-one-bad.json'),
    contentType: 'application/json',
    status: 202,
    check: (a) => {
      expect((a['accepted'] as unknown[]).length).toBe(2);
      expect(a['refused']).toEqual([expect.objectContaining({ index: 1 })]);
    },
  },
  {
    name: 'HTML with scripts: accepted, the script is not taken as text',
    body: html('<title>Night ferry approved</title><script>document.title="pwned"</script>', '<script>alert("x")</script><article><h1>Night ferry approved</h1><p>Councillors approved a six-month pilot of night ferries between the old quay and Skerry Point on Tuesday.</p></article><script src="https://evil.example/x.js"></script>'),
    contentType: 'text/html; charset=utf-8',
    status: 202,
    check: (a) => expect(JSON.stringify(a['accepted'])).not.toMatch(/pwned|alert/),
  },
  {
    name: 'dates in the future are dropped (with a warning), the article accepted',
    body: nativeArticle({ id: 'future-date', publishedAt: '2099-01-01T00:00:00Z' }),
    contentType: 'application/json',
    status: 202,
    check: (a) => expect(JSON.stringify(a['warnings'])).toMatch(/publishedAt/),
  },
  {
    name: 'an unparseable date in a feed item is dropped, the item accepted',
    body: RSS.replace(/<pubDate>[^<]*<\/pubDate>/, '<pubDate>the day after tomorrow-ish</pubDate>'),
    contentType: 'application/rss+xml',
    status: 202,
    check: (a) => expect(a['warnings']).toEqual([expect.stringMatching(/pubDate|date/i)]),
  },
  {
    name: 'an unparseable date in native JSON is dropped with a warning saying where',
    body: nativeArticle({ id: 'bad-date', publishedAt: 'yesterday at noon' }),
    contentType: 'application/json',
    status: 202,
    check: (a) => expect(JSON.stringify(a['warnings'])).toMatch(/publishedAt/),
  },
  { name: 'a url query parameter that is no URL', body: 'Some article text that is long enough to be a paragraph of a page.', contentType: 'text/plain', query: 'url=javascript:alert(1)', status: 400, code: 'invalid-parameter', detail: /url/ },
  { name: 'an XML document of no known format', body: '<?xml version="1.0"?><invoice><total>3</total></invoice>', contentType: 'application/xml', status: 415, code: 'unsupported-format' },
  { name: 'binary garbage without a Content-Type', body: new Uint8Array(Array.from({ length: 512 }, (_, i) => (i * 97 + 13) % 256)), status: 415, code: 'unsupported-format' },
];

describe('bad input (integration)', () => {
  let environment: IsolatedEnvironment;
  let app: INestApplication;
  let url: string;

  beforeAll(async () => {
    environment = await createIsolatedEnvironment('badinput');
    const config = loadIngestorConfig(environment.env);
    const logger = createLogger('ingestor', 'silent');
    app = await startHttpService({ service: 'ingestor', description: 'test', rootModule: AppModule.register(config, logger), logger, port: 0, host: '127.0.0.1', bodyParser: false });
    url = await app.getUrl();
  });

  afterAll(async () => {
    await app?.close();
    await environment?.teardown();
  });

  const post = (body: string | Uint8Array, contentType?: string, query?: string, headers: Record<string, string> = { 'x-api-key': 'test-key' }) =>
    fetch(`${url}/v1/ingest${query ? `?${query}` : ''}`, { method: 'POST', headers: { ...headers, ...(contentType ? { 'content-type': contentType } : {}) }, body });

  it.each(CASES)('$name → $status', async ({ body, contentType, query, status, code, detail, check }) => {
    const started = Date.now();
    const res = await post(body, contentType, query);
    const text = await res.text();
    const answer = JSON.parse(text) as Record<string, unknown>;
    expect({ status: res.status, code: answer['code'], detail: answer['detail'] }).toMatchObject({ status, ...(code ? { code } : {}) });
    if (status >= 400) expectProblem(res, answer, status);
    if (detail) expect(answer['detail']).toMatch(detail);
    expect(text).not.toMatch(/\bat .+\.(ts|js):\d+/); // never a stack trace
    expect(Date.now() - started).toBeLessThan(5000); // refused quickly, whatever the input
    check?.(answer);
  });

  it('refuses a 20 MB body with 413 problem+json (limit INGEST_MAX_BYTES)', async () => {
    const res = await post(Buffer.alloc(20 * 1024 * 1024, 0x61), 'text/plain');
    expect(res.status).toBe(413);
    const answer = (await res.json()) as Record<string, unknown>;
    expectProblem(res, answer, 413);
    expect(answer).toMatchObject({ code: 'payload-too-large' });
  });

  it('refuses requests without a valid API key: 401 missing, 403 wrong (problem+json), before reading the body', async () => {
    const missing = await post('text', 'text/plain', undefined, {});
    expect(missing.status).toBe(401);
    expectProblem(missing, (await missing.json()) as Record<string, unknown>, 401);
    const wrong = await post('text', 'text/plain', undefined, { 'x-api-key': 'guess' });
    expect(wrong.status).toBe(403);
    expect(await wrong.json()).toMatchObject({ code: 'api-key-invalid' });
  });

  it('stored nothing from the refused cases and is still ready afterwards', async () => {
    const dataSource = app.get<DataSource>(DATA_SOURCE);
    const ids = (await dataSource.query('SELECT DISTINCT id FROM raw_articles')) as { id: string }[];
    const accepted = CASES.filter((c) => c.status === 202).length;
    expect(ids.length).toBeGreaterThanOrEqual(accepted);
    const ready = await fetch(`${url}/health/ready`);
    expect(ready.status).toBe(200);
  });
});

function expectProblem(res: Response, answer: Record<string, unknown>, status: number): void {
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(answer).toMatchObject({ type: expect.stringMatching(/^https:\/\/wirestream\.dev\/problems\//), title: expect.any(String), status, detail: expect.any(String), code: expect.any(String) });
  expect((answer['detail'] as string).length).toBeGreaterThan(5);
}
