import { PassThrough } from 'node:stream';
import { DEVELOPMENT_API_KEY } from '@wirestream/contracts';
import type { CliIo } from '../cli-command';
import { reindexCommand } from './reindex';

function capture(env: NodeJS.ProcessEnv = {}): { io: CliIo; out: () => string; err: () => string } {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  return {
    io: { stdout, stderr, env: { INDEXER_URL: 'http://indexer.test', ...env } },
    out: () => out,
    err: () => err,
  };
}

const job = (overrides: Record<string, unknown>) => ({
  id: 'job-1',
  state: 'running',
  phase: 'copying',
  total: 10,
  copied: 0,
  rejected: 0,
  caughtUp: 0,
  newIndex: 'articles-v1-000002',
  oldIndices: [],
  error: null,
  rejections: [],
  ...overrides,
});

describe('wirestream reindex', () => {
  const realFetch = globalThis.fetch;
  let calls: { url: string; method: string; key: string | null }[];
  afterEach(() => {
    globalThis.fetch = realFetch;
  });

  function answer(responses: { status: number; body: unknown }[]): void {
    calls = [];
    globalThis.fetch = (async (url: string | URL, init?: RequestInit) => {
      const headers = (init?.headers ?? {}) as Record<string, string>;
      calls.push({ url: String(url), method: init?.method ?? 'GET', key: headers['x-api-key'] ?? null });
      const next = responses.shift()!;
      return new Response(JSON.stringify(next.body), {
        status: next.status,
        headers: { 'content-type': 'application/json' },
      });
    }) as typeof fetch;
  }

  it('starts the job with the API key, follows it to the end with progress, and prints a summary', async () => {
    answer([
      { status: 202, body: job({}) },
      { status: 200, body: job({ copied: 5 }) },
      { status: 200, body: job({ copied: 10, phase: 'catching-up', caughtUp: 2 }) },
      {
        status: 200,
        body: job({
          state: 'succeeded',
          phase: 'done',
          copied: 10,
          caughtUp: 2,
          rejected: 1,
          oldIndices: ['articles-v1-000001'],
          rejections: [{ id: 'a', reason: 'mapper_parsing_exception' }],
        }),
      },
    ]);
    const { io, out, err } = capture({ WIRESTREAM_API_KEY: 'admin-key' });
    expect(await reindexCommand.run(['--poll-ms', '1'], io)).toBe(0);
    expect(calls[0]).toEqual({ url: 'http://indexer.test/v1/admin/reindex', method: 'POST', key: 'admin-key' });
    expect(
      calls.slice(1).every((c) => c.url === 'http://indexer.test/v1/admin/reindex/job-1' && c.method === 'GET'),
    ).toBe(true);
    expect(err()).toMatch(/reindex \[#+-*\] 5\/10 copying/);
    expect(err()).toMatch(/catching-up \(caught up 2\)/);
    expect(out()).toMatch(
      /10 article\(s\) copied into articles-v1-000002, 2 caught up after the swap, 1 rejected by the engine; deleted articles-v1-000001/,
    );
    expect(out()).toMatch(/rejected a: mapper_parsing_exception/);
  });

  it('exits 1 with the reason when the indexer refuses or the job fails', async () => {
    answer([{ status: 403, body: { detail: 'The API key is not an admin key of this service' } }]);
    const refused = capture();
    expect(await reindexCommand.run([], refused.io)).toBe(1);
    expect(refused.err()).toMatch(/HTTP 403\): The API key is not an admin key/);
    expect(calls[0]!.key).toBe(DEVELOPMENT_API_KEY);

    answer([
      { status: 202, body: job({}) },
      { status: 200, body: job({ state: 'failed', phase: 'copying', error: 'engine down' }) },
    ]);
    const failed = capture();
    expect(await reindexCommand.run(['--poll-ms=1'], failed.io)).toBe(1);
    expect(failed.err()).toMatch(/reindex failed in phase copying: engine down/);
  });

  it('--no-wait prints the job id and returns', async () => {
    answer([{ status: 202, body: job({}) }]);
    const { io, out } = capture();
    expect(await reindexCommand.run(['--no-wait'], io)).toBe(0);
    expect(out()).toBe('job-1\n');
    expect(calls).toHaveLength(1);
  });
});
