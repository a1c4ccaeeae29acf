import { SeedRandom, audit, businessRules, records, type RequestContext } from '@platform/core';
import { organizationIdWithinSubtree, seedId } from '@platform/directory';
import { INSPECTION_FREQUENCY_RULE } from '../business-rules/plans';
import { EnterpriseClass } from './plan.enums';
import { capOf, classifyEnterprises } from './enterprise-classes';
import { computePlan, figuresPatch, listFigures, type PlanInputs } from './plan-computation';
import { insertPlanEntries, type PlanEntryRow } from './plan-entries.sql';
import { insertSeedPlan } from './plan.seed.sql';
import { InspectionPlans } from './plans.entities';

/** The seed id of the town government's plan of a year. */
export const inspectionPlanSeedId = (year: number): string => seedId(`inspection-plan:${year}:town`);
/** The seed id of an enterprise's entry in the town government's plan of a year. */
export const inspectionPlanEntrySeedId = (year: number, enterpriseId: string): string => seedId(`inspection-plan-entry:${year}:${enterpriseId}`);

/** The town government's plans: four certified inspectors (the brigade head and three staff), the office's own estimates of the other days. */
const SEED_PLANS = [
  {
    year: 2025,
    certifiedInspectors: 4,
    otherEnforcementDays: 230,
    nonEnforcementDays: 310,
    note: '其他执法工作日按2024年案件办理、专项整治和投诉核查实际用时估算；非执法工作日含学习培训、会议、值班值守和休假。',
    createdAt: '2025-01-10T09:00:00+08:00',
    approvedAt: '2025-01-24T10:00:00+08:00',
  },
  {
    year: 2026,
    certifiedInspectors: 4,
    otherEnforcementDays: 250,
    nonEnforcementDays: 320,
    note: '其他执法工作日较上年增加：承接赋权执法事项后案件办理用时增加（渝府办发〔2025〕28号）；非执法工作日含学习培训、会议、值班值守和休假。',
    createdAt: '2026-01-09T09:00:00+08:00',
    approvedAt: '2026-01-23T10:00:00+08:00',
  },
] as const;

/** Enterprises the office moved to KEY whatever the derivation says, with its reason. */
const MOVED_TO_KEY: Readonly<Record<string, string>> = {
  'ent-xianda-cold-chain': '涉氨制冷（液氨制冷系统），列为重点监管企业',
};

/**
 * Planned inspections of an enterprise (key 2 up to the cap, ordinary 1 up to the cap) and their
 * months, evenly spaced over the year from a seeded first month.
 */
function plannedOf(year: number, enterpriseId: string, cap: number, key: boolean): { plannedInspections: number; plannedMonths: number[] } {
  const r = SeedRandom.of(`inspection-plan:${year}:${enterpriseId}`);
  const n = Math.min(cap, key ? r.int(2, 4) : r.int(1, 2));
  const offset = r.int(0, Math.floor(12 / n) - 1);
  return { plannedInspections: n, plannedMonths: Array.from({ length: n }, (_, k) => 1 + offset + Math.floor((k * 12) / n)) };
}

/**
 * The town government's 2025 and 2026 plans, approved in January of their year, over every enterprise
 * of 南平镇 as derived from the directory and risk when seeded (an ammonia cold store moved to KEY by
 * the office). Fixed dates and seeded counts, so the same on every day; plans that exist are left alone.
 */
export async function seedPlans(ctx: RequestContext): Promise<void> {
  const town = seedId('org:town');
  const derived = await classifyEnterprises(ctx, organizationIdWithinSubtree('t.id', town));
  const moved = new Map(Object.entries(MOVED_TO_KEY).map(([key, reason]) => [seedId(`org:${key}`), reason]));
  let inserted = 0;
  for (const p of SEED_PLANS) {
    const id = inspectionPlanSeedId(p.year);
    if (await records(ctx, InspectionPlans).exists(id)) continue;
    const inputs: PlanInputs = { year: p.year, periodFrom: `${p.year}-01-01`, periodTo: `${p.year}-12-31`, certifiedInspectors: p.certifiedInspectors, otherEnforcementDays: p.otherEnforcementDays, nonEnforcementDays: p.nonEnforcementDays, keyInspectionDays: null, ordinaryInspectionDays: null };
    const computed = await computePlan(ctx, inputs);
    const caps = (await businessRules.stored(ctx, INSPECTION_FREQUENCY_RULE, computed.frequencyRuleVersionId)).value;
    const classed = derived.map((d) => ({ ...d, enterpriseClass: moved.has(d.enterpriseId) ? EnterpriseClass.KEY : d.enterpriseClass }));
    const ordered = [...classed.filter((d) => d.enterpriseClass === EnterpriseClass.KEY), ...classed.filter((d) => d.enterpriseClass === EnterpriseClass.ORDINARY)];
    const entries: PlanEntryRow[] = ordered.map((d, i) => {
      const derivedClass = derived.find((x) => x.enterpriseId === d.enterpriseId)!.enterpriseClass;
      return {
        id: inspectionPlanEntrySeedId(p.year, d.enterpriseId),
        enterpriseId: d.enterpriseId,
        position: (i + 1) * 10,
        enterpriseClass: d.enterpriseClass,
        derivedClass,
        derivedReason: d.reason,
        reclassificationReason: d.enterpriseClass === derivedClass ? null : moved.get(d.enterpriseId)!,
        ...plannedOf(p.year, d.enterpriseId, capOf(caps, d.enterpriseClass), d.enterpriseClass === EnterpriseClass.KEY),
      };
    });
    const groups = entries.map((e) => ({ enterpriseClass: e.enterpriseClass as EnterpriseClass, inspections: e.plannedInspections, enterprises: 1 }));
    const figures = listFigures(groups, computed.inspectionWorkingDays, computed.keyInspectionDaysApplied);
    const created = await insertSeedPlan(ctx, {
      id,
      organizationId: town,
      year: p.year,
      title: `南平镇${p.year}年度安全生产监督检查计划`,
      periodFrom: inputs.periodFrom,
      periodTo: inputs.periodTo,
      certifiedInspectors: p.certifiedInspectors,
      otherEnforcementDays: p.otherEnforcementDays,
      nonEnforcementDays: p.nonEnforcementDays,
      ...computed,
      ...figuresPatch(figures),
      note: p.note,
      approvedByName: '南平镇安全生产办公室',
      createdAt: p.createdAt,
      approvedAt: p.approvedAt,
    });
    if (!created) continue;
    await insertPlanEntries(ctx, id, entries, p.createdAt);
    inserted++;
  }
  if (inserted) await audit(ctx, { action: 'enforcement.inspection-plan.seed', entityType: 'InspectionPlan', entityId: null, changes: { plans: inserted } });
}
