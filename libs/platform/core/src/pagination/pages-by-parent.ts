import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { readRows, rowReader } from '../db/row-reader';
import { withCursor } from './cursor';
import type { ConnectionResult } from './connection.type';
import { pageWindow, windowSql, type PageRequest, type SortKey } from './keyset';
import { cursorColumns, takeCursors, toConnection } from './paginate';

export interface PagesByParentQuery<T> {
  readonly manager: EntityManager;
  readonly entity: EntityTarget<T>;
  /** Table name, e.g. `organization`. */
  readonly table: string;
  /** Column holding the parent key, e.g. `parent_id`. */
  readonly parentColumn: string;
  readonly parentIds: readonly string[];
  /** SQL type of the parent column (`uuid` by default). */
  readonly parentType?: string;
  /** Extra filter over the table's columns (alias `t`), with named parameters. */
  readonly where?: string;
  readonly params?: Record<string, unknown>;
  /** Keys over the alias `t`, e.g. `t.name`; the last one unique. */
  readonly keys: readonly SortKey<T>[];
  readonly page: PageRequest;
  /** Entity properties to read (see `selectedProperties`); all columns when absent or null. */
  readonly properties?: readonly string[] | null;
}

/**
 * One page of children for each of many parents in ONE SQL statement, so a nested connection costs
 * one query per level whatever the page sizes. Used by DataLoaders. Each parent's page is a LATERAL
 * subquery with its own ORDER BY … LIMIT, so an index on (parent column, sort keys) serves it
 * without reading the parent's other children; the per-parent count is added only when asked for
 * (`page.withCount`, i.e. the client selected `totalCount`). Each parent's rows come back as one
 * JSON array (one row per parent, not per child) and go through the entity's `rowReader`, not
 * TypeORM hydration. Pages go both ways like `paginate`'s (`last`/`before`: the subquery reads in
 * the reversed order), and a page before `before` looks whether the parent has a child at or after
 * it in the same statement.
 */
export async function pagesByParent<T extends ObjectLiteral>(q: PagesByParentQuery<T>): Promise<Map<string, ConnectionResult<T>>> {
  const window = pageWindow(q.page, q.keys.length);
  const w = windowSql(window, q.keys, 'pcur');
  const withCount = q.page.withCount ?? true;
  const withCursors = q.page.withCursors !== false;
  const params: Record<string, unknown> = { ...(q.params ?? {}), ...w.params, parentIds: q.parentIds, limit: w.limit };
  const reader = rowReader(q.manager, q.entity, 't', q.properties ?? null);
  const filter = `t.${q.parentColumn} = p.parent${q.where ? ` AND (${q.where})` : ''}`;
  // One row per parent: its page as a JSON array in reading order (JSON.parse is far cheaper than a row per child).
  const sql = `
    SELECT p.ord::int AS "ord"${withCount ? ', c.total AS "total"' : ''}${w.beyond ? ', b.beyond AS "beyond"' : ''}, r.rows
    FROM unnest(CAST(:parentIds AS ${q.parentType ?? 'uuid'}[])) WITH ORDINALITY AS p(parent, ord)
    ${withCount ? `CROSS JOIN LATERAL (SELECT count(*)::int AS total FROM ${q.table} t WHERE ${filter}) c` : ''}
    ${w.beyond ? `CROSS JOIN LATERAL (SELECT EXISTS (SELECT 1 FROM ${q.table} t WHERE ${filter} AND ${w.beyond}) AS beyond) b` : ''}
    CROSS JOIN LATERAL (
      SELECT json_agg(json_build_object(${[...reader.names, ...(withCursors ? q.keys.map((_, i) => `__c${i}`) : [])].map((n) => `'${n}', u."${n}"`).join(', ')}) ORDER BY u."__n") AS rows FROM (
        SELECT ${reader.select}${withCursors ? cursorColumns(q.keys) : ''}, row_number() OVER (ORDER BY ${w.order}) AS "__n" FROM ${q.table} t WHERE ${filter} AND ${w.where ?? 'TRUE'} ORDER BY ${w.order} LIMIT :limit
      ) u
    ) r`;
  const [query, positional] = q.manager.connection.driver.escapeQueryWithParameters(sql, params);
  const raw = await withCursor(q.page, () => readRows(q.manager, query, positional));

  const result = new Map<string, ConnectionResult<T>>();
  for (const r of raw) {
    const id = q.parentIds[(r['ord'] as number) - 1]!;
    const rows = (r['rows'] as Array<Record<string, unknown>> | null) ?? [];
    const cursors = takeCursors(rows, q.keys.length, q.page);
    result.set(id, toConnection(reader.read(rows), cursors, window, withCount ? (r['total'] as number) : -1, r['beyond'] === true));
  }
  return result;
}
