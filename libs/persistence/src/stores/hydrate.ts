import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * The entity a raw row describes (`RETURNING *` of a statement that stays raw), read through the entity's column
 * metadata — so such a statement's rows map like the repository's, with no second mapping to keep in step.
 */
export function hydrate<T extends ObjectLiteral>(
  dataSource: DataSource,
  target: EntityTarget<T>,
  row: Record<string, unknown>,
): T {
  const metadata = dataSource.getMetadata(target);
  const entity = metadata.create() as T;
  for (const column of metadata.columns) {
    column.setEntityValue(entity, dataSource.driver.prepareHydratedValue(row[column.databaseName], column));
  }
  return entity;
}
