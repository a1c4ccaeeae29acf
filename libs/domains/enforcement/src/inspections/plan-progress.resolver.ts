import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { ReadsColumns, RequirePermission, type RequestContext } from '@platform/core';
import { EnterpriseClass, InspectionPlan } from '../plans/public';
import { InspectionPermission } from './inspections.permissions';
import { InspectionPlanMonthProgress, InspectionPlanProgress } from './inspection.types';
import { planProgressRows, type PlanProgressRow } from './plan-progress.sql';

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);

/** The progress of one plan from its rows: twelve months with their class figures and running totals. */
export function planProgress(rows: readonly PlanProgressRow[]): InspectionPlanProgress {
  let cumulativePlanned = 0;
  let cumulativeDone = 0;
  const months = MONTHS.map((month) => {
    const of = (c: EnterpriseClass, k: 'planned' | 'done') => rows.filter((r) => r.month === month && r.enterpriseClass === c).reduce((n, r) => n + r[k], 0);
    const m = Object.assign(new InspectionPlanMonthProgress(), {
      month,
      plannedKey: of(EnterpriseClass.KEY, 'planned'),
      plannedOrdinary: of(EnterpriseClass.ORDINARY, 'planned'),
      doneKey: of(EnterpriseClass.KEY, 'done'),
      doneOrdinary: of(EnterpriseClass.ORDINARY, 'done'),
    });
    m.planned = m.plannedKey + m.plannedOrdinary;
    m.done = m.doneKey + m.doneOrdinary;
    cumulativePlanned += m.planned;
    cumulativeDone += m.done;
    return Object.assign(m, { cumulativePlanned, cumulativeDone, cumulativeRate: cumulativePlanned ? cumulativeDone / cumulativePlanned : null });
  });
  return Object.assign(new InspectionPlanProgress(), { planned: cumulativePlanned, done: cumulativeDone, rate: cumulativePlanned ? cumulativeDone / cumulativePlanned : null, months });
}

@Resolver(() => InspectionPlan)
export class InspectionPlanProgressResolver {
  @FieldResolver(() => InspectionPlanProgress, { description: '执行进度。Per month, inspections planned (by the entries\' planned months) and done (visits recorded by the plan\'s legal subject at its enterprises), by class and cumulative; counts the inspections in your scope (needs enforcement.inspection:read).' })
  @RequirePermission(InspectionPermission.Read)
  @ReadsColumns('id')
  async progress(@Ctx() ctx: RequestContext, @Root() plan: InspectionPlan): Promise<InspectionPlanProgress> {
    const rows = await ctx.loaders
      .get('enforcement.inspectionPlan.progress', undefined, async (ids: readonly string[]) => {
        const all = await planProgressRows(ctx, ids);
        return ids.map((id) => all.filter((r) => r.planId === id));
      })
      .load(plan.id);
    return planProgress(rows as PlanProgressRow[]);
  }
}
