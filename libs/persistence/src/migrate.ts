/* `npm run db:migrate` — creates the database if missing, then applies pending migrations. */
import { Client } from 'pg';
import { createDataSource } from './data-source';

/** Runs `work` on the server's `postgres` maintenance database with the target database's name, quoted. */
async function onMaintenanceDatabase(
  databaseUrl: string,
  work: (client: Client, name: string, quoted: string) => Promise<void>,
): Promise<void> {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.replace(/^\//, ''));
  url.pathname = '/postgres';
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  try {
    await work(client, name, `"${name.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

export async function ensureDatabase(databaseUrl: string): Promise<void> {
  await onMaintenanceDatabase(databaseUrl, async (client, name, quoted) => {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!exists.rowCount) {
      await client.query(`CREATE DATABASE ${quoted}`).catch((e: { code?: string }) => {
        if (e.code !== '42P04') throw e; // created concurrently
      });
    }
  });
}

/** Drops a database even with open connections (test clean-up). */
export async function dropDatabase(databaseUrl: string): Promise<void> {
  await onMaintenanceDatabase(databaseUrl, async (client, _name, quoted) => {
    await client.query(`DROP DATABASE IF EXISTS ${quoted} WITH (FORCE)`);
  });
}

export async function migrate(databaseUrl: string, log: (line: string) => void = () => undefined): Promise<string[]> {
  await ensureDatabase(databaseUrl);
  const dataSource = createDataSource(databaseUrl, { poolSize: 1, applicationName: 'wirestream-migrate' });
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    for (const m of applied) log(`applied ${m.name}`);
    return applied.map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}

if (require.main === module) {
  const url = process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/wirestream';
  migrate(url, (line) => console.log(line))
    .then((applied) => console.log(applied.length ? `${applied.length} migration(s) applied` : 'schema is up to date'))
    .catch((error: Error) => {
      console.error(`migration failed: ${error.message}`);
      process.exit(1);
    });
}
