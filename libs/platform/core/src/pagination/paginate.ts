import type { EntityManager, EntityTarget, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { readRows, rowReader } from '../db/row-reader';
import { cursorError, encodeCursor, withCursor, type CursorValues } from './cursor';
import type { ConnectionResult } from './connection.type';
import { pageWindow, windowSql, type PageRequest, type PageWindow, type SortKey } from './keyset';

// Declared in keyset.ts with the window they shape; still importable from here.
export type { PageRequest, SortKey } from './keyset';

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

/**
 * Builds the connection object from the rows read with `size + 1` as limit, in the order read (the
 * reversed order for a `last` page), and their cursors' values. The extra row tells whether more
 * items lie beyond the page's far end: a previous page for `last`, a next one for `first`. At the
 * cursors' ends: a page after `after` has a previous page (the cursor's row was listed before it; a
 * query would only say whether it was deleted since), and one before `before` has a next page when
 * `beyond`, a row the caller found at or after `before`.
 */
export function toConnection<T>(rows: T[], cursors: readonly CursorValues[] | null, window: PageWindow, totalCount: number, beyond = false): ConnectionResult<T> {
  const more = rows.length > window.size;
  const nodes = rows.slice(0, window.size);
  // Backward pages were read from the end: put them (and their cursors) in list order.
  const values = window.backward && cursors ? cursors.slice(0, window.size).reverse() : cursors;
  if (window.backward) nodes.reverse();
  const edges = nodes.map((node, i) => new LazyEdge(node, values ? values[i]! : null));
  const hasPrevious = (window.backward && more) || window.after !== null;
  const hasNext = (!window.backward && more) || beyond;
  return { edges, totalCount, pageInfo: new LazyPageInfo(hasNext, hasPrevious, edges) };
}

/**
 * Runs one page of a filtered query builder as a cursor connection: keyset pagination on `keys`
 * (stable under inserts, index-friendly) both ways (`first`/`after`, `last`/`before`: see
 * `windowSql`), `size + 1` rows to know whether more lie beyond the page, and a COUNT only when the
 * client selected `totalCount`.
 */
export async function paginate<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  page: PageRequest,
  keys: readonly SortKey<T>[],
  withCount: boolean,
): Promise<ConnectionResult<T>> {
  const window = pageWindow(page, keys.length);
  const w = windowSql(window, keys);
  const countQuery = withCount ? qb.clone().getCount() : undefined;
  const rowsQb = w.where ? qb.clone().andWhere(w.where, w.params) : qb.clone();
  w.orderKeys.forEach((k, i) => (i === 0 ? rowsQb.orderBy(k.column, k.direction) : rowsQb.addOrderBy(k.column, k.direction)));
  // Rows through the entity's row reader: TypeORM still writes the SQL, but does not hydrate.
  const reader = rowReader<T>(qb.connection.manager, qb.expressionMap.mainAlias!.target, qb.alias);
  const select = `${reader.select}${cursorColumnsOf(page, keys)}`;
  const beyond = w.beyond;
  const [rows, totalCount, isBeyond] = await Promise.all([
    withCursor(page, () => rowsQb.select(select).limit(w.limit).getRawMany()),
    countQuery ?? -1,
    beyond ? withCursor(page, () => qb.clone().andWhere(beyond, w.params).getExists()) : false,
  ]);
  const cursors = takeCursors(rows, keys.length, page);
  return toConnection(reader.read(rows), cursors, window, totalCount, isBeyond);
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

/** Whether a row of the table expression meets the conditions and `condition` (one statement); false for no condition. */
async function existsSql(q: SqlCountQuery, condition: string | null, params: Record<string, unknown>): Promise<boolean> {
  if (condition === null) return false;
  const [row] = await runSql(q.manager, `SELECT EXISTS (SELECT 1 FROM ${q.from} WHERE ${andSql([...q.where, condition])}) AS "beyond"`, { ...q.params, ...params });
  return row?.['beyond'] === true;
}

/**
 * One page of a hand-written table expression as a cursor connection, with the keyset semantics and
 * cursors of `paginate`: one statement for the rows (`size + 1`), plus a COUNT only when asked for
 * (in the same statement with `countInline`) and, for a page before `before`, whether rows lie at
 * or after it (also inline with `countInline`).
 */
export async function paginateSql<T>(q: SqlPageQuery<T>): Promise<ConnectionResult<T>> {
  const window = pageWindow(q.page, q.keys.length);
  const where = andSql(q.where);
  if (q.withCount && q.countInline) {
    // The keys become columns of the filtered rows, so the cursor and the order work on the WITH.
    const keys = q.keys.map((k, i) => ({ ...k, column: `f."__k${i}"` }));
    const w = windowSql(window, keys);
    const beyondColumn = w.beyond ? `, EXISTS (SELECT 1 FROM f WHERE ${w.beyond}) AS "__beyond"` : '';
    const rows = await withCursor(q.page, () =>
      runSql(
        q.manager,
        `WITH f AS (SELECT ${q.select}, ${q.keys.map((k, i) => `${k.column} AS "__k${i}"`).join(', ')} FROM ${q.from} WHERE ${where})
         SELECT f.*${cursorColumnsOf(q.page, keys)}, (SELECT count(*)::int FROM f) AS "__total"${beyondColumn} FROM f WHERE ${w.where ?? 'TRUE'} ORDER BY ${w.order} LIMIT :limit`,
        { ...q.params, ...w.params, limit: w.limit },
      ),
    );
    // A page with no row has none to carry the count and the look beyond `before`: statements of their own then.
    const plain = rows.length ? null : windowSql(window, q.keys);
    const [total, beyond] = plain
      ? await Promise.all([window.after || window.before ? countSql(q) : 0, withCursor(q.page, () => existsSql(q, plain.beyond, plain.params))])
      : [Number(rows[0]!['__total']), rows[0]!['__beyond'] === true];
    for (const row of rows) {
      delete row['__total'];
      delete row['__beyond'];
      q.keys.forEach((_, i) => delete row[`__k${i}`]);
    }
    const cursors = takeCursors(rows, keys.length, q.page);
    return toConnection(q.read(rows), cursors, window, total, beyond);
  }
  const w = windowSql(window, q.keys);
  const [rows, count, beyond] = await Promise.all([
    withCursor(q.page, () => runSql(q.manager, `SELECT ${q.select}${cursorColumnsOf(q.page, q.keys)} FROM ${q.from} WHERE ${w.where ? `${where} AND ${w.where}` : where} ORDER BY ${w.order} LIMIT :limit`, { ...q.params, ...w.params, limit: w.limit })),
    q.withCount ? countSql(q) : null,
    withCursor(q.page, () => existsSql(q, w.beyond, w.params)),
  ]);
  const cursors = takeCursors(rows, q.keys.length, q.page);
  return toConnection(q.read(rows), cursors, window, count ?? -1, beyond);
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

/**
 * The same connection over an in-memory list already in order (small catalogs such as permissions),
 * keyed by a unique string. A cursor whose item has left the list bounds nothing (the whole list on
 * that side): an in-memory list has no keys to place it by.
 */
export function paginateList<T>(items: readonly T[], page: PageRequest, key: (item: T) => string): ConnectionResult<T> {
  const window = pageWindow(page, 1);
  const indexOf = (values: CursorValues | null, argName: string): number => {
    if (!values) return -1;
    // The keys here are strings: any other value was not handed out by this list.
    if (typeof values[0] !== 'string') throw cursorError(argName);
    return items.findIndex((item) => key(item) === values[0]);
  };
  const start = indexOf(window.after, 'after') + 1;
  const at = indexOf(window.before, 'before');
  const end = Math.max(start, at < 0 ? items.length : at);
  // Read as the SQL reads: from the window's start, or backward from its end, one item more than the page.
  const slice = window.backward ? items.slice(Math.max(start, end - window.size - 1), end).reverse() : items.slice(start, Math.min(end, start + window.size + 1));
  return toConnection(slice, slice.map((item) => [key(item)]), window, items.length, at >= 0);
}
