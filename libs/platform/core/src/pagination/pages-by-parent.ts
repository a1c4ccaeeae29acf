import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { hydrate } from '../db/hydrate';
import { decodeCursor } from './cursor';
import type { ConnectionResult } from './connection.type';
import { DEFAULT_PAGE_SIZE } from './page.args';
import { keysetCondition, toConnection, type PageRequest, type SortKey } from './paginate';

export interface PagesByParentQuery<T> {
  readonly manager: EntityManager;
  readonly entity: EntityTarget<T>;
  /** Table name, e.g. `organization`. */
  readonly table: string;
  /** Column holding the parent key, e.g. `parent_id`. */
  readonly parentColumn: string;
  readonly parentIds: readonly string[];
  /** Extra filter over the table's columns (alias `t`), with named parameters. */
  readonly where?: string;
  readonly params?: Record<string, unknown>;
  /** Keys over the alias `t`, e.g. `t.name`; the last one unique. */
  readonly keys: readonly SortKey<T>[];
  readonly page: PageRequest;
}

/**
 * One page of children for each of many parents in ONE SQL statement (window functions), so a
 * nested connection costs one query per level whatever the page sizes. Used by DataLoaders.
 */
export async function pagesByParent<T extends ObjectLiteral>(q: PagesByParentQuery<T>): Promise<Map<string, ConnectionResult<T>>> {
  const first = q.page.first ?? DEFAULT_PAGE_SIZE;
  const order = q.keys.map((k) => `${k.column} ${k.direction}`).join(', ');
  const params: Record<string, unknown> = { ...(q.params ?? {}), parentIds: q.parentIds, limit: first + 1 };
  let cursorSql = 'TRUE';
  if (q.page.after) {
    const cond = keysetCondition(q.keys, decodeCursor(q.page.after, q.keys.length), 'pcur');
    cursorSql = cond.sql;
    Object.assign(params, cond.params);
  }
  // Rows after the cursor are numbered with a filtered running count; the first row of each parent
  // always comes back too, so the parent's total is known even when the cursor is past its end.
  const sql = `
    SELECT * FROM (
      SELECT t.*,
        (${cursorSql}) AS "__after",
        count(*) FILTER (WHERE ${cursorSql}) OVER (PARTITION BY t.${q.parentColumn} ORDER BY ${order} ROWS UNBOUNDED PRECEDING) AS "__rn",
        row_number() OVER (PARTITION BY t.${q.parentColumn} ORDER BY ${order}) AS "__pos"
      FROM (
        SELECT t.*, count(*) OVER (PARTITION BY t.${q.parentColumn}) AS "__total"
        FROM ${q.table} t
        WHERE t.${q.parentColumn} = ANY(:parentIds) ${q.where ? `AND (${q.where})` : ''}
      ) t
    ) u
    WHERE ("__after" AND "__rn" <= :limit) OR "__pos" = 1
    ORDER BY u.${q.parentColumn}, "__pos"`;
  const [query, positional] = q.manager.connection.driver.escapeQueryWithParameters(sql, params);
  const raw: Array<Record<string, unknown>> = await q.manager.query(query, positional);

  const rowsByParent = new Map<string, { rows: Array<Record<string, unknown>>; total: number }>();
  for (const r of raw) {
    const key = String(r[q.parentColumn]);
    let group = rowsByParent.get(key);
    if (!group) rowsByParent.set(key, (group = { rows: [], total: Number(r['__total']) }));
    if (r['__after'] && Number(r['__rn']) <= first + 1) group.rows.push(r);
  }
  const result = new Map<string, ConnectionResult<T>>();
  for (const id of q.parentIds) {
    const group = rowsByParent.get(id);
    const rows = group ? hydrate(q.manager, q.entity, group.rows) : [];
    result.set(id, toConnection(rows, q.keys, first, Boolean(q.page.after), group?.total ?? 0));
  }
  return result;
}
