import { SortDirection, raw, runSql, sql, type RequestContext, type Sql, type SortKey } from '@platform/core';

/**
 * One page of a scoped set by offset, as the SensorThings view pages (`$top`, `$skip`): `scoped` is a
 * `records(…).subquery(sql`t.*`)` (the kernel's scope inside), ordered by `keys` over alias `s`, with
 * the count when asked (`$count=true`) from the same set.
 */
export async function offsetPage<R extends object>(ctx: RequestContext, scoped: Sql, keys: readonly SortKey[], top: number, skip: number, withCount: boolean): Promise<{ rows: R[]; count: number | null }> {
  const order = raw(keys.map((k) => `${k.column.replace(/^t\./, 's.')} ${k.direction === SortDirection.DESC ? 'DESC' : 'ASC'}`).join(', '));
  const rows = await runSql<R & { __total?: string }>(
    ctx.manager,
    sql`SELECT s.*${withCount ? raw(', count(*) OVER () AS __total') : raw('')} FROM ${scoped} AS s ORDER BY ${order} LIMIT ${top} OFFSET ${skip}`,
  );
  let count: number | null = null;
  if (withCount) {
    if (rows.length) count = Number(rows[0]!.__total);
    else count = Number((await runSql<{ n: string }>(ctx.manager, sql`SELECT count(*) AS n FROM ${scoped} AS s`))[0]!.n);
  }
  for (const r of rows) delete r.__total;
  return { rows, count };
}
