import { NIL, type MatrixRows, type Who } from './matrix-roles';

/** enforcement.plan:read: the office, departments, inspectors and read-only integrations (not villages, grids or enterprises: 四不两直). */
const PLAN_READERS: Who[] = ['admin', 'anban', 'jingfa', 'zhifa', 'integration'];
/** enforcement.plan:manage: the town safety office. */
const PLAN_MANAGERS: Who[] = ['admin', 'anban'];

/** Enforcement module, annual plans part: every operation with who may call it (the writes name a missing record, so an allowed caller writes nothing). */
export const ENFORCEMENT_PLANS_ROWS: MatrixRows = {
  'Query.inspectionPlan': { op: `{ inspectionPlan(id: "${NIL}") { id } }`, allowed: PLAN_READERS },
  'Query.inspectionPlans': { op: `{ inspectionPlans(first: 1) { totalCount } }`, allowed: PLAN_READERS },
  'Query.inspectionPlanPreview': {
    op: `{ inspectionPlanPreview(input: { year: 2026, certifiedInspectors: 2, otherEnforcementDays: 0, nonEnforcementDays: 0 }) { inspectionWorkingDays } }`,
    allowed: PLAN_READERS,
  },
  'Mutation.createInspectionPlan': {
    op: `mutation { createInspectionPlan(input: { organizationId: "${NIL}", year: 2027, certifiedInspectors: 2, otherEnforcementDays: 0, nonEnforcementDays: 0 }) { id } }`,
    allowed: PLAN_MANAGERS,
  },
  'Mutation.updateInspectionPlan': { op: `mutation { updateInspectionPlan(input: { id: "${NIL}", version: 1, certifiedInspectors: 3 }) { id } }`, allowed: PLAN_MANAGERS },
  'Mutation.deriveInspectionPlanEntries': { op: `mutation { deriveInspectionPlanEntries(input: { id: "${NIL}", version: 1 }) { id } }`, allowed: PLAN_MANAGERS },
  'Mutation.approveInspectionPlan': { op: `mutation { approveInspectionPlan(input: { id: "${NIL}", version: 1 }) { id } }`, allowed: PLAN_MANAGERS },
  'Mutation.reviseInspectionPlan': { op: `mutation { reviseInspectionPlan(input: { id: "${NIL}", version: 1 }) { id } }`, allowed: PLAN_MANAGERS },
  'Mutation.updateInspectionPlanEntry': { op: `mutation { updateInspectionPlanEntry(input: { id: "${NIL}", version: 1, plannedInspections: 1, plannedMonths: [3] }) { id } }`, allowed: PLAN_MANAGERS },
  'Mutation.removeInspectionPlanEntry': { op: `mutation { removeInspectionPlanEntry(input: { id: "${NIL}", version: 1 }) { id } }`, allowed: PLAN_MANAGERS },
};
