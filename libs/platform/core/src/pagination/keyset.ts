import type { GraphQLResolveInfo } from 'graphql';
import { kernelRules } from '../errors/rule-catalog';
import { selectsCursor, selectsField } from '../graphql/selection';
import { decodeCursor, type CursorValues } from './cursor';
import { DEFAULT_PAGE_SIZE } from './page.args';
import { SortDirection } from './sort-direction';

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

/**
 * The page a list is asked for (Relay cursor connections): the window between the cursors `after`
 * and `before` (each optional), of which the first `first` or the last `last` items; the first
 * `DEFAULT_PAGE_SIZE` when neither is given. `first` with `last` is refused (`pageWindow`).
 */
export interface PageRequest {
  readonly first?: number | null;
  readonly after?: string | null;
  readonly last?: number | null;
  readonly before?: string | null;
  /** Whether to count all matching items (`totalCount`); per-parent pages count unless told not to. */
  readonly withCount?: boolean;
  /** False when the client selects no cursor: the page query then reads no cursor values (they are exact, and cost bytes per row). */
  readonly withCursors?: boolean;
}

/** A loader variant for a page and the properties read (`LoaderRegistry.get`): built once per parent row, so kept cheap. */
export function pageKey(page: PageRequest, properties: readonly string[] | null = null): string {
  return `${page.first ?? ''}|${page.after ?? ''}|${page.last ?? ''}|${page.before ?? ''}|${page.withCount ? 1 : 0}${page.withCursors === false ? '' : 'c'}|${properties ? properties.join(',') : '*'}`;
}

/** The page a connection field asks for: its `first`/`after`/`last`/`before`, a count only when `totalCount` is selected, cursors only when one is. */
export function pageRequest(page: Pick<PageRequest, 'first' | 'after' | 'last' | 'before'>, info: GraphQLResolveInfo): PageRequest {
  return { first: page.first, after: page.after, last: page.last, before: page.before, withCount: selectsField(info, 'totalCount'), withCursors: selectsCursor(info) };
}

/**
 * Keyset condition "row comes after the cursor" for a mixed-direction order:
 * (k1 after c1) OR (k1 = c1 AND k2 after c2) OR ..., where "after" follows PostgreSQL's NULL order
 * (ascending: larger values, then NULLs; descending: smaller values, and after a NULL every value).
 * With `inclusive`, the row at the cursor itself too (every key equal). The cursor's values are the
 * keys' stored values as text; PostgreSQL reads them as the key's type. Returns SQL and named
 * parameters (`:<prefix>0`, `:<prefix>1`, …).
 */
export function keysetCondition(keys: readonly SortKey[], cursor: CursorValues, prefix = 'cur', inclusive = false): { sql: string; params: Record<string, unknown> } {
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
  if (inclusive) ors.push(`(${keys.map(equal).join(' AND ')})`);
  keys.forEach((_, j) => {
    if (cursor[j] !== null) params[`${prefix}${j}`] = cursor[j];
  });
  return { sql: ors.length ? `(${ors.join(' OR ')})` : 'FALSE', params };
}

/**
 * The same order read from its end: each key's direction flipped. That flips PostgreSQL's NULL
 * placement with it (ASC is NULLS LAST, DESC is NULLS FIRST), so the reversed order is exactly the
 * list's order backwards, and "after the cursor" in it is "before the cursor" in the list.
 */
export function reversedKeys<T>(keys: readonly SortKey<T>[]): SortKey<T>[] {
  return keys.map((k) => ({ ...k, direction: k.direction === SortDirection.ASC ? SortDirection.DESC : SortDirection.ASC }));
}

/** `ORDER BY` items of an order: `o.name DESC, o.id ASC`. */
export function orderSql(keys: readonly SortKey[]): string {
  return keys.map((k) => `${k.column} ${k.direction}`).join(', ');
}

/**
 * A page request checked and its cursors decoded (see `PageRequest`). Relay's algorithm: the window
 * is the list after `after` and before `before`; `first: n` takes its first n items, `last: n` its
 * last n (read in the reversed order, `backward`).
 */
export interface PageWindow {
  /** How many items the page holds at most. */
  readonly size: number;
  /** `last` was asked for: the page is read from the window's end, in the reversed order. */
  readonly backward: boolean;
  readonly after: CursorValues | null;
  readonly before: CursorValues | null;
}

/** Checks a page request and decodes its cursors for an order of `keyCount` keys; BAD_USER_INPUT `last`/`exclusive` when `first` comes with `last`. */
export function pageWindow(page: PageRequest, keyCount: number): PageWindow {
  if (page.first != null && page.last != null) {
    throw kernelRules.field('last', 'exclusive', 'cannot be given with first: ask for the first items of the window or its last ones, not both.');
  }
  return {
    size: page.last ?? page.first ?? DEFAULT_PAGE_SIZE,
    backward: page.last != null,
    after: page.after ? decodeCursor(page.after, keyCount, 'after') : null,
    before: page.before ? decodeCursor(page.before, keyCount, 'before') : null,
  };
}

/** A page window as SQL over the list's keys (see `windowSql`). */
export interface WindowSql {
  /** The window's conditions (after `after`, before `before`), null when it has no cursor. */
  readonly where: string | null;
  readonly params: Record<string, unknown>;
  /** The keys to read the page in: the list's order, reversed for `last`; and as `ORDER BY` items. */
  readonly orderKeys: readonly SortKey[];
  readonly order: string;
  /** `size + 1`: the extra row tells whether more items lie beyond the page's far end. */
  readonly limit: number;
  /** Condition "the row is at or after `before`" (outside the window's end), for `hasNextPage`; null without `before`. */
  readonly beyond: string | null;
}

/**
 * The SQL of a page window over `keys` (the list's order): conditions, the reading order and the
 * limit; parameters named `<prefix>…` for `after` and `<prefix>b…` for `before`.
 */
export function windowSql(window: PageWindow, keys: readonly SortKey[], prefix = 'cur'): WindowSql {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  const add = (cond: { sql: string; params: Record<string, unknown> }): string => {
    Object.assign(params, cond.params);
    return cond.sql;
  };
  if (window.after) where.push(add(keysetCondition(keys, window.after, prefix)));
  // Before the cursor in the list = after it in the reversed order.
  if (window.before) where.push(add(keysetCondition(reversedKeys(keys), window.before, `${prefix}b`)));
  const orderKeys = window.backward ? reversedKeys(keys) : keys;
  return {
    where: where.length ? where.join(' AND ') : null,
    params,
    orderKeys,
    order: orderSql(orderKeys),
    limit: window.size + 1,
    beyond: window.before ? add(keysetCondition(keys, window.before, `${prefix}b`, true)) : null,
  };
}
