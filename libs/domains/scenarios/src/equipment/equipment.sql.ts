import { byKeys, daySql, raw, records, sql, type DayExpression, type RequestContext, type Sql } from '@platform/core';
import { EnterpriseEquipments, EquipmentRenewalPlans } from './equipment.entities';

/*
 * What is computed of equipment and renewal plans, written once in SQL: the `overdue` field, the list
 * filters, the indicator and the forms the enterprise picture reads (`overdueRenewalCountSql`,
 * `eliminatedInServiceCountSql`, `equipmentRenewalOf`).
 */

const col = (alias: string, column: string): Sql => raw(`${alias}.${column}`);

/** SQL over the plan under `alias`: overdue on `day`: not done and its due day before `day` (due today is not overdue yet). */
export const renewalOverdueSql = (alias: string, day: DayExpression): Sql => sql`(${col(alias, 'done_on')} IS NULL AND ${col(alias, 'due_on')} < ${daySql(day)})`;

/** SQL over the equipment under `alias`: an eliminated process or equipment still in service. */
export const eliminatedInServiceSql = (alias: string): Sql => sql`(${col(alias, 'eliminated')} AND ${col(alias, 'status')} = 'IN_SERVICE')`;

/** SQL (int): the renewal plans the caller may read of the enterprise whose id is in `enterpriseColumn` that are overdue on `day`. */
export function overdueRenewalCountSql(ctx: RequestContext, enterpriseColumn: string, day: DayExpression, alias = 'orp'): Sql {
  return sql`${records(ctx, EquipmentRenewalPlans)
    .as(alias)
    .where(sql`${col(alias, 'enterprise_id')} = ${raw(enterpriseColumn)} AND ${renewalOverdueSql(alias, day)}`)
    .subquery(sql`count(*)::int`)}`;
}

/** SQL (int): the equipment the caller may read of the enterprise whose id is in `enterpriseColumn` that is eliminated and still in service. */
export function eliminatedInServiceCountSql(ctx: RequestContext, enterpriseColumn: string, alias = 'eis'): Sql {
  return sql`${records(ctx, EnterpriseEquipments)
    .as(alias)
    .where(sql`${col(alias, 'enterprise_id')} = ${raw(enterpriseColumn)} AND ${eliminatedInServiceSql(alias)}`)
    .subquery(sql`count(*)::int`)}`;
}

/** An enterprise's equipment renewal standing on a day (what the enterprise picture shows). */
export interface EquipmentRenewalSummary {
  readonly enterpriseId: string;
  /** Renewal plans not done after their due day. */
  readonly overdueRenewals: number;
  /** Eliminated processes or equipment still in service. */
  readonly eliminatedInService: number;
  /** The earliest due day among the overdue plans; null when none is overdue. */
  readonly earliestOverdueOn: string | null;
}

/**
 * The equipment renewal standing on `day` of enterprises by id, within the caller's equipment read
 * scope (enterprises outside it, or without equipment, read as zero): one statement per request level.
 */
export function equipmentRenewalOf(ctx: RequestContext, enterpriseId: string, day: string = ctx.clock.today()): Promise<EquipmentRenewalSummary> {
  const loader = ctx.loaders.get<string, EquipmentRenewalSummary>('scenarios.equipment.renewal-summary', day, async (ids) => {
    const plans = records(ctx, EquipmentRenewalPlans).as('rp').where(sql`rp.equipment_id = t.id AND ${renewalOverdueSql('rp', day)}`);
    const rows = await records(ctx, EnterpriseEquipments)
      .where(sql`t.enterprise_id = ANY(CAST(${[...ids]} AS uuid[]))`)
      .aggregate<EquipmentRenewalSummary>(
        sql`t.enterprise_id AS "enterpriseId",
          coalesce(sum(${plans.subquery(sql`count(*)`)}), 0)::int AS "overdueRenewals",
          (count(*) FILTER (WHERE ${eliminatedInServiceSql('t')}))::int AS "eliminatedInService",
          to_char(min(${plans.subquery(sql`min(rp.due_on)`)}), 'YYYY-MM-DD') AS "earliestOverdueOn"`,
        { groupBy: sql`t.enterprise_id` },
      );
    return byKeys(ids, rows, (r) => r.enterpriseId).map((r, i) => r ?? { enterpriseId: ids[i]!, overdueRenewals: 0, eliminatedInService: 0, earliestOverdueOn: null });
  });
  return loader.load(enterpriseId);
}

/** Whether the plan with this id is overdue on `day`, batched per request level (one statement for a page); it must be in the caller's read scope. */
export async function planOverdueOf(ctx: RequestContext, id: string, day: string): Promise<boolean> {
  const loader = ctx.loaders.get<string, { id: string; overdue: boolean } | null>('scenarios.equipment-renewal-plan.overdue', day, async (ids) => {
    const rows = await records(ctx, EquipmentRenewalPlans)
      .where(sql`t.id = ANY(CAST(${[...ids]} AS uuid[]))`)
      .aggregate<{ id: string; overdue: boolean }>(sql`t.id AS "id", ${renewalOverdueSql('t', day)} AS "overdue"`);
    return byKeys(ids, rows, (r) => r.id);
  });
  const row = await loader.load(id);
  if (!row) throw new Error(`EquipmentRenewalPlan ${id}: whether it is overdue was asked for outside the reader's scope.`);
  return row.overdue;
}
