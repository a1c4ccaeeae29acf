import type { EnforcementPart } from '../enforcement.part';
import { CreateInspectionPlans1764403930000 } from '../migrations/1764403930000-create-inspection-plans';
import { planBusinessRules } from '../business-rules/plans';
import { InspectionPlan, InspectionPlanEntry } from './inspection-plan.entity';
import { InspectionPlanEntryResolver, InspectionPlanResolver } from './plan.resolver';
import { seedPlans } from './plan.seed';
import { planNodeEntities } from './plans.entities';
import { planEvents } from './plans.events';
import { planPermissions } from './plans.permissions';

/** 年度监督检查计划 (point 十八): the annual plan calculator, key and ordinary enterprise lists and the frequency cap. */
export const plansPart: EnforcementPart = {
  entities: [InspectionPlan, InspectionPlanEntry],
  resolvers: [InspectionPlanResolver, InspectionPlanEntryResolver],
  migrations: [CreateInspectionPlans1764403930000],
  permissions: planPermissions,
  scopedEntities: planNodeEntities,
  events: [planEvents],
  businessRules: planBusinessRules,
  indicators: [],
  seed: seedPlans,
};
