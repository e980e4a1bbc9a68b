import type { DataSource, QueryRunner } from 'typeorm';
import { createTestDatabase } from '../testing/test-database';

/**
 * Index storage parameters (`WITH (…)`): TypeORM cannot declare them, so they are listed here (and in the entity's
 * comment) and checked against the database. Any index with parameters missing from this list fails the test.
 * (None today: the one there was, on `fingerprint_bands.keys`, went with migration 1765000000000.)
 */
const INDEX_STORAGE_PARAMETERS: Record<string, string[]> = {};

/** Tables the migrations create that are not the application's schema. */
const NOT_ENTITIES = new Set(['schema_migrations']);

/**
 * The entities are the one description of the schema; the migrations are how a database gets there. On a fresh
 * database with every migration applied, TypeORM must find nothing to change. Where TypeORM compares less than it
 * declares (check constraints by name only, partial-index predicates not at all), Postgres itself compares: the
 * entity's expression is attached to a scratch copy of the table and both are read back through Postgres' deparser.
 */
describe('schema: migrations and entities agree', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let dataSource: DataSource;
  /** One connection: the scratch tables below are temporary (per session). */
  let runner: QueryRunner;

  beforeAll(async () => {
    database = await createTestDatabase('schema');
    dataSource = database.dataSource;
    runner = dataSource.createQueryRunner();
  });

  afterAll(async () => {
    await runner?.release();
    await database?.drop();
  });

  it('TypeORM finds nothing to change between the entities and the migrated database', async () => {
    const diff = await dataSource.driver.createSchemaBuilder().log();
    const queries = diff.upQueries.map((q) => q.query);
    if (queries.length) {
      process.stderr.write(`Entities and migrations differ; TypeORM would run:\n${queries.join(';\n')};\n`);
    }
    expect(queries).toEqual([]);
  });

  it('every table the migrations create has an entity', async () => {
    const rows = (await runner.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
    )) as { table_name: string }[];
    const tables = rows.map((r) => r.table_name).filter((t) => !NOT_ENTITIES.has(t));
    const entityTables = dataSource.entityMetadatas.map((m) => m.tableName);
    expect(tables.filter((t) => !entityTables.includes(t))).toEqual([]);
    expect(tables.length).toBe(entityTables.length);
  });

  it('check constraints have the expressions the entities declare', async () => {
    const mismatches: string[] = [];
    for (const metadata of dataSource.entityMetadatas) {
      if (!metadata.checks.length) continue;
      await runner.query(`CREATE TEMP TABLE scratch (LIKE "${metadata.tableName}")`);
      try {
        for (const check of metadata.checks) {
          await runner.query(`ALTER TABLE scratch ADD CONSTRAINT "${check.name}" CHECK (${check.expression})`);
          const declared = await constraintDefinition(runner, 'scratch', check.name);
          const migrated = await constraintDefinition(runner, metadata.tableName, check.name);
          if (declared !== migrated) mismatches.push(`${check.name}: entity ${declared}, database ${migrated}`);
        }
      } finally {
        await runner.query(`DROP TABLE scratch`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('partial indexes have the predicates the entities declare', async () => {
    const mismatches: string[] = [];
    const partial = dataSource.entityMetadatas.flatMap((m) => m.indices.filter((i) => i.where));
    expect(partial.length).toBeGreaterThan(0);
    for (const index of partial) {
      const table = index.entityMetadata.tableName;
      const columns = index.columns.map((c) => `"${c.databaseName}"`).join(', ');
      await runner.query(`CREATE TEMP TABLE scratch (LIKE "${table}")`);
      try {
        await runner.query(`CREATE INDEX scratch_idx ON scratch (${columns}) WHERE ${index.where!}`);
        const declared = await indexPredicate(runner, 'scratch_idx');
        const migrated = await indexPredicate(runner, index.name!);
        if (declared !== migrated) mismatches.push(`${index.name!}: entity ${declared}, database ${migrated}`);
      } finally {
        await runner.query(`DROP TABLE scratch`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('index storage parameters are the listed ones', async () => {
    const rows = (await runner.query(
      `SELECT c.relname AS name, c.reloptions AS options FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND c.relkind = 'i' AND c.reloptions IS NOT NULL`,
    )) as { name: string; options: string[] }[];
    expect(Object.fromEntries(rows.map((r) => [r.name, r.options]))).toEqual(INDEX_STORAGE_PARAMETERS);
  });
});

async function constraintDefinition(runner: QueryRunner, table: string, name: string): Promise<string | null> {
  const [row] = (await runner.query(
    `SELECT pg_get_constraintdef(oid) AS definition FROM pg_constraint WHERE conrelid = $1::regclass AND conname = $2`,
    [table, name],
  )) as { definition: string }[];
  return row?.definition ?? null;
}

async function indexPredicate(runner: QueryRunner, name: string): Promise<string | null> {
  const [row] = (await runner.query(
    `SELECT pg_get_expr(i.indpred, i.indrelid) AS predicate FROM pg_index i WHERE i.indexrelid = $1::regclass`,
    [name],
  )) as { predicate: string | null }[];
  return row?.predicate ?? null;
}
