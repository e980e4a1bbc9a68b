/**
 * What real senders get wrong, against the running ingestor: each case gets the right status, a 4xx comes as
 * problem+json (type, title, status, detail, code) saying what and where, nothing hangs or leaks memory, and
 * the service is still ready afterwards.
 */
import type { INestApplication } from '@nestjs/common';
import { DATA_SOURCE, type DataSource } from '@wirestream/persistence';
import { createLogger, startHttpService } from '@wirestream/platform';
import { createIsolatedEnvironment, type IsolatedEnvironment } from '@wirestream/testing';
import { FIELD_LIMITS } from '@wirestream/contracts';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import net from 'node:net';
import { Writable } from 'node:stream';
import path from 'node:path';
import { AppModule } from '../app.module';
import { loadIngestorConfig } from '../config/ingestor.config';

const sample = (name: string) =>
  readFileSync(path.resolve(__dirname, '../../../../libs/formats/src/__samples__', name));
const RSS = sample('rss-3-items.xml').toString('utf8');
const ATOM = sample('atom-2-entries.xml').toString('utf8');
const NEWSML = 'application/vnd.iptc.g2.newsitem+xml';
const NEWSML_V1 = sample('newsml-g2-v1.xml').toString('utf8');
const NINJS = JSON.parse(sample('ninjs-2-item.json').toString('utf8')) as Record<string, unknown>;
// Latin-1 (declared in its XML prolog): kept as latin1 text so replacing and re-encoding round-trips it.
const NITF = sample('nitf-3.6.xml').toString('latin1');
const PROSE_1_1_MB = 'The council met on Tuesday and approved the night ferry. '.repeat(20_000);

/** Random printable ASCII, as an attacker's parameter would be. */
function randomText(length: number): string {
  let seed = 7;
  return Array.from({ length }, () => String.fromCharCode(0x21 + ((seed = (seed * 48271) % 2147483647) % 94))).join('');
}

function rssWith(items: number): string {
  const entries = Array.from(
    { length: items },
    (_, i) =>
      `<item><title>Item ${i}</title><link>https://example.com/${i}</link><description>Item ${i} text.</description></item>`,
  ).join('');
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Many</title><link>https://example.com/</link><description>d</description>${entries}</channel></rss>`;
}

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
const nativeArticle = (over: Record<string, unknown>) =>
  JSON.stringify({ id: 'bad-input-native', title: 'A title', body: 'A body of text that says something.', ...over });

