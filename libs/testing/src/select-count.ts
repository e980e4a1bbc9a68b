/** Anything with TypeORM's `DataSource.query` shape; structural so libs/testing need not import typeorm. */
export interface Queryable {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

/**
 * Runs a `SELECT count(*)::int AS n …` and returns n. An aggregate without GROUP BY yields exactly one row, so a
 * missing row means the SQL is not such a query: that fails loudly instead of reading `undefined`.
 */
export async function selectCount(db: Queryable, sql: string, parameters: unknown[] = []): Promise<number> {
  const [row] = (await db.query(sql, parameters)) as { n: number }[];
  if (row === undefined) throw new Error(`count query returned no row: ${sql}`);
  return row.n;
}
