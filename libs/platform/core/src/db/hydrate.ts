import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * Turns raw rows (database column names) into entity instances with the driver's own value
 * conversion, for queries TypeORM's builder cannot express (window functions, LATERAL joins).
 */
export function hydrate<T extends ObjectLiteral>(manager: EntityManager, entity: EntityTarget<T>, rows: readonly Record<string, unknown>[]): T[] {
  const meta = manager.connection.getMetadata(entity);
  const driver = manager.connection.driver;
  return rows.map((raw) => {
    const e = meta.create() as T;
    for (const col of meta.columns) {
      if (col.databaseName in raw) col.setEntityValue(e, driver.prepareHydratedValue(raw[col.databaseName], col));
    }
    return e;
  });
}
