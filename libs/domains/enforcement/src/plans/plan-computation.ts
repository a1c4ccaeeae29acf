import { assertNotBefore, BadUserInputError, addDays, businessRules, records, sql, workingDays, type RequestContext } from '@platform/core';
import { INSPECTION_FREQUENCY_RULE, INSPECTION_WORKLOAD_RULE } from '../business-rules/plans';
import { inspectionWorkingDaysOf, keyEnterprisesCoverable, type ListFigures } from './plan-calculation';
import { EnterpriseClass } from './plan.enums';
import type { InspectionPlan } from './inspection-plan.entity';
import { InspectionPlanEntries } from './plans.entities';
import { planRules } from './plans.rules';

/*
 * What a plan computes when it is saved: its period checked, the legal working days of the period on
 * the kernel calendar, the inspection working days (refused when negative), the rule versions it
 * applies (in force on the period's last day: the caps and workloads published for that year), and
 * the figures of its enterprise list.
 */

/** A plan's calculator inputs as saved (the plan's own days per inspection, null to follow the rule). */
export interface PlanInputs {
  readonly year: number;
  readonly periodFrom: string;
  readonly periodTo: string;
  readonly certifiedInspectors: number;
  readonly otherEnforcementDays: number;
  readonly nonEnforcementDays: number;
  readonly keyInspectionDays: number | null;
  readonly ordinaryInspectionDays: number | null;
}

/** What the inputs give: stored with the plan. */
export type ComputedPlan = Pick<InspectionPlan, 'legalWorkingDays' | 'inspectionWorkingDays' | 'workloadRuleVersionId' | 'frequencyRuleVersionId' | 'keyInspectionDaysApplied' | 'ordinaryInspectionDaysApplied'>;

/** The most entries a plan's list holds (the enterprises of one town's territory). */
export const MAX_PLAN_ENTRIES = 5000;

/** The months (1–12) a period covers. */
export function periodMonths(from: string, to: string): number[] {
  const first = Number(from.slice(5, 7));
  const last = Number(to.slice(5, 7));
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

/** Checks the inputs and computes what the plan stores with them (see the file's comment). */
export async function computePlan(ctx: RequestContext, i: PlanInputs): Promise<ComputedPlan> {
  for (const [field, day] of [['input.periodFrom', i.periodFrom], ['input.periodTo', i.periodTo]] as const) {
    if (!day.startsWith(`${i.year}-`)) throw planRules.field(field, 'range', `must lie in ${i.year}.`);
  }
  assertNotBefore(i.periodFrom, i.periodTo, 'input.periodTo', 'periodFrom');
  for (const [field, value] of [['input.keyInspectionDays', i.keyInspectionDays], ['input.ordinaryInspectionDays', i.ordinaryInspectionDays]] as const) {
    if (value !== null && !Number.isInteger(value * 2)) throw planRules.field(field, 'range', 'must be given in half days (0.5, 1, 1.5, …).');
  }
  const legalWorkingDays = await workingDays.between(ctx, addDays(i.periodFrom, -1), i.periodTo);
  const inspectionWorkingDays = inspectionWorkingDaysOf({ ...i, legalWorkingDays });
  if (inspectionWorkingDays < 0) {
    const formula = `监督检查工作日 = ${legalWorkingDays} × ${i.certifiedInspectors} − ${i.otherEnforcementDays} − ${i.nonEnforcementDays} = ${inspectionWorkingDays}`;
    const message = `${formula} is negative: the other and non-enforcement days exceed the certified inspectors' ${legalWorkingDays * i.certifiedInspectors} working days of the period (安监总政法〔2017〕150号).`;
    throw new BadUserInputError(`input: ${message}`, [planRules.violation('input.otherEnforcementDays', 'inspectionDays', message), planRules.violation('input.nonEnforcementDays', 'inspectionDays', message)]);
  }
  const workload = await businessRules.inForce(ctx, INSPECTION_WORKLOAD_RULE, i.periodTo, 'input.periodTo');
  const frequency = await businessRules.inForce(ctx, INSPECTION_FREQUENCY_RULE, i.periodTo, 'input.periodTo');
  return {
    legalWorkingDays,
    inspectionWorkingDays,
    workloadRuleVersionId: workload.id,
    frequencyRuleVersionId: frequency.id,
    keyInspectionDaysApplied: i.keyInspectionDays ?? workload.value.keyInspectionDays,
    ordinaryInspectionDaysApplied: i.ordinaryInspectionDays ?? workload.value.ordinaryInspectionDays,
  };
}

/** The list figures from how many enterprises of each class plan each number of inspections. */
export function listFigures(groups: ReadonlyArray<{ readonly enterpriseClass: EnterpriseClass; readonly inspections: number; readonly enterprises: number }>, inspectionWorkingDays: number, keyDays: number): ListFigures {
  const of = (c: EnterpriseClass) => groups.filter((g) => g.enterpriseClass === c);
  const sum = (gs: typeof groups, f: (g: (typeof groups)[number]) => number) => gs.reduce((n, g) => n + f(g), 0);
  const key = of(EnterpriseClass.KEY);
  const ordinary = of(EnterpriseClass.ORDINARY);
  return {
    keyEnterprises: sum(key, (g) => g.enterprises),
    keyInspections: sum(key, (g) => g.enterprises * g.inspections),
    keyEnterprisesCoverable: keyEnterprisesCoverable(key, inspectionWorkingDays, keyDays),
    ordinaryEnterprises: sum(ordinary, (g) => g.enterprises),
    ordinaryInspections: sum(ordinary, (g) => g.enterprises * g.inspections),
  };
}

/** The figures of a plan's stored list (one grouped statement). */
export async function listFiguresOf(ctx: RequestContext, planId: string, inspectionWorkingDays: number, keyDays: number): Promise<ListFigures> {
  const groups = await records(ctx, InspectionPlanEntries)
    .where(sql`t.plan_id = ${planId}`)
    .aggregate<{ enterpriseClass: EnterpriseClass; inspections: number; enterprises: number }>(sql`t.enterprise_class AS "enterpriseClass", t.planned_inspections AS "inspections", count(*)::int AS "enterprises"`, {
      groupBy: sql`t.enterprise_class, t.planned_inspections`,
    });
  return listFigures(groups, inspectionWorkingDays, keyDays);
}

/** The plan's columns holding the list figures. */
export const figuresPatch = (f: ListFigures): Pick<InspectionPlan, 'keyEnterpriseCount' | 'keyInspectionCount' | 'keyEnterprisesCoverable' | 'ordinaryEnterpriseCount' | 'ordinaryInspectionCount'> => ({
  keyEnterpriseCount: f.keyEnterprises,
  keyInspectionCount: f.keyInspections,
  keyEnterprisesCoverable: f.keyEnterprisesCoverable,
  ordinaryEnterpriseCount: f.ordinaryEnterprises,
  ordinaryInspectionCount: f.ordinaryInspections,
});
