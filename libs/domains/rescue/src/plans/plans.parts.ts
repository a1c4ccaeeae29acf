import type { ModuleParts } from '../shared/module-parts';
import { EmergencyPlan } from './emergency-plan.entity';
import { Drill, DrillProblem } from './drill.entity';
import { DrillRule } from './drill-rule.entity';
import { EmergencyPlanResolver } from './emergency-plan.resolver';
import { DrillProblemResolver, DrillResolver } from './drill.resolver';
import { DrillComplianceResolver, DrillRuleResolver } from './drill-rule.resolver';
import { CreatePlansAndDrills1764401900000 } from '../migrations/1764401900000-create-plans-and-drills';
import { seedPlans } from './seed-plans';
import { Drills } from './plans.entities';

/** The plans area of the rescue module: emergency plans (version chains), drills and their problems, drill rules and compliance (work-plan point 十一). */
export const plansParts: ModuleParts = {
  entities: [EmergencyPlan, Drill, DrillProblem, DrillRule],
  resolvers: [EmergencyPlanResolver, DrillResolver, DrillProblemResolver, DrillRuleResolver, DrillComplianceResolver],
  migrations: [CreatePlansAndDrills1764401900000],
  scopedEntities: [Drills],
  seed: seedPlans,
};
