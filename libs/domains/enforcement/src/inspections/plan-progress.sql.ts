import { records, runSql, sql, type RequestContext } from '@platform/core';
import { InspectionPlanEntries, InspectionPlans } from '../plans/public';
import { VISITED_STATUSES } from './inspection.enums';
import { Inspections } from './inspections.entities';

/** Planned and done inspections of one plan, month and class. */
export interface PlanProgressRow {
  readonly planId: string;
  readonly month: number;
  readonly enterpriseClass: 'KEY' | 'ORDINARY';
  readonly planned: number;
  readonly done: number;
}

/**
 * The monthly progress of a set of plans in ONE statement: per plan, month and class, the inspections
 * its entries plan in the month (one per planned month) and the visits recorded in the month, in the
 * plan's year, by the plan's legal subject at the entries' enterprises (within the caller's scope for
 * inspections). Rows only where either is not zero.
 */
export function planProgressRows(ctx: RequestContext, planIds: readonly string[]): Promise<PlanProgressRow[]> {
  const ids = sql`CAST(${[...planIds]} AS uuid[])`;
  const entries = records(ctx, InspectionPlanEntries).as('e').where(sql`e.plan_id = ANY(${ids})`).subquery(sql`e.plan_id, e.enterprise_id, e.enterprise_class, e.planned_months`);
  const plans = records(ctx, InspectionPlans).as('p').where(sql`p.id = ANY(${ids})`).subquery(sql`p.id, p.organization_id, p.year`);
  const visits = records(ctx, Inspections).where(sql`t.status = ANY(${[...VISITED_STATUSES]})`).subquery(sql`t.enterprise_id, t.legal_subject_id, t.visited_on`);
  return runSql<PlanProgressRow>(
    ctx.manager,
    sql`SELECT x.plan_id AS "planId", x.month, x.enterprise_class AS "enterpriseClass", sum(x.planned)::int AS planned, sum(x.done)::int AS done
          FROM (
            SELECT e.plan_id, m.month, e.enterprise_class, 1 AS planned, 0 AS done
              FROM ${entries} e CROSS JOIN LATERAL unnest(e.planned_months) AS m(month)
            UNION ALL
            SELECT e.plan_id, date_part('month', i.visited_on)::int, e.enterprise_class, 0, 1
              FROM ${entries} e JOIN ${plans} p ON p.id = e.plan_id
              JOIN ${visits} i ON i.enterprise_id = e.enterprise_id AND i.legal_subject_id = p.organization_id AND date_part('year', i.visited_on) = p.year
          ) x
         GROUP BY x.plan_id, x.month, x.enterprise_class`,
  );
}
