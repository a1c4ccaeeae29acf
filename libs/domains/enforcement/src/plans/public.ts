// The part's public face (re-exported by the module's index.ts).
// Declared entities: the other parts read the plans through these, never by SQL on their tables.
export { InspectionPlans, InspectionPlanEntries } from './plans.entities';
export { InspectionPlan, InspectionPlanEntry } from './inspection-plan.entity';
export { EnterpriseClass, InspectionPlanStatus } from './plan.enums';
export { InspectionPlanCalculation } from './plan-calculation';
export { PlanPermission } from './plans.permissions';
export { planEvents, type PlanEvents } from './plans.events';
export { planRules, type PlanRule } from './plans.rules';
export { InspectionPlanReference, InspectionPlanEntryReference } from './plan.loaders';
export { enterpriseClassesOf, frequencyCapFor, type EnterpriseClassification } from './enterprise-classes';
export { inspectionPlanSeedId, inspectionPlanEntrySeedId } from './plan.seed';
export { INSPECTION_FREQUENCY_RULE, INSPECTION_WORKLOAD_RULE } from '../business-rules/plans';
