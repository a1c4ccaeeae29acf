import { ParamNames, compile, join, paginateSql, records, sql, type ConnectionResult, type PageRequest, type RequestContext, type SortKey, type Sql } from '@platform/core';
import { SupplyStockGap } from './supply.types';
import { SupplyMinimums } from '../response.entities';

/**
 * 查漏补缺: every minimum the caller may read (`SupplyMinimums`, spliced in as a scoped subquery) of
 * a depot in use and an item in use where the quantity across the batches that have not expired by
 * `today` is below the minimum, with the shortfall, in the order of `keys` (over `g`, see
 * `SupplyStockGapOrder`); `conditions` narrow it over the gap (alias `g`: `g.organization_id`, the depot's). One statement (count inline). Hand-written
 * because the page is ordered and keyed by the computed shortfall, which `records(…).page` (keys
 * over a table's columns) does not express; the scope is still the kernel's.
 */
export function stockGapPage(ctx: RequestContext, today: string, conditions: readonly Sql[], keys: readonly SortKey[], page: PageRequest, withCount: boolean): Promise<ConnectionResult<SupplyStockGap>> {
  const minimums = records(ctx, SupplyMinimums).as('m').subquery(sql`m.*`);
  const from = compile(
    sql`(
      SELECT m.depot_id AS "depotId", m.item_id AS "itemId", d.organization_id, m.minimum_quantity AS minimum,
             coalesce(s.available, 0) AS available, m.minimum_quantity - coalesce(s.available, 0) AS shortfall
      FROM ${minimums} m
      JOIN supply_depot d ON d.id = m.depot_id AND d.archived_at IS NULL
      JOIN supply_item i ON i.id = m.item_id AND i.archived_at IS NULL
      LEFT JOIN LATERAL (
        SELECT sum(st.quantity)::int AS available FROM supply_stock st
        WHERE st.depot_id = m.depot_id AND st.item_id = m.item_id AND (st.expires_on IS NULL OR st.expires_on >= CAST(${today} AS date))
      ) s ON TRUE
    ) g`,
    new ParamNames('gf'),
  );
  const where = compile(join(conditions, ' AND '), new ParamNames('gw'));
  return paginateSql<SupplyStockGap>({
    manager: ctx.manager,
    from: from.text,
    select: 'g."depotId", g."itemId", g.minimum, g.available, g.shortfall',
    where: ['g.shortfall > 0', where.text],
    params: { ...from.params, ...where.params },
    keys,
    page,
    withCount,
    countInline: true,
    read: (rows) => rows.map((r) => Object.assign(new SupplyStockGap(), r)),
  });
}
