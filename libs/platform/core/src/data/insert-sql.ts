import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { list, raw, sql, type Sql } from '../sql/sql';

/**
 * `INSERT INTO <table> (<columns>) SELECT <values> [WHERE <condition>]` for one record of an entity,
 * as a fragment to run alone or to write as a step of a larger statement (a CTE). Values are
 * converted the way TypeORM's insert converts them (column transformers, the driver's own
 * conversion, version 1 for a new record); a value given as a function is SQL (`{ at: () => 'now()' }`);
 * a column with no value is left to its default. The SELECT form is what lets a condition decide
 * whether the row is written at all (a reference in scope, a parent step that wrote a row).
 */
export function insertSql<T extends ObjectLiteral>(manager: EntityManager, entity: EntityTarget<T>, values: Partial<Record<keyof T, unknown>>, condition?: Sql): Sql {
  const meta = manager.connection.getMetadata(entity);
  const driver = manager.connection.driver;
  const names: string[] = [];
  const parts: Sql[] = [];
  for (const column of meta.columns) {
    if (!column.isInsert) continue;
    let value = column.getEntityValue(values as ObjectLiteral);
    if (value === undefined) {
      if (!column.isVersion) continue;
      value = () => '1';
    }
    names.push(column.databaseName);
    parts.push(typeof value === 'function' ? raw((value as () => string)()) : sql`${driver.preparePersistentValue(value, column) as unknown}`);
  }
  if (!names.length) throw new Error(`insertSql(${meta.name}): no values to insert.`);
  return sql`INSERT INTO ${raw(meta.tablePath)} (${raw(names.join(', '))}) SELECT ${list(parts)}${condition ? sql` WHERE ${condition}` : raw('')}`;
}
