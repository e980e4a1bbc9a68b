import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { CliUsageError, type CliIo } from '../cli-command';
import { enrichCommand } from './enrich';

function capture(): { io: CliIo; out: () => string; err: () => string } {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  return { io: { stdout, stderr, env: {} }, out: () => out, err: () => err };
}

const TEXT_PAGE = `| Welcome to Harbour Times |

Thursday, March 12, 2026

Port expansion approved after decade-long dispute

The regional council approved a long-delayed expansion of the container port on Thursday, ending a dispute with fishing cooperatives that had run for more than ten years.

Council members voted nine to two in favour of the plan, which will add two deep-water berths and a rail link to the inland depot.

Harbour Times`;

const HTML_PAGE = `<!doctype html><html lang="en"><head><title>Storm closes ports</title>
<meta property="article:published_time" content="2026-01-15T06:30:00+01:00"><meta property="og:site_name" content="Coastal Courier"></head>
<body><article><h1>Storm closes ports</h1><p>Ports along the coast closed on Monday as a winter storm brought winds of more than 120 km/h to the region.</p>
<p>Ferries were cancelled and flights delayed, officials said, and schools in three districts stayed shut.</p></article></body></html>`;

describe('wirestream enrich', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'ws-enrich-'));
    writeFileSync(path.join(dir, 'page.txt'), TEXT_PAGE);
    writeFileSync(path.join(dir, 'page.html'), HTML_PAGE);
    writeFileSync(path.join(dir, 'empty.txt'), '');
    writeFileSync(path.join(dir, 'bad.txt'), Buffer.from([0x66, 0x6f, 0xff, 0x6f]));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints one JSON line per article with its file, and exits 0', async () => {
    const { io, out, err } = capture();
    const code = await enrichCommand.run(
      [path.join(dir, 'page.txt'), path.join(dir, 'page.html'), '--source', 'Local Desk'],
      io,
    );
    expect(code).toBe(0);
    expect(err()).toBe('');
    const lines = out()
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({
      file: path.join(dir, 'page.txt'),
      title: 'Port expansion approved after decade-long dispute',
      publishedAt: '2026-03-12T00:00:00.000Z',
      language: 'en',
      source: { id: 'local-desk', name: 'Local Desk' },
    });
    expect(lines[1]).toMatchObject({
      file: path.join(dir, 'page.html'),
      title: 'Storm closes ports',
      publishedAt: '2026-01-15T05:30:00.000Z',
    });
    expect(String(lines[1]?.['body'])).toContain('Ferries were cancelled');
    expect(lines[0]?.['id']).toEqual(expect.any(String));
  });

  it('honours --format and --url', async () => {
    const { io, out } = capture();
    const code = await enrichCommand.run(
      ['--format', 'html', '--url', 'https://courier.example/2026/01/15/storm', path.join(dir, 'page.html')],
      io,
    );
    expect(code).toBe(0);
    const article = JSON.parse(out().trim()) as { url: string; canonicalUrl: string };
    expect(article.url).toBe('https://courier.example/2026/01/15/storm');
  });

  it('reports bad inputs on stderr as problem objects, still prints the good ones, and exits 2', async () => {
    const { io, out, err } = capture();
    const files = [
      path.join(dir, 'empty.txt'),
      path.join(dir, 'page.txt'),
      path.join(dir, 'missing.txt'),
      path.join(dir, 'bad.txt'),
    ];
    const code = await enrichCommand.run(files, io);
    expect(code).toBe(2);
    expect(out().trim().split('\n')).toHaveLength(1);
    const problems = err()
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { file: string; type: string; detail: string });
    expect(problems.map((p) => p.file)).toEqual([files[0], files[2], files[3]]);
    expect(problems[0]?.type).toMatch(/empty-body/);
    expect(problems[1]?.type).toMatch(/unreadable-file/);
    expect(problems[2]?.type).toMatch(/invalid-encoding/);
  });

  it('rejects usage errors (the CLI runner turns them into exit 2 with the usage text)', async () => {
    const { io } = capture();
    await expect(enrichCommand.run(['--format', 'pdf', 'x'], io)).rejects.toThrow(CliUsageError);
    await expect(enrichCommand.run(['--format', 'pdf', 'x'], io)).rejects.toThrow(/--format must be one of/);
    await expect(enrichCommand.run([], io)).rejects.toThrow(CliUsageError);
    await expect(enrichCommand.run(['--bogus', 'x'], io)).rejects.toThrow(/unknown option/);
  });
});
