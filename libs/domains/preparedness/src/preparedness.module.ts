import type { DomainModule } from '@platform/core';
import { EmergencyPlan } from './plans/emergency-plan.entity';
import { Drill, DrillProblem } from './plans/drill.entity';
import { DrillRule } from './plans/drill-rule.entity';
import { EmergencyPlanResolver } from './plans/emergency-plan.resolver';
import { DrillProblemResolver, DrillResolver } from './plans/drill.resolver';
import { DrillComplianceResolver, DrillRuleResolver } from './plans/drill-rule.resolver';
import { CreatePlansAndDrills1764401900000 } from './migrations/1764401900000-create-plans-and-drills';
import { seedPlans } from './plans/seed-plans';
import { preparednessNodeEntities } from './preparedness.entities';
import { preparednessPermissions } from './permissions';
import { preparednessEvents } from './preparedness.events';
import { drillComplianceRate } from './plans/drill-compliance-indicator';

/**
 * 应急准备: emergency plans (version chains), drills and their problems, drill rules and compliance (work-plan point 十一).
 */
export const preparednessModule: DomainModule = {
  name: 'preparedness',
  description: '应急准备。Emergency preparedness (work-plan point 十一): emergency plans as version chains with review dates, drills and the problems they found, drill rules and each organization\'s drill compliance.',
  dependsOn: ['directory', 'risk'],
  entities: [EmergencyPlan, Drill, DrillProblem, DrillRule],
  resolvers: [EmergencyPlanResolver, DrillResolver, DrillProblemResolver, DrillRuleResolver, DrillComplianceResolver],
  migrations: [CreatePlansAndDrills1764401900000],
  permissions: preparednessPermissions,
  scopedEntities: preparednessNodeEntities,
  events: [preparednessEvents],
  indicators: [drillComplianceRate],
  seed: seedPlans,
};
