import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../data-source';
import { dropDatabase, migrate } from '../migrate';

/**
 * For this lib's own int specs (libs/testing builds on this lib, so it cannot be used here): a database of its own
 * next to the test server's DATABASE_URL, with every migration applied; `drop` removes it.
 */
export async function createTestDatabase(label: string): Promise<{ dataSource: DataSource; drop(): Promise<void> }> {
  const url = new URL(process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/wirestream_test');
  url.pathname = `/wstest_${label}${randomBytes(4).toString('hex')}`;
  const databaseUrl = url.toString();
  await migrate(databaseUrl);
  const dataSource = createDataSource(databaseUrl, { poolSize: 2, applicationName: `wirestream-test-${label}` });
  await dataSource.initialize();
  return {
    dataSource,
    async drop() {
      await dataSource.destroy();
      await dropDatabase(databaseUrl);
    },
  };
}
