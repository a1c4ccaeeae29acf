import type { EntityManager, EntityMetadata, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * A read path for one entity that skips TypeORM's hydration: the SELECT list names every column
 * by its property (`t.found_at AS "foundAt"`), so rows arrive in the entity's shape, and timestamps
 * come as epoch milliseconds (a float8, cheap to parse) turned into `Date`s in one pass; days come
 * as text. Column transformers and TypeORM's own conversions (simple-json…) still apply. The rows
 * are plain objects of the entity's shape, not class instances (no getters or methods). Built once per entity and alias.
 */
export interface RowReader<T> {
  /** SQL select list over the alias, e.g. `t."id" AS "id", …`. */
  readonly select: string;
  /** Turns raw rows of `select` into entities (in place: the row objects are reused). */
  read(rows: Array<Record<string, unknown>>): T[];
}

const TIMESTAMP_TYPES = new Set(['timestamp with time zone', 'timestamp without time zone', 'timestamptz', 'timestamp']);
/** Types whose values TypeORM's driver converts after pg parsed them (its transformers too). */
const DRIVER_CONVERTED = new Set(['simple-array', 'simple-json', 'simple-enum', 'enum']);
const readers = new WeakMap<EntityMetadata, Map<string, RowReader<unknown>>>();

function buildReader<T>(manager: EntityManager, meta: EntityMetadata, alias: string): RowReader<T> {
  const driver = manager.connection.driver;
  const parts: string[] = [];
  const timestamps: string[] = [];
  const transformed: Array<{ property: string; from: (value: unknown) => unknown }> = [];
  for (const col of meta.columns) {
    const source = `${alias}."${col.databaseName}"`;
    const property = col.propertyPath;
    const type = driver.normalizeType(col);
    if (TIMESTAMP_TYPES.has(type)) {
      parts.push(`(extract(epoch from ${source}) * 1000)::float8 AS "${property}"`);
      timestamps.push(property);
      continue;
    }
    // Days stay 'YYYY-MM-DD' text (pg would make them local-midnight Dates).
    parts.push(type === 'date' ? `${source}::text AS "${property}"` : `${source} AS "${property}"`);
    if (col.transformer || DRIVER_CONVERTED.has(type)) transformed.push({ property, from: (v) => driver.prepareHydratedValue(v, col) });
  }
  return {
    select: parts.join(', '),
    read(rows) {
      for (const row of rows) {
        for (const p of timestamps) {
          const v = row[p];
          if (v !== null && v !== undefined) row[p] = new Date(v as number);
        }
        for (const t of transformed) row[t.property] = t.from(row[t.property]);
      }
      return rows as unknown as T[];
    },
  };
}

/** The row reader of an entity over a table alias (`t` by default). */
export function rowReader<T extends ObjectLiteral>(manager: EntityManager, entity: EntityTarget<T>, alias = 't'): RowReader<T> {
  const meta = manager.connection.getMetadata(entity);
  let byAlias = readers.get(meta);
  if (!byAlias) readers.set(meta, (byAlias = new Map()));
  let reader = byAlias.get(alias) as RowReader<T> | undefined;
  if (!reader) byAlias.set(alias, (reader = buildReader<T>(manager, meta, alias)));
  return reader;
}
