import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
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

/** Builds the connection object from rows fetched with `first + 1` as limit. */
export function toConnection<T>(rows: T[], keys: readonly SortKey<T>[], first: number, hasPrevious: boolean, totalCount: number): ConnectionResult<T> {
  const page = rows.slice(0, first);
  const edges = page.map((node) => ({ node, cursor: encodeCursor(keys.map((k) => k.value(node))) }));
  return {
    edges,
    totalCount,
    pageInfo: {
      hasNextPage: rows.length > first,
      hasPreviousPage: hasPrevious,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
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
  const [rows, totalCount] = await Promise.all([rowsQb.limit(first + 1).getMany(), countQuery ?? Promise.resolve(-1)]);
  return toConnection(rows, keys, first, Boolean(page.after), totalCount);
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
