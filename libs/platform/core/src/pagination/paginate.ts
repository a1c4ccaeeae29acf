import type { GraphQLResolveInfo } from 'graphql';
import type { EntityManager, EntityTarget, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { readRows, rowReader } from '../db/row-reader';
import { selectsCursor, selectsField } from '../graphql/selection';
import { SortDirection } from './sort-direction';
import { cursorError, decodeCursor, encodeCursor, withCursor, type CursorValues } from './cursor';
import type { ConnectionResult } from './connection.type';
import { DEFAULT_PAGE_SIZE } from './page.args';

/**
 * One key of a keyset order over rows of type `T`. The last key of every order must be unique (the
 * id). The cursor holds each key's value exactly as stored, read by the page query itself as text
 * (a timestamp with its microseconds), so pages neither skip nor repeat rows that tie on a key.
 * NULLs sort as PostgreSQL sorts them: last ascending, first descending.
 */
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- T names the rows the order is for, at the call sites.
export interface SortKey<T = unknown> {
  /** SQL expression, e.g. `o.name`. */
  readonly column: string;
  readonly direction: SortDirection;
}

/** Names of the cursor columns a page query adds (one per key, the key's value as text). */
const CURSOR_COLUMN = '__c';

/** SQL select items giving each key's exact value as text, for the cursor (`"__c0", "__c1", …`). */
export function cursorColumns(keys: readonly SortKey[], column: (key: SortKey, i: number) => string = (k) => k.column): string {
  return keys.map((k, i) => `, (${column(k, i)})::text AS "${CURSOR_COLUMN}${i}"`).join('');
}

/** The cursor columns of a page, or none when the client selects no cursor. */
const cursorColumnsOf = (page: PageRequest, keys: readonly SortKey[], column?: (key: SortKey, i: number) => string): string => (page.withCursors === false ? '' : cursorColumns(keys, column));

/** Takes the cursor columns out of raw page rows (the rows are then read as entities): one cursor per row; null when they were not read. */
export function takeCursors(rows: Array<Record<string, unknown>>, keyCount: number, page: PageRequest = {}): CursorValues[] | null {
  if (page.withCursors === false) return null;
  return rows.map((row) => {
    const values: Array<string | null> = [];
    for (let i = 0; i < keyCount; i++) {
      const name = `${CURSOR_COLUMN}${i}`;
      values.push((row[name] as string | null | undefined) ?? null);
      delete row[name];
    }
    return values;
  });
}

export interface PageRequest {
  readonly first?: number;
  readonly after?: string;
  /** Whether to count all matching items (`totalCount`); per-parent pages count unless told not to. */
  readonly withCount?: boolean;
  /** False when the client selects no cursor: the page query then reads no cursor values (they are exact, and cost bytes per row). */
  readonly withCursors?: boolean;
}

/** A loader variant for a page and the properties read (`LoaderRegistry.get`): built once per parent row, so kept cheap. */
export function pageKey(page: PageRequest, properties: readonly string[] | null = null): string {
  return `${page.first ?? ''}|${page.after ?? ''}|${page.withCount ? 1 : 0}${page.withCursors === false ? '' : 'c'}|${properties ? properties.join(',') : '*'}`;
}

/** The page a connection field asks for: its `first`/`after`, a count only when `totalCount` is selected, cursors only when one is. */
export function pageRequest(page: { first?: number; after?: string }, info: GraphQLResolveInfo): PageRequest {
  return { first: page.first, after: page.after, withCount: selectsField(info, 'totalCount'), withCursors: selectsCursor(info) };
}

/**
 * Keyset condition "row comes after the cursor" for a mixed-direction order:
 * (k1 after c1) OR (k1 = c1 AND k2 after c2) OR ..., where "after" follows PostgreSQL's NULL order
 * (ascending: larger values, then NULLs; descending: smaller values, and after a NULL every value).
 * The cursor's values are the keys' stored values as text; PostgreSQL reads them as the key's type.
 * Returns SQL and named parameters.
 */
export function keysetCondition(keys: readonly SortKey[], cursor: CursorValues, prefix = 'cur'): { sql: string; params: Record<string, unknown> } {
  const params: Record<string, unknown> = {};
  const equal = (k: SortKey, j: number) => (cursor[j] === null ? `${k.column} IS NULL` : `${k.column} = :${prefix}${j}`);
  const after = (k: SortKey, i: number): string | null => {
    const asc = k.direction === SortDirection.ASC;
    if (cursor[i] === null) return asc ? null : `${k.column} IS NOT NULL`;
    return asc ? `(${k.column} > :${prefix}${i} OR ${k.column} IS NULL)` : `${k.column} < :${prefix}${i}`;
  };
  const ors = keys.flatMap((key, i) => {
    const tail = after(key, i);
    return tail === null ? [] : [`(${[...keys.slice(0, i).map(equal), tail].join(' AND ')})`];
  });
  keys.forEach((_, j) => {
    if (cursor[j] !== null) params[`${prefix}${j}`] = cursor[j];
  });
  return { sql: ors.length ? `(${ors.join(' OR ')})` : 'FALSE', params };
}

/** An edge whose cursor is encoded only if the client selects it (most nested pages never do). */
class LazyEdge<T> {
  constructor(
    readonly node: T,
    private readonly values: CursorValues | null,
  ) {}

  get cursor(): string {
    // A page read without cursors is one whose query selected none (pageRequest): reaching here is a bug.
    if (!this.values) throw new Error('This page was read without cursors.');
    return encodeCursor(this.values);
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

/** Builds the connection object from rows fetched with `first + 1` as limit and their cursors' values. */
export function toConnection<T>(rows: T[], cursors: readonly CursorValues[] | null, first: number, hasPrevious: boolean, totalCount: number): ConnectionResult<T> {
  const edges = rows.slice(0, first).map((node, i) => new LazyEdge(node, cursors ? cursors[i]! : null));
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
  const select = `${reader.select}${cursorColumnsOf(page, keys)}`;
  const [rows, totalCount] = await Promise.all([withCursor(page.after, () => rowsQb.select(select).limit(first + 1).getRawMany()), countQuery ?? Promise.resolve(-1)]);
  const cursors = takeCursors(rows, keys.length, page);
  return toConnection(reader.read(rows), cursors, first, Boolean(page.after), totalCount);
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

/** SQL conditions joined with AND (each in parentheses); TRUE when there are none. */
function andSql(where: readonly string[]): string {
  return where.length ? where.map((w) => `(${w})`).join(' AND ') : 'TRUE';
}

/** Runs a statement with named parameters (`:name`, `:...list`) through `readRows`. */
function runSql(manager: EntityManager, sql: string, params: Record<string, unknown>): Promise<Array<Record<string, unknown>>> {
  const [text, values] = manager.connection.driver.escapeQueryWithParameters(sql, params);
  return readRows(manager, text, values);
}

export interface SqlCountQuery {
  readonly manager: EntityManager;
  /** A table expression with its alias; may contain joins and laterals, e.g. `rescue_team t JOIN organization o ON o.id = t.organization_id` or `(SELECT …) g`. */
  readonly from: string;
  /** Conditions joined with AND, with named parameters (`:name`, `:...list`). */
  readonly where: readonly string[];
  readonly params: Record<string, unknown>;
}

export interface SqlPageQuery<T> extends SqlCountQuery {
  /** The select list over `from`; `read` turns its rows into items. */
  readonly select: string;
  readonly keys: readonly SortKey<T>[];
  readonly page: PageRequest;
  readonly withCount: boolean;
  readonly read: (rows: Array<Record<string, unknown>>) => T[];
  /**
   * Count in the page's own statement (`WITH` over the filtered rows, computed once) instead of a
   * COUNT beside it: for costly table expressions that are computed whole anyway. A page after the
   * last row has no row to carry the count and counts in a second statement.
   */
  readonly countInline?: boolean;
}

/** How many rows a table expression has under the conditions (one statement). */
export async function countSql(q: SqlCountQuery): Promise<number> {
  const [row] = await runSql(q.manager, `SELECT count(*)::int AS n FROM ${q.from} WHERE ${andSql(q.where)}`, q.params);
  return Number(row?.['n'] ?? 0);
}

/**
 * One page of a hand-written table expression as a cursor connection, with the keyset semantics and
 * cursors of `paginate`: one statement for the rows (`first + 1`), plus a COUNT only when asked for
 * (in the same statement with `countInline`).
 */
export async function paginateSql<T>(q: SqlPageQuery<T>): Promise<ConnectionResult<T>> {
  const first = q.page.first ?? DEFAULT_PAGE_SIZE;
  const where = andSql(q.where);
  const params: Record<string, unknown> = { ...q.params, limit: first + 1 };
  if (q.withCount && q.countInline) {
    // The keys become columns of the filtered rows, so the cursor and the order work on the WITH.
    const keys = q.keys.map((k, i) => ({ ...k, column: `f."__k${i}"` }));
    let cursor = 'TRUE';
    if (q.page.after) {
      const cond = keysetCondition(keys, decodeCursor(q.page.after, keys.length));
      cursor = cond.sql;
      Object.assign(params, cond.params);
    }
    const rows = await withCursor(q.page.after, () =>
      runSql(
        q.manager,
        `WITH f AS (SELECT ${q.select}, ${q.keys.map((k, i) => `${k.column} AS "__k${i}"`).join(', ')} FROM ${q.from} WHERE ${where})
         SELECT f.*${cursorColumnsOf(q.page, keys)}, (SELECT count(*)::int FROM f) AS "__total" FROM f WHERE ${cursor} ORDER BY ${keys.map((k) => `${k.column} ${k.direction}`).join(', ')} LIMIT :limit`,
        params,
      ),
    );
    const total = rows.length ? Number(rows[0]!['__total']) : q.page.after ? await countSql(q) : 0;
    for (const row of rows) {
      delete row['__total'];
      q.keys.forEach((_, i) => delete row[`__k${i}`]);
    }
    const cursors = takeCursors(rows, keys.length, q.page);
    return toConnection(q.read(rows), cursors, first, Boolean(q.page.after), total);
  }
  let rowsWhere = where;
  if (q.page.after) {
    const cond = keysetCondition(q.keys, decodeCursor(q.page.after, q.keys.length));
    rowsWhere = `${where} AND ${cond.sql}`;
    Object.assign(params, cond.params);
  }
  const order = q.keys.map((k) => `${k.column} ${k.direction}`).join(', ');
  const [rows, count] = await Promise.all([
    withCursor(q.page.after, () => runSql(q.manager, `SELECT ${q.select}${cursorColumnsOf(q.page, q.keys)} FROM ${q.from} WHERE ${rowsWhere} ORDER BY ${order} LIMIT :limit`, params)),
    q.withCount ? countSql(q) : null,
  ]);
  const cursors = takeCursors(rows, q.keys.length, q.page);
  return toConnection(q.read(rows), cursors, first, Boolean(q.page.after), count ?? -1);
}

/**
 * `paginate` without a query builder, for the hot read paths: the caller gives SQL conditions, the
 * page is one statement of plain SQL through the entity's row reader (plus a COUNT only when
 * `totalCount` is selected). Same keyset semantics and cursors as `paginate`.
 */
export function paginateRows<T extends ObjectLiteral>(q: RowPageQuery<T>): Promise<ConnectionResult<T>> {
  const reader = rowReader(q.manager, q.entity, q.alias, q.properties ?? null);
  return paginateSql({ ...q, from: `${q.table} ${q.alias}`, select: reader.select, read: (rows) => reader.read(rows) });
}

/** One row by conditions through the entity's row reader (e.g. a record by id within scope), or null. */
export async function readOne<T extends ObjectLiteral>(q: Pick<RowPageQuery<T>, 'manager' | 'entity' | 'alias' | 'table' | 'where' | 'params' | 'properties'>): Promise<T | null> {
  const reader = rowReader(q.manager, q.entity, q.alias, q.properties ?? null);
  return reader.read(await runSql(q.manager, `SELECT ${reader.select} FROM ${q.table} ${q.alias} WHERE ${andSql(q.where)} LIMIT 1`, q.params))[0] ?? null;
}

/** The same connection over an in-memory list already in order (small catalogs such as permissions). */
export function paginateList<T>(items: readonly T[], page: PageRequest, key: (item: T) => string): ConnectionResult<T> {
  const first = page.first ?? DEFAULT_PAGE_SIZE;
  let start = 0;
  if (page.after) {
    const [after] = decodeCursor(page.after, 1);
    // The keys here are strings: any other value was not handed out by this list.
    if (typeof after !== 'string') throw cursorError();
    start = items.findIndex((item) => key(item) === after) + 1;
  }
  const slice = items.slice(start, start + first + 1);
  return toConnection(slice, slice.map((item) => [key(item)]), first, Boolean(page.after), items.length);
}
