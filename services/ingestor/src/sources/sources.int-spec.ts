/**
 * Feed sources against the real stack: the CRUD API, polls of a feed served on 127.0.0.1 by this test (allow-listed),
 * conditional GET, health, and the SSRF refusals (non-allow-listed loopback, metadata, redirects to loopback).
 */
import type { INestApplication } from '@nestjs/common';
import { DATA_SOURCE, type DataSource } from '@wirestream/persistence';
import { createLogger, startHttpService } from '@wirestream/platform';
import { createIsolatedEnvironment, selectCount, type IsolatedEnvironment } from '@wirestream/testing';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import path from 'node:path';
import { AppModule } from '../app.module';
import { loadIngestorConfig } from '../config/ingestor.config';
import { FeedFetcher } from './feed-fetcher';
import { SourcePollerService } from './source-poller.service';

const RSS = readFileSync(path.resolve(__dirname, '../../../../libs/formats/src/__samples__/rss-3-items.xml'));
const FEED_ETAG = '"rss-3-items-v1"';

interface SeenRequest {
  url: string;
  headers: IncomingMessage['headers'];
}

describe('feed sources (integration)', () => {
  let environment: IsolatedEnvironment;
  let app: INestApplication;
  let url: string;
  let dataSource: DataSource;
  let feedServer: Server;
  let feedBase: string;
  const seen: SeenRequest[] = [];
  let honourEtag = true;

  beforeAll(async () => {
    feedServer = createServer((req: IncomingMessage, res: ServerResponse) => {
      seen.push({ url: req.url ?? '', headers: req.headers });
      const port = (feedServer.address() as { port: number }).port;
      if (req.url === '/feed.xml') {
        if (honourEtag && req.headers['if-none-match'] === FEED_ETAG)
          return void res.writeHead(304, { etag: FEED_ETAG }).end();
        return void res
          .writeHead(200, {
            'content-type': 'application/rss+xml; charset=utf-8',
            etag: honourEtag ? FEED_ETAG : `"${Date.now()}"`,
          })
          .end(RSS);
      }
      if (req.url === '/redirect-to-localhost')
        return void res.writeHead(302, { location: `http://localhost:${port}/feed.xml` }).end();
      if (req.url === '/redirect-to-metadata')
        return void res.writeHead(301, { location: 'http://169.254.169.254/latest/meta-data/' }).end();
      if (req.url?.startsWith('/loop'))
        return void res.writeHead(302, { location: `/loop${Number(req.url.slice(5) || 0) + 1}` }).end();
      if (req.url === '/huge')
        return void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(Buffer.alloc(64 * 1024, 0x20));
      if (req.url === '/slow') return void setTimeout(() => res.writeHead(200).end('late'), 3000).unref();
      if (req.url === '/gone') return void res.writeHead(404).end();
      res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => feedServer.listen(0, '127.0.0.1', resolve));
    feedBase = `http://127.0.0.1:${(feedServer.address() as { port: number }).port}`;

    environment = await createIsolatedEnvironment('sources');
    // Only 127.0.0.1 is allow-listed: `localhost` (same machine, other name) must still be refused.
    const config = loadIngestorConfig({
      ...environment.env,
      FEED_FETCH_ALLOWED_HOSTS: '127.0.0.1',
      FEED_POLL_TICK_MS: '0',
      SOURCE_SECRETS_KEY: 'sources-int-spec-secret',
    });
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
    url = await app.getUrl();
    dataSource = app.get<DataSource>(DATA_SOURCE);
  });

  afterAll(async () => {
    await app?.close();
    feedServer?.closeAllConnections();
    await new Promise((r) => feedServer?.close(r));
    await environment?.teardown();
  });

  const api = (method: string, route: string, body?: unknown, headers: Record<string, string> = {}) =>
    fetch(`${url}${route}`, {
      method,
      headers: {
        'x-api-key': 'test-key',
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
    });

  async function register(body: Record<string, unknown>): Promise<{ id: string; authHeaders: Record<string, string> }> {
    const res = await api('POST', '/v1/sources', body);
    expect(res.status).toBe(201);
    return (await res.json()) as { id: string; authHeaders: Record<string, string> };
  }

  const poll = async (id: string) => {
    const res = await api('POST', `/v1/sources/${id}/poll`);
    expect(res.status).toBe(200);
    return (await res.json()) as {
      status: string;
      itemsSeen: number;
      itemsNew: number;
      duplicates: number;
      error: { code: string; detail: string } | null;
    };
  };

  const health = async (id: string) =>
    (await (await fetch(`${url}/v1/sources/${id}/health`)).json()) as Record<string, unknown> & {
      lastError: { code: string; detail: string } | null;
    };

  const rawCount = async () => selectCount(dataSource, 'SELECT count(*)::int AS n FROM raw_articles');

  it('polls an allow-listed feed twice and ingests its items once (second poll is a 304 for the ETag it was given)', async () => {
    const source = await register({
      name: 'Harbourside Courier',
      url: `${feedBase}/feed.xml`,
      format: 'auto',
      pollIntervalSeconds: 60,
      authHeaders: { Authorization: 'Bearer feed-s3cret' },
    });
    expect(source.authHeaders).toEqual({ Authorization: '[redacted]' });

    const first = await poll(source.id);
    expect(first).toMatchObject({ status: 'fetched', itemsSeen: 3, itemsNew: 3, duplicates: 0, error: null });
    expect(await rawCount()).toBe(3);
    const feedRequests = seen.filter((r) => r.url === '/feed.xml');
    expect(feedRequests[0]!.headers['authorization']).toBe('Bearer feed-s3cret');
    expect(feedRequests[0]!.headers['if-none-match']).toBeUndefined();

    const second = await poll(source.id);
    expect(second).toMatchObject({ status: 'not-modified', itemsSeen: 0, itemsNew: 0 });
    expect(seen.filter((r) => r.url === '/feed.xml').at(-1)!.headers['if-none-match']).toBe(FEED_ETAG);
    expect(await rawCount()).toBe(3);

    const h = await health(source.id);
    expect(h).toMatchObject({ status: 'ok', itemsSeen: 3, itemsNew: 3, lastError: null, consecutiveFailures: 0 });
    expect(h['lastSuccessAt']).toEqual(expect.any(String));
    expect(h['lastNewItemAt']).toEqual(expect.any(String));
  });

  it('answers unchanged items from a server that ignores conditional GET as duplicates (nothing stored twice)', async () => {
    honourEtag = false;
    try {
      const source = await register({ name: 'Harbourside Courier', url: `${feedBase}/feed.xml` });
      const outcome = await poll(source.id);
      expect(outcome).toMatchObject({ status: 'fetched', itemsSeen: 3, itemsNew: 0, duplicates: 3 });
      expect(await rawCount()).toBe(3);
      expect(await health(source.id)).toMatchObject({ itemsSeen: 3, itemsNew: 0, lastNewItemAt: null });
    } finally {
      honourEtag = true;
    }
  });

  it('refuses a loopback URL whose host is not allow-listed, and records why in the source health', async () => {
    const before = seen.length;
    const port = (feedServer.address() as { port: number }).port;
    for (const target of [
      `http://localhost:${port}/feed.xml`,
      `http://[::ffff:127.0.0.1]:${port}/feed.xml`,
      'http://169.254.169.254/latest/meta-data/',
      'http://10.0.0.1/feed.xml',
    ]) {
      const source = await register({ url: target });
      const outcome = await poll(source.id);
      expect(outcome).toMatchObject({ status: 'failed', itemsSeen: 0, error: { code: 'address-refused' } });
      const h = await health(source.id);
      expect(h).toMatchObject({ status: 'failing', consecutiveFailures: 1, lastError: { code: 'address-refused' } });
      expect(h.lastError!.detail).toMatch(/(loopback|metadata|private) address/);
    }
    expect(seen.length).toBe(before); // no request ever reached the feed server
  });

  it('re-checks every redirect: an allow-listed host redirecting to loopback or metadata is refused', async () => {
    for (const [route, kind] of [
      ['/redirect-to-localhost', 'loopback'],
      ['/redirect-to-metadata', 'metadata'],
    ] as const) {
      const source = await register({ url: `${feedBase}${route}` });
      const outcome = await poll(source.id);
      expect(outcome.error).toMatchObject({ code: 'address-refused' });
      expect(outcome.error!.detail).toContain(`a ${kind} address`);
    }
    expect(seen.some((r) => r.url === '/feed.xml' && r.headers.host?.startsWith('localhost'))).toBe(false);
  });

  it('records HTTP errors in the health and clears the failure state on the next success', async () => {
    const source = await register({ url: `${feedBase}/gone` });
    expect((await poll(source.id)).error).toMatchObject({ code: 'feed-http-error' });
    const patched = await api('PATCH', `/v1/sources/${source.id}`, { url: `${feedBase}/feed.xml` });
    expect(patched.status).toBe(200);
    expect((await poll(source.id)).status).toBe('fetched');
    expect(await health(source.id)).toMatchObject({
      status: 'ok',
      consecutiveFailures: 0,
      lastError: { code: 'feed-http-error' },
    });
  });

  it('the background poller polls due enabled sources and skips disabled ones', async () => {
    const enabled = await register({ url: `${feedBase}/feed.xml`, name: 'due' });
    const disabled = await register({ url: `${feedBase}/feed.xml`, name: 'off', enabled: false });
    await app.get(SourcePollerService).tick();
    expect((await health(enabled.id))['lastPolledAt']).toEqual(expect.any(String));
    expect(await health(disabled.id)).toMatchObject({ status: 'never-polled', lastPolledAt: null });
    // Just polled: not due again for pollIntervalSeconds.
    const polledBefore = seen.length;
    await app.get(SourcePollerService).tick();
    expect(seen.length).toBe(polledBefore);
  });

  describe('the sources API', () => {
    it('never returns or stores auth header values in clear', async () => {
      const source = await register({
        url: `${feedBase}/feed.xml`,
        authHeaders: { 'X-Partner-Key': 'partner-s3cret' },
      });
      const listed = await (await fetch(`${url}/v1/sources`)).text();
      const one = await (await fetch(`${url}/v1/sources/${source.id}`)).text();
      for (const text of [listed, one]) {
        expect(text).not.toContain('partner-s3cret');
        expect(text).toContain('"X-Partner-Key":"[redacted]"');
      }
      const [row] = (await dataSource.query(
        'SELECT auth_headers_sealed::text AS sealed FROM feed_sources WHERE id = $1',
        [source.id],
      )) as { sealed: string }[];
      expect(row!.sealed).toMatch(/^v1\./);
      expect(row!.sealed).not.toContain('partner-s3cret');
    });

    it('answers per-field problems for a bad body', async () => {
      const res = await api('POST', '/v1/sources', {
        url: 'file:///etc/passwd',
        pollIntervalSeconds: 0,
        format: 'docx',
        enabled: 'yes',
        colour: 'red',
      });
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      const problem = (await res.json()) as {
        code: string;
        type: string;
        title: string;
        detail: string;
        errors: { path: string; message: string }[];
      };
      expect(problem).toMatchObject({ code: 'invalid-source', title: 'Bad Request', status: 400 });
      expect(problem.errors.map((e) => e.path).sort()).toEqual([
        '/',
        '/enabled',
        '/format',
        '/pollIntervalSeconds',
        '/url',
      ]);
    });

    it('refuses malformed JSON (400), a non-JSON body (415) and an oversized body (413) with problem+json', async () => {
      const malformed = await api('POST', '/v1/sources', '{"url": "http://x', {});
      expect(malformed.status).toBe(400);
      expect(await malformed.json()).toMatchObject({ code: 'malformed-json' });
      const form = await api('POST', '/v1/sources', undefined, { 'content-type': 'application/x-www-form-urlencoded' });
      expect(form.status).toBe(415);
      expect(await form.json()).toMatchObject({ code: 'unsupported-media-type', status: 415 });
      const huge = await api('POST', '/v1/sources', { url: `${feedBase}/feed.xml`, name: 'x'.repeat(100_000) });
      expect(huge.status).toBe(413);
      expect(await huge.json()).toMatchObject({ code: 'payload-too-large' });
    });

    it('needs the API key for writes (401 missing, 403 wrong) but not for reads', async () => {
      const missing = await fetch(`${url}/v1/sources`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ url: `${feedBase}/feed.xml` }),
      });
      expect(missing.status).toBe(401);
      expect(await missing.json()).toMatchObject({ code: 'api-key-missing' });
      const source = await register({ url: `${feedBase}/feed.xml` });
      for (const [method, route] of [
        ['PATCH', `/v1/sources/${source.id}`],
        ['DELETE', `/v1/sources/${source.id}`],
        ['POST', `/v1/sources/${source.id}/poll`],
      ] as const) {
        const wrong = await api(method, route, method === 'PATCH' ? { enabled: false } : undefined, {
          'x-api-key': 'nope',
        });
        expect(wrong.status).toBe(403);
      }
      expect((await fetch(`${url}/v1/sources/${source.id}`)).status).toBe(200);
    });

    it('updates, deletes, and answers 404 for unknown ids', async () => {
      const source = await register({ url: `${feedBase}/feed.xml`, authHeaders: { Authorization: 'x' } });
      const patched = (await (
        await api('PATCH', `/v1/sources/${source.id}`, { enabled: false, pollIntervalSeconds: 900, authHeaders: null })
      ).json()) as Record<string, unknown>;
      expect(patched).toMatchObject({ enabled: false, pollIntervalSeconds: 900, authHeaders: {} });
      expect((await api('DELETE', `/v1/sources/${source.id}`)).status).toBe(204);
      const gone = await fetch(`${url}/v1/sources/${source.id}`);
      expect(gone.status).toBe(404);
      expect(await gone.json()).toMatchObject({ code: 'not-found' });
      expect((await fetch(`${url}/v1/sources/not-a-uuid/health`)).status).toBe(404);
    });
  });

  describe('FeedFetcher limits', () => {
    const fetcher = (over: Partial<ConstructorParameters<typeof FeedFetcher>[0]> = {}) =>
      new FeedFetcher({
        timeoutMs: 1000,
        maxBytes: 1024 * 1024,
        maxRedirects: 3,
        allowedHosts: new Set(['127.0.0.1']),
        ...over,
      });

    it('stops after the redirect limit', async () => {
      await expect(fetcher().fetch({ url: `${feedBase}/loop0` })).rejects.toMatchObject({ code: 'too-many-redirects' });
    });

    it('caps the response size', async () => {
      await expect(fetcher({ maxBytes: 4096 }).fetch({ url: `${feedBase}/huge` })).rejects.toMatchObject({
        code: 'response-too-large',
      });
    });

    it('times out a slow server', async () => {
      const started = Date.now();
      await expect(fetcher({ timeoutMs: 300 }).fetch({ url: `${feedBase}/slow` })).rejects.toMatchObject({
        code: 'feed-fetch-timeout',
      });
      expect(Date.now() - started).toBeLessThan(2000);
    });

    it('refuses a host whose DNS answer mixes public and private addresses (checks every address)', async () => {
      const rebinding = new FeedFetcher(
        { timeoutMs: 1000, maxBytes: 1024, maxRedirects: 0, allowedHosts: new Set() },
        async () => [
          { address: '93.184.216.34', family: 4 },
          { address: '127.0.0.1', family: 4 },
        ],
      );
      await expect(rebinding.fetch({ url: 'http://feeds.example.com/rss' })).rejects.toMatchObject({
        code: 'address-refused',
      });
    });

    it('connects to the address it checked, not to a second DNS answer', async () => {
      // The resolver says "feeds.test" is 127.0.0.1 (allow-listed by name): the request must land on our server.
      const pinned = new FeedFetcher(
        { timeoutMs: 1000, maxBytes: 1024 * 1024, maxRedirects: 0, allowedHosts: new Set(['feeds.test']) },
        async () => [{ address: '127.0.0.1', family: 4 }],
      );
      const port = (feedServer.address() as { port: number }).port;
      const result = await pinned.fetch({ url: `http://feeds.test:${port}/feed.xml` });
      expect(result.status).toBe('fetched');
      expect(seen.at(-1)!.headers.host).toBe(`feeds.test:${port}`);
    });
  });
});