const CASES: Case[] = [
  { name: 'empty body', body: '', contentType: 'text/plain', status: 400, code: 'empty-body' },
  { name: 'whitespace-only body', body: ' \n\t \r\n', contentType: 'text/plain', status: 400, code: 'empty-body' },
  {
    name: 'wrong type: an image',
    body: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
    contentType: 'image/png',
    status: 415,
    code: 'unsupported-format',
  },
  {
    name: 'wrong type: a PDF sent as octet-stream',
    body: Buffer.concat([
      Buffer.from('%PDF-1.7\n%'),
      Buffer.from([0xe2, 0xe3, 0xcf, 0xd3]),
      Buffer.from('\n1 0 obj\n<< /Type /Catalog >>\nendobj\n'),
    ]),
    contentType: 'application/octet-stream',
    status: 415,
    code: 'unsupported-format',
  },
  {
    name: 'wrong type: multipart form',
    body: '--x\r\nContent-Disposition: form-data; name="f"\r\n\r\nhello\r\n--x--\r\n',
    contentType: 'multipart/form-data; boundary=x',
    status: 415,
    code: 'unsupported-format',
  },
  {
    name: 'unknown charset',
    body: 'Some text',
    contentType: 'text/plain; charset=klingon-8',
    status: 415,
    code: 'unsupported-charset',
  },
  {
    name: 'truncated XML (an RSS feed cut in half)',
    body: RSS.slice(0, Math.floor(RSS.length / 2)),
    contentType: 'application/rss+xml',
    status: 400,
    code: 'malformed-xml',
    detail: /line \d+, column \d+/,
  },
  {
    name: 'mismatched XML tags',
    body: '<?xml version="1.0"?><rss version="2.0"><channel><title>x</title><item><title>y</item></channel></rss>',
    contentType: 'application/rss+xml',
    status: 400,
    code: 'malformed-xml',
    detail: /line \d+, column \d+/,
  },
  {
    name: 'billion laughs (NewsML-G2)',
    body: sample('billion-laughs.xml'),
    contentType: 'application/xml',
    status: 400,
    code: 'xml-dtd-forbidden',
  },
  {
    name: 'billion laughs (RSS)',
    body: sample('billion-laughs-rss.xml'),
    contentType: 'application/rss+xml',
    status: 400,
    code: 'xml-dtd-forbidden',
  },
  {
    name: 'XXE (external entity to /etc/passwd and the metadata endpoint)',
    body: sample('xxe.xml'),
    contentType: 'application/xml',
    status: 400,
    code: 'xml-dtd-forbidden',
    check: (a) => expect(JSON.stringify(a)).not.toMatch(/root:x:0/),
  },
  {
    name: 'deeply nested XML',
    body: `<?xml version="1.0"?><rss version="2.0"><channel>${'<x>'.repeat(20000)}${'</x>'.repeat(20000)}</channel></rss>`,
    contentType: 'application/rss+xml',
    status: 400,
    code: 'xml-too-deep',
  },
  {
    name: 'deeply nested JSON',
    body: `${'['.repeat(100000)}${']'.repeat(100000)}`,
    contentType: 'application/json',
    status: 400,
    code: 'json-too-deep',
  },
  {
    name: 'malformed JSON',
    body: '{"id": "x", "title": "Unclosed',
    contentType: 'application/json',
    status: 400,
    code: 'malformed-json',
  },
  {
    name: 'invalid UTF-8',
    body: new Uint8Array([0x48, 0x65, 0x6c, 0x6c, 0x6f, 0x20, 0xc3, 0x28, 0x20, 0x77]),
    contentType: 'text/plain; charset=utf-8',
    status: 400,
    code: 'invalid-encoding',
    detail: /byte offset 6/,
  },
  {
    name: 'invalid UTF-8 inside an XML feed',
    body: Buffer.concat([Buffer.from(RSS.slice(0, 400)), Buffer.from([0xff, 0xfe, 0x80]), Buffer.from(RSS.slice(400))]),
    contentType: 'application/rss+xml',
    status: 400,
    code: 'invalid-encoding',
    detail: /byte offset \d+/,
  },
  {
    name: 'NUL bytes in a text page',
    body: 'Harbour news\n\nThe ferry\u0000 will run at night from March, the council said on Tuesday.',
    contentType: 'text/plain; charset=utf-8',
    status: 400,
    code: 'invalid-characters',
    detail: /content/,
  },
  {
    name: 'NUL bytes in a native JSON string',
    body: nativeArticle({ title: 'Nul\u0000title' }),
    contentType: 'application/json',
    status: 400,
    code: 'invalid-characters',
    detail: /field "title"/,
  },
  {
    name: 'feed with zero items',
    body: sample('rss-empty.xml'),
    contentType: 'application/rss+xml',
    status: 400,
    code: 'empty-feed',
  },
  { name: 'wrong JSON shape: a number', body: '42', contentType: 'application/json', status: 400 },
  {
    name: 'wrong JSON shape: an object that is no article',
    body: '{"hello": "world", "items": 3}',
    contentType: 'application/json',
    status: 400,
  },
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
    body: html(
      '<title>Night ferry approved</title><script>document.title="pwned"</script>',
      '<script>alert("x")</script><article><h1>Night ferry approved</h1><p>Councillors approved a six-month pilot of night ferries between the old quay and Skerry Point on Tuesday.</p></article><script src="https://evil.example/x.js"></script>',
    ),
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
  {
    name: 'a url query parameter that is no URL',
    body: 'Some article text that is long enough to be a paragraph of a page.',
    contentType: 'text/plain',
    query: 'url=javascript:alert(1)',
    status: 400,
    code: 'invalid-parameter',
    detail: /url/,
  },
  {
    name: 'an XML document of no known format',
    body: '<?xml version="1.0"?><invoice><total>3</total></invoice>',
    contentType: 'application/xml',
    status: 415,
    code: 'unsupported-format',
  },
  {
    name: 'binary garbage without a Content-Type',
    body: new Uint8Array(Array.from({ length: 512 }, (_, i) => (i * 97 + 13) % 256)),
    status: 415,
    code: 'unsupported-format',
  },
  // Invalid Unicode in any field of any format: refused per item with invalid-characters, never a 500.
  {
    name: 'a lone high surrogate (\\ud800) in a native JSON title',
    body: nativeArticle({ id: 'sur-1', title: 'Ferry \ud800 at night' }),
    contentType: 'application/json',
    status: 400,
    code: 'invalid-characters',
    detail: /field "title" contains an unpaired surrogate \(U\+D800\)/,
  },
  {
    name: 'a lone low surrogate (\\udc00) in a native JSON body',
    body: nativeArticle({ id: 'sur-2', body: `${'Harbour news. '.repeat(30)}\udc00` }),
    contentType: 'application/json',
    status: 400,
    code: 'invalid-characters',
    detail: /field "content" at character \d+ contains an unpaired surrogate \(U\+DC00\)/,
  },
  {
    name: 'surrogates in the wrong order in a native JSON byline',
    body: nativeArticle({ id: 'sur-3', byline: 'By \udc00\ud800 Staff' }),
    contentType: 'application/json',
    status: 400,
    code: 'invalid-characters',
    detail: /field "byline"/,
  },
  {
    name: 'a lone surrogate in a ninjs headline',
    body: JSON.stringify({ ...NINJS, uri: 'urn:test:ninjs-surrogate', headline: 'Solar ferry \ud800' }),
    contentType: 'application/json',
    status: 400,
    code: 'invalid-characters',
    detail: /field "title"/,
  },
  {
    name: 'an &#xD800; character reference in every RSS title',
    body: RSS.replace(/<title>/g, '<title>&#xD800;'),
    contentType: 'application/rss+xml',
    status: 400,
    code: 'invalid-characters',
  },
  {
    name: 'an &#xD800; character reference in one RSS item: the others are accepted',
    body: RSS.replace(/(<item>[\s\S]*?<title>)/, '$1&#xD800;'),
    contentType: 'application/rss+xml',
    status: 202,
    check: (a) => {
      expect(a['accepted']).toHaveLength(2);
      expect(a['refused']).toEqual([expect.objectContaining({ index: 0, code: 'invalid-characters' })]);
    },
  },
  {
    name: 'an &#xDC00; character reference in a NewsML-G2 headline',
    body: NEWSML_V1.replace(/<headline>/, '<headline>&#xDC00;'),
    contentType: NEWSML,
    status: 400,
    code: 'invalid-characters',
    detail: /U\+DC00/,
  },
  {
    name: 'an &#xD800; character reference in a NITF headline',
    body: Buffer.from(NITF.replace(/<hl1>/, '<hl1>&#xD800;'), 'latin1'),
    contentType: 'application/xml',
    status: 400,
    code: 'invalid-characters',
  },
  {
    name: 'noncharacters U+FFFE and U+FFFF are valid scalar values: accepted',
    body: nativeArticle({ id: 'nonchar', title: 'Odd \ufffe and \uffff characters' }),
    contentType: 'application/json',
    status: 202,
  },
  // Versions outside the stored range (Postgres integer; the top value is kept for kills).
  {
    name: 'native JSON version 2147483648',
    body: nativeArticle({ id: 'ver-1', version: 2147483648 }),
    contentType: 'application/json',
    status: 400,
    code: 'invalid-version',
    detail: /version 2147483648 is outside the accepted range 1 to 2147483646/,
  },
  {
    name: 'native JSON version 2147483647 (kept for kills)',
    body: nativeArticle({ id: 'ver-2', version: 2147483647 }),
    contentType: 'application/json',
    status: 400,
    code: 'invalid-version',
  },
  {
    name: 'native JSON version 2^53 - 1',
    body: nativeArticle({ id: 'ver-3', version: Number.MAX_SAFE_INTEGER }),
    contentType: 'application/json',
    status: 400,
    code: 'invalid-version',
  },
  {
    name: 'native JSON version -1',
    body: nativeArticle({ id: 'ver-4', version: -1 }),
    contentType: 'application/json',
    status: 400,
    code: 'invalid-version',
    detail: /\/version/,
  },
  {
    name: 'native JSON version 1e20',
    body: '{"id":"ver-5","title":"A title","body":"A body of text.","version":1e20}',
    contentType: 'application/json',
    status: 400,
    code: 'invalid-version',
    detail: /\/version/,
  },
  {
    name: 'native JSON version "2" (a string)',
    body: nativeArticle({ id: 'ver-6', version: '2' }),
    contentType: 'application/json',
    status: 400,
    code: 'invalid-version',
    detail: /\/version/,
  },
  {
    name: 'NewsML-G2 version="2147483648"',
    body: NEWSML_V1.replace(/version="1"/, 'version="2147483648"'),
    contentType: NEWSML,
    status: 400,
    code: 'invalid-version',
  },
  {
    name: 'NewsML-G2 version="-1"',
    body: NEWSML_V1.replace(/version="1"/, 'version="-1"'),
    contentType: NEWSML,
    status: 400,
    code: 'invalid-version',
  },
  {
    name: 'ninjs version "99999999999" (a string)',
    body: JSON.stringify({ ...NINJS, uri: 'urn:test:ninjs-version', version: '99999999999' }),
    contentType: 'application/json',
    status: 400,
    code: 'invalid-version',
  },
  {
    name: 'NITF du-key version="4294967296"',
    body: Buffer.from(NITF.replace(/<du-key version="2"/, '<du-key version="4294967296"'), 'latin1'),
    contentType: 'application/xml',
    status: 400,
    code: 'invalid-version',
  },
  // Over-long or malformed query parameters name the parameter.
  {
    name: 'a 3,000-character source of random characters',
    body: 'Some article text that is long enough to be a paragraph of a page.',
    contentType: 'text/plain',
    query: `source=${encodeURIComponent(randomText(3000))}`,
    status: 400,
    code: 'invalid-parameter',
    check: (a) => expect(a['parameter']).toBe('source'),
  },
  {
    name: 'a source one character over the limit',
    body: 'Some article text that is long enough to be a paragraph of a page.',
    contentType: 'text/plain',
    query: `source=${'s'.repeat(FIELD_LIMITS.sourceName + 1)}`,
    status: 400,
    code: 'invalid-parameter',
    detail: /source is 201 characters long/,
  },
  {
    name: 'a source given twice',
    body: 'Some article text that is long enough to be a paragraph of a page.',
    contentType: 'text/plain',
    query: 'source=a&source=b',
    status: 400,
    code: 'invalid-parameter',
    check: (a) => expect(a['parameter']).toBe('source'),
  },
  {
    name: 'a source with a NUL',
    body: 'Some article text that is long enough to be a paragraph of a page.',
    contentType: 'text/plain',
    query: 'source=Wire%00Desk',
    status: 400,
    code: 'invalid-parameter',
    check: (a) => expect(a['parameter']).toBe('source'),
  },
  {
    name: 'a 5,000-character url',
    body: 'Some article text that is long enough to be a paragraph of a page.',
    contentType: 'text/plain',
    query: `url=${encodeURIComponent(`https://example.com/${'a'.repeat(5000)}`)}`,
    status: 400,
    code: 'invalid-parameter',
    check: (a) => expect(a['parameter']).toBe('url'),
  },
  {
    name: 'a url one character over 2,048',
    body: 'Some article text that is long enough to be a paragraph of a page.',
    contentType: 'text/plain',
    query: `url=${encodeURIComponent(`https://example.com/${'a'.repeat(2049 - 20)}`)}`,
    status: 400,
    code: 'invalid-parameter',
    detail: /url is 2049 characters long/,
  },
  {
    name: 'a 20,000-character source (past the 16 KB header limit): 431 problem+json',
    body: 'Some article text.',
    contentType: 'text/plain',
    query: `source=${'s'.repeat(20000)}`,
    status: 431,
    code: 'headers-too-large',
  },
  // Sizes: items over INGEST_MAX_ITEM_BYTES, requests over INGEST_MAX_ITEMS.
  {
    name: 'a 1.1 MB text article (over INGEST_MAX_ITEM_BYTES)',
    body: PROSE_1_1_MB,
    contentType: 'text/plain; charset=utf-8',
    status: 413,
    code: 'item-too-large',
    detail: /over the limit of 1048576 bytes/,
  },
  {
    name: 'a native JSON article whose body escapes past the item limit',
    body: nativeArticle({ id: 'big-escaped', body: '"'.repeat(600 * 1024) }),
    contentType: 'application/json',
    status: 413,
    code: 'item-too-large',
  },
  {
    name: 'a batch with one item over the item limit: listed in refused, the other accepted',
    body: JSON.stringify([
      { id: 'big-in-batch', title: 'Big', body: PROSE_1_1_MB },
      { id: 'small-in-batch', title: 'Small', body: 'A small article of a sentence.' },
    ]),
    contentType: 'application/json',
    status: 202,
    check: (a) => {
      expect(a['accepted']).toEqual([expect.objectContaining({ title: 'Small' })]);
      expect(a['refused']).toEqual([expect.objectContaining({ index: 0, code: 'item-too-large' })]);
    },
  },
  {
    name: '1,001 items in one request (over INGEST_MAX_ITEMS)',
    body: JSON.stringify(
      Array.from({ length: 1001 }, (_, i) => ({ id: `many-${i}`, title: `Item ${i}`, body: 'Short.' })),
    ),
    contentType: 'application/json',
    status: 413,
    code: 'too-many-items',
    detail: /1001 items, over the limit of 1000/,
  },
  {
    name: '1,001 entries in an RSS feed',
    body: rssWith(1001),
    contentType: 'application/rss+xml',
    status: 413,
    code: 'too-many-items',
  },
];

