import type { GraphQLResolveInfo } from 'graphql';
import type { EntityManager, EntityTarget, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { readRows, rowReader } from '../db/row-reader';
import { selectsField } from '../graphql/selection';
import { SortDirection } from './sort-direction';
import { decodeCursor, encodeCursor, type CursorValues } from './cursor';
import type { ConnectionResult } from './connection.type';
import { DEFAULT_PAGE_SIZE } from './page.args';

/** One key of a keyset order. The last key of every order must be unique (the id). */
export interface SortKey<T> {
  /** SQL expression, e.g. `o.name`. */
  readonly column: string;
  readonly direction: SortDirection;
  /** Reads the key's value from a loaded row, for the cursor. */
  readonly value: (row: T) => string | number | boolean | null;
}

export interface PageRequest {
  readonly first?: number;
  readonly after?: string;
  /** Whether to count all matching items (`totalCount`); per-parent pages count unless told not to. */
  readonly withCount?: boolean;
}

/** A loader variant for a page and the properties read (`LoaderRegistry.get`): built once per parent row, so kept cheap. */
export function pageKey(page: PageRequest, properties: readonly string[] | null = null): string {
  return `${page.first ?? ''}|${page.after ?? ''}|${page.withCount ? 1 : 0}|${properties ? properties.join(',') : '*'}`;
}

/** The page a connection field asks for: its `first`/`after`, and a count only when `totalCount` is selected. */
export function pageRequest(page: { first?: number; after?: string }, info: GraphQLResolveInfo): PageRequest {
  return { first: page.first, after: page.after, withCount: selectsField(info, 'totalCount') };
}

/**
 * Keyset condition "row comes after the cursor" for a mixed-direction order:
 * (k1 > c1) OR (k1 = c1 AND k2 > c2) OR ... Returns SQL and named parameters.
 */
export function keysetCondition<T>(keys: readonly SortKey<T>[], cursor: CursorValues, prefix = 'cur'): { sql: string; params: Record<string, unknown> } {
  const params: Record<string, unknown> = {};
  keys.forEach((_, i) => (params[`${prefix}${i}`] = cursor[i]));
  const ors = keys.map((key, i) => {
    const eqs = keys.slice(0, i).map((k, j) => `${k.column} = :${prefix}${j}`);
    const op = key.direction === SortDirection.ASC ? '>' : '<';
    return `(${[...eqs, `${key.column} ${op} :${prefix}${i}`].join(' AND ')})`;
  });
  return { sql: `(${ors.join(' OR ')})`, params };
}

/** An edge whose cursor is encoded only if the client selects it (most nested pages never do). */
class LazyEdge<T> {
  constructor(
    readonly node: T,
    private readonly keys: readonly SortKey<T>[],
  ) {}

  get cursor(): string {
    return encodeCursor(this.keys.map((k) => k.value(this.node)));
  }
}

/** Page info whose cursors are encoded only when selected. */
class LazyPageInfo<T> {
  constructor(
    readonly hasNextPage: boolean,
    readonly hasPreviousPage: boolean,
    private readonly edges: ReadonlyArray<LazyEdge<T>>,
  ) {}

  get startCursor(): string | null {
    return this.edges[0]?.cursor ?? null;
  }

  get endCursor(): string | null {
    return this.edges[this.edges.length - 1]?.cursor ?? null;
  }
}

/** Builds the connection object from rows fetched with `first + 1` as limit. */
export function toConnection<T>(rows: T[], keys: readonly SortKey<T>[], first: number, hasPrevious: boolean, totalCount: number): ConnectionResult<T> {
  const edges = rows.slice(0, first).map((node) => new LazyEdge(node, keys));
  return { edges, totalCount, pageInfo: new LazyPageInfo(rows.length > first, hasPrevious, edges) };
}

/**
 * Runs one page of a filtered query builder as a cursor connection: keyset pagination on `keys`
 * (stable under inserts, index-friendly), `first + 1` rows to know whether a next page exists, and
 * a COUNT only when the client selected `totalCount`.
 */
export async function paginate<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  page: PageRequest,
  keys: readonly SortKey<T>[],
  withCount: boolean,
): Promise<ConnectionResult<T>> {
  const first = page.first ?? DEFAULT_PAGE_SIZE;
  const countQuery = withCount ? qb.clone().getCount() : undefined;
  const rowsQb = qb.clone();
  if (page.after) {
    const cond = keysetCondition(keys, decodeCursor(page.after, keys.length));
    rowsQb.andWhere(cond.sql, cond.params);
  }
  keys.forEach((k, i) => (i === 0 ? rowsQb.orderBy(k.column, k.direction) : rowsQb.addOrderBy(k.column, k.direction)));
  // Rows through the entity's row reader: TypeORM still writes the SQL, but does not hydrate.
  const reader = rowReader<T>(qb.connection.manager, qb.expressionMap.mainAlias!.target, qb.alias);
  const [rows, totalCount] = await Promise.all([rowsQb.select(reader.select).limit(first + 1).getRawMany(), countQuery ?? Promise.resolve(-1)]);
  return toConnection(reader.read(rows), keys, first, Boolean(page.after), totalCount);
}

