export { preparednessModule } from './preparedness.module';
export { PreparednessPermission } from './permissions';
// Declared entities and scoped readers: other modules read preparedness records through these, never by SQL on its tables.
export { Drills, DrillProblems, DrillRules, EmergencyPlans } from './preparedness.entities';
export { latestDrillOn, DrillRuleReference } from './plans/plans.loaders';
export { DrillRule } from './plans/drill-rule.entity';
export { drillStandingSql, type DrillStandingColumns } from './plans/drill-standing.sql';
export { DrillConnection } from './plans/drill.resolver';
export { EmergencyPlanConnection } from './plans/emergency-plan.resolver';
export { preparednessEvents, type PreparednessEvents } from './preparedness.events';
export { Drill, DrillProblem } from './plans/drill.entity';
export { EmergencyPlan } from './plans/emergency-plan.entity';
export { DrillForm, EmergencyPlanStatus, EmergencyPlanType } from './plans/plan.enums';
