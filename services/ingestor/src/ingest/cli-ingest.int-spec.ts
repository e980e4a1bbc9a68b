/**
 * `wirestream ingest` (tools/cli) as a user runs it — a separate process — against this in-process ingestor:
 * a directory of three files, one bad → summary with accepted / duplicates / refused and reasons, exit code 1.
 */
import type { INestApplication } from '@nestjs/common';
import { createLogger, startHttpService } from '@wirestream/platform';
import { createIsolatedEnvironment, type IsolatedEnvironment } from '@wirestream/testing';
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AppModule } from '../app.module';
import { loadIngestorConfig } from '../config/ingestor.config';

const REPO_ROOT = path.resolve(__dirname, '../../../..');
const SAMPLES = path.join(REPO_ROOT, 'libs/formats/src/__samples__');

function runCli(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', 'tools/cli/src/main.ts', ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('wirestream ingest (CLI against the in-process ingestor)', () => {
  let environment: IsolatedEnvironment;
  let app: INestApplication;
  let env: Record<string, string>;
  let dir: string;

  beforeAll(async () => {
    environment = await createIsolatedEnvironment('cliingest');
    const config = loadIngestorConfig(environment.env);
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
    env = { INGESTOR_URL: (await app.getUrl()).replace('[::1]', '127.0.0.1'), WIRESTREAM_API_KEY: 'test-key' };
    dir = mkdtempSync(path.join(tmpdir(), 'wirestream-cli-ingest-'));
    copyFileSync(path.join(SAMPLES, 'native-article.json'), path.join(dir, 'a-partner-article.json'));
    copyFileSync(path.join(SAMPLES, 'rss-3-items.xml'), path.join(dir, 'b-courier-feed.xml'));
    writeFileSync(path.join(dir, 'c-broken.json'), '{"title": "cut off in the mid');
  });

  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await app?.close();
    await environment?.teardown();
  });

  it('posts every file, prints accepted / duplicates / refused with reasons, and exits 1 because one was refused', async () => {
    const run = await runCli(['ingest', dir], env);
    expect(run.stdout).toContain('accepted: 4  duplicates: 0  refused: 1');
    expect(run.stdout).toMatch(/refused .*c-broken\.json: malformed-json \(HTTP 400\) — .+/);
    expect(run.stderr).toContain('ingest: 3/3'); // progress (plain lines when stderr is not a terminal)
    expect(run.code).toBe(1);
  }, 60_000);

  it('counts a second run as duplicates', async () => {
    const run = await runCli(['ingest', dir], env);
    expect(run.stdout).toContain('accepted: 0  duplicates: 4  refused: 1');
    expect(run.code).toBe(1);
  }, 60_000);

  it('exits 0 when nothing was refused', async () => {
    const run = await runCli(
      ['ingest', path.join(dir, 'a-partner-article.json'), path.join(dir, 'b-courier-feed.xml')],
      env,
    );
    expect(run.stdout).toContain('accepted: 0  duplicates: 4  refused: 0');
    expect(run.code).toBe(0);
  }, 60_000);

  it('says clearly when the ingestor does not answer', async () => {
    const closedPort = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => resolve(port));
      });
    });
    const run = await runCli(['ingest', path.join(dir, 'a-partner-article.json')], {
      ...env,
      INGESTOR_URL: `http://127.0.0.1:${closedPort}`,
    });
    expect(run.stdout).toContain(
      `a-partner-article.json: ECONNREFUSED — the ingestor does not answer at http://127.0.0.1:${closedPort}`,
    );
    expect(run.code).toBe(1);
  }, 60_000);
});