describe('bad input (integration)', () => {
  let environment: IsolatedEnvironment;
  let app: INestApplication;
  let url: string;
  const errorLog: string[] = [];

  beforeAll(async () => {
    environment = await createIsolatedEnvironment('badinput');
    const config = loadIngestorConfig(environment.env);
    // Errors only, captured: the 500 test below reads what a failure writes to the log.
    const logger = createLogger(
      'ingestor',
      'error',
      new Writable({ write: (chunk: Buffer, _encoding, done) => (errorLog.push(chunk.toString()), done()) }),
    );
    app = await startHttpService({
      service: 'ingestor',
      description: 'test',
      rootModule: AppModule.register(config, logger),
      logger,
      port: 0,
      host: '127.0.0.1',
      bodyParser: false,
    });
    url = await app.getUrl();
  });

  afterAll(async () => {
    await app?.close();
    await environment?.teardown();
  });

  const post = (
    body: string | Uint8Array,
    contentType?: string,
    query?: string,
    headers: Record<string, string> = { 'x-api-key': 'test-key' },
  ) =>
    fetch(`${url}/v1/ingest${query ? `?${query}` : ''}`, {
      method: 'POST',
      headers: { ...headers, ...(contentType ? { 'content-type': contentType } : {}) },
      body,
    });

  it.each(CASES)('$name → $status', async ({ body, contentType, query, status, code, detail, check }) => {
    const started = Date.now();
    const res = await post(body, contentType, query);
    const text = await res.text();
    const answer = JSON.parse(text) as Record<string, unknown>;
    expect({ status: res.status, code: answer['code'], detail: answer['detail'] }).toMatchObject({
      status,
      ...(code ? { code } : {}),
    });
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

  it('stores nothing of a refused item in a batch, and every batch-mate before and after it, in one transaction', async () => {
    const dataSource = app.get<DataSource>(DATA_SOURCE);
    const batch = `[${['tx-before', 'tx-bad', 'tx-after'].map((id) => nativeArticle({ id, title: id === 'tx-bad' ? 'Bad \ud800' : `Good ${id}` })).join(',')}]`;
    const res = await post(batch, 'application/json');
    expect(res.status).toBe(202);
    const answer = (await res.json()) as {
      accepted: { id: string; title: string }[];
      refused: { index: number; code: string }[];
    };
    expect(answer.accepted.map((a) => a.title)).toEqual(['Good tx-before', 'Good tx-after']);
    expect(answer.refused).toEqual([expect.objectContaining({ index: 1, code: 'invalid-characters' })]);
    const stored = (await dataSource.query(
      `SELECT item->>'title' AS title FROM raw_articles WHERE item->>'externalId' LIKE 'tx-%' ORDER BY 1`,
    )) as { title: string }[];
    expect(stored.map((r) => r.title)).toEqual(['Good tx-after', 'Good tx-before']);
    const events = (await dataSource.query(
      `SELECT envelope->'payload'->'item'->>'title' AS title FROM outbox WHERE envelope->'payload'->'item'->>'externalId' LIKE 'tx-%' ORDER BY id`,
    )) as { title: string }[];
    expect(events.map((r) => r.title)).toEqual(['Good tx-before', 'Good tx-after']);
  });

  it.each([
    [
      'an Atom feed title',
      () => ATOM.replace('<title type="text">', `<title type="text">${'Harbour Gazette '.repeat(200)}`),
      'application/atom+xml',
    ],
    [
      'an HTML og:site_name',
      () =>
        html(
          `<title>Night ferry</title><meta property="og:site_name" content="${'Coastal Courier '.repeat(200)}">`,
          '<article><h1>Night ferry</h1><p>Councillors approved a six-month pilot of night ferries on Tuesday evening.</p></article>',
        ),
      'text/html',
    ],
  ])(
    'caps a 3,200-character source name from %s (accepted, its event carries at most 200 characters)',
    async (_label, body, contentType) => {
      const res = await post(body(), contentType);
      expect(res.status).toBe(202);
      const { accepted } = (await res.json()) as { accepted: { id: string }[] };
      const rows = (await app
        .get<DataSource>(DATA_SOURCE)
        .query(`SELECT envelope->'payload'->'source' AS source FROM outbox WHERE message_key = $1`, [
          accepted[0]!.id,
        ])) as { source: { id: string; name: string } }[];
      expect(rows[0]!.source.name.length).toBeLessThanOrEqual(FIELD_LIMITS.sourceName);
      expect(rows[0]!.source.id.length).toBeLessThanOrEqual(FIELD_LIMITS.sourceName);
      expect(rows[0]!.source.name).toMatch(/^(Harbour Gazette|Coastal Courier)/);
    },
  );

  describe('kills always apply, even at the top version', () => {
    const versionsOf = async (id: string) =>
      (await app
        .get<DataSource>(DATA_SOURCE)
        .query('SELECT version, pub_status FROM raw_articles WHERE id = $1 ORDER BY version', [id])) as {
        version: number;
        pub_status: string;
      }[];

    it('native JSON: a kill at version 2147483646 is stored as 2147483647, and a later change is refused (409)', async () => {
      const top = await post(nativeArticle({ id: 'top-native', version: 2147483646 }), 'application/json');
      expect(top.status).toBe(202);
      const [stored] = ((await top.json()) as { accepted: { id: string; version: number }[] }).accepted;
      expect(stored).toMatchObject({ version: 2147483646 });
      const kill = await post(
        nativeArticle({ id: 'top-native', version: 2147483646, pubStatus: 'withdrawn' }),
        'application/json',
      );
      expect(kill.status).toBe(202);
      expect(((await kill.json()) as { accepted: unknown[] }).accepted).toEqual([
        expect.objectContaining({ id: stored!.id, version: 2147483647, pubStatus: 'withdrawn', duplicate: false }),
      ]);
      expect(await versionsOf(stored!.id)).toEqual([
        { version: 2147483646, pub_status: 'usable' },
        { version: 2147483647, pub_status: 'withdrawn' },
      ]);
      const again = await post(nativeArticle({ id: 'top-native', pubStatus: 'canceled' }), 'application/json');
      expect(again.status).toBe(202);
      expect(((await again.json()) as { accepted: unknown[] }).accepted).toEqual([
        expect.objectContaining({ version: 2147483647, duplicate: true }),
      ]);
      const change = await post(
        nativeArticle({ id: 'top-native', body: 'A change with no number and no version left.' }),
        'application/json',
      );
      expect(change.status).toBe(409);
      const problem = (await change.json()) as Record<string, unknown>;
      expectProblem(change, problem, 409);
      expect(problem).toMatchObject({ code: 'version-exhausted' });
    });

    it('NewsML-G2: a stat:canceled at version 2147483646 is stored as 2147483647', async () => {
      const top = NEWSML_V1.replace(/version="1"/, 'version="2147483646"').replace(
        /urn:newsml:[^"]+/,
        (guid) => `${guid}-top`,
      );
      const first = await post(top, NEWSML);
      expect(first.status).toBe(202);
      const [stored] = ((await first.json()) as { accepted: { id: string; version: number }[] }).accepted;
      const kill = await post(top.replace('stat:usable', 'stat:canceled'), NEWSML);
      expect(kill.status).toBe(202);
      expect(((await kill.json()) as { accepted: unknown[] }).accepted).toEqual([
        expect.objectContaining({ id: stored!.id, version: 2147483647, pubStatus: 'withdrawn' }),
      ]);
      expect((await versionsOf(stored!.id)).map((v) => [v.version, v.pub_status])).toEqual([
        [2147483646, 'usable'],
        [2147483647, 'withdrawn'],
      ]);
    });
  });

  describe('the API key is checked before the body is read', () => {
    it('answers a 10.5 MB body without a key (and without a Content-Type) with 401 problem+json', async () => {
      const started = Date.now();
      const res = await post(Buffer.alloc(10.5 * 1024 * 1024, 0x61), undefined, undefined, {}).catch(
        (error: unknown) => error as Error,
      );
      // The server answers at once and drops the rest of the upload as it comes, so the client reads the answer.
      if (res instanceof Error) throw res;
      expect(res.status).toBe(401);
      expectProblem(res, (await res.json()) as Record<string, unknown>, 401);
      expect(Date.now() - started).toBeLessThan(5000);
    });

    it.each([
      ['no key', {}, 401, 'api-key-missing'],
      ['a wrong key', { 'x-api-key': 'guess' }, 403, 'api-key-invalid'],
    ])(
      'answers %s at once, without waiting for a 10 MB upload that never comes, and closes the connection soon after',
      async (_label, headers, status, code) => {
        const { port } = new URL(url);
        const socket = net.connect(Number(port), '127.0.0.1');
        await once(socket, 'connect');
        const head = Object.entries({
          ...headers,
          'content-type': 'text/plain',
          'content-length': String(10 * 1024 * 1024),
        })
          .map(([k, v]) => `${k}: ${v}\r\n`)
          .join('');
        socket.write(`POST /v1/ingest HTTP/1.1\r\nhost: 127.0.0.1\r\n${head}\r\n`);
        socket.write(Buffer.alloc(64 * 1024, 0x61)); // a small part of what the headers announce
        let received = '';
        socket.on('data', (chunk: Buffer) => (received += chunk.toString('latin1')));
        const closed = once(socket, 'close');
        const started = Date.now();
        await waitFor(() => /\r\n\r\n\{/.test(received) && received.trimEnd().endsWith('}'), 3000);
        expect(received).toMatch(new RegExp(`^HTTP/1.1 ${status} `));
        expect(received).toMatch(/content-type: application\/problem\+json/i);
        expect(received).toContain(`"code":"${code}"`);
        await Promise.race([
          closed,
          new Promise((_, reject) => setTimeout(() => reject(new Error('connection left open')), 5000)),
        ]);
        expect(Date.now() - started).toBeLessThan(5000);
        socket.destroy();
      },
    );
  });

  it('answers a 500 with an errorId and logs that id without SQL, parameters or the query string', async () => {
    const dataSource = app.get<DataSource>(DATA_SOURCE);
    errorLog.length = 0;
    // A failure no input can cause: the raw table is gone for a moment.
    await dataSource.query('ALTER TABLE raw_articles RENAME TO raw_articles_hidden');
    let res: Response;
    try {
      res = await post(
        nativeArticle({ id: 'five-hundred', body: 'A confidential article body that must never reach a log.' }),
        'application/json',
        'source=Desk&token=secret-in-query',
      );
    } finally {
      await dataSource.query('ALTER TABLE raw_articles_hidden RENAME TO raw_articles');
    }
    expect(res.status).toBe(500);
    const answer = (await res.json()) as Record<string, unknown>;
    expect(answer).toMatchObject({
      code: 'internal',
      errorId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      instance: '/v1/ingest',
    });
    const failed = errorLog
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .find((l) => l['errorId'] === answer['errorId']);
    expect(failed).toMatchObject({
      msg: 'request failed',
      path: '/v1/ingest',
      err: { code: '42P01', message: expect.stringMatching(/raw_articles/) },
    });
    expect(errorLog.join('')).not.toMatch(/confidential|secret-in-query|INSERT INTO|PARAMETERS/);
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
  expect(answer).toMatchObject({
    type: expect.stringMatching(/^https:\/\/wirestream\.dev\/problems\//),
    title: expect.any(String),
    status,
    detail: expect.any(String),
    code: expect.any(String),
  });
  expect((answer['detail'] as string).length).toBeGreaterThan(5);
}

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