export interface RowPageQuery<T> {
  readonly manager: EntityManager;
  readonly entity: EntityTarget<T>;
  /** The table's alias in `where` and `keys`, e.g. `h`. */
  readonly alias: string;
  /** Table name, e.g. `hazard`. */
  readonly table: string;
  /** Conditions joined with AND, with named parameters (`:name`, `:...list`). */
  readonly where: readonly string[];
  readonly params: Record<string, unknown>;
  readonly keys: readonly SortKey<T>[];
  readonly page: PageRequest;
  readonly withCount: boolean;
  /** Entity properties to read (see `selectedProperties`); all columns when absent or null. */
  readonly properties?: readonly string[] | null;
}

/**
 * `paginate` without a query builder, for the hot read paths: the caller gives SQL conditions, the
 * page is one statement of plain SQL through the entity's row reader (plus a COUNT only when
 * `totalCount` is selected). Same keyset semantics and cursors as `paginate`.
 */
export async function paginateRows<T extends ObjectLiteral>(q: RowPageQuery<T>): Promise<ConnectionResult<T>> {
  const first = q.page.first ?? DEFAULT_PAGE_SIZE;
  const reader = rowReader(q.manager, q.entity, q.alias, q.properties ?? null);
  const where = q.where.length ? q.where.map((w) => `(${w})`).join(' AND ') : 'TRUE';
  const params: Record<string, unknown> = { ...q.params, limit: first + 1 };
  let rowsWhere = where;
  if (q.page.after) {
    const cond = keysetCondition(q.keys, decodeCursor(q.page.after, q.keys.length));
    rowsWhere = `${where} AND ${cond.sql}`;
    Object.assign(params, cond.params);
  }
  const order = q.keys.map((k) => `${k.column} ${k.direction}`).join(', ');
  const run = (sql: string): Promise<Array<Record<string, unknown>>> => {
    const [text, values] = q.manager.connection.driver.escapeQueryWithParameters(sql, params);
    return readRows(q.manager, text, values);
  };
  const [rows, count] = await Promise.all([
    run(`SELECT ${reader.select} FROM ${q.table} ${q.alias} WHERE ${rowsWhere} ORDER BY ${order} LIMIT :limit`),
    q.withCount ? run(`SELECT count(*)::int AS n FROM ${q.table} ${q.alias} WHERE ${where}`) : null,
  ]);
  return toConnection(reader.read(rows), q.keys, first, Boolean(q.page.after), count ? Number(count[0]!['n']) : -1);
}

/** One row by conditions through the entity's row reader (e.g. a record by id within scope), or null. */
export async function readOne<T extends ObjectLiteral>(q: Pick<RowPageQuery<T>, 'manager' | 'entity' | 'alias' | 'table' | 'where' | 'params' | 'properties'>): Promise<T | null> {
  const reader = rowReader(q.manager, q.entity, q.alias, q.properties ?? null);
  const [text, values] = q.manager.connection.driver.escapeQueryWithParameters(
    `SELECT ${reader.select} FROM ${q.table} ${q.alias} WHERE ${q.where.map((w) => `(${w})`).join(' AND ')} LIMIT 1`,
    q.params,
  );
  return reader.read(await readRows(q.manager, text, values))[0] ?? null;
}

/** The same connection over an in-memory list already in order (small catalogs such as permissions). */
export function paginateList<T>(items: readonly T[], page: PageRequest, key: (item: T) => string): ConnectionResult<T> {
  const first = page.first ?? DEFAULT_PAGE_SIZE;
  let start = 0;
  if (page.after) {
    const [after] = decodeCursor(page.after, 1);
    start = items.findIndex((item) => key(item) === after) + 1;
  }
  const keys: SortKey<T>[] = [{ column: '', direction: SortDirection.ASC, value: key }];
  return toConnection(items.slice(start, start + first + 1), keys, first, Boolean(page.after), items.length);
}
