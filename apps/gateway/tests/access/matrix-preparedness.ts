import { NIL, READERS, type MatrixRows, type Who } from './matrix-roles';

/** rescue.plan:read: every role but the anonymous caller. */
const PLAN_READERS: Who[] = READERS;
/** rescue.plan:write: the town safety office, village officers and enterprise safety managers. */
const PLAN_WRITERS: Who[] = ['admin', 'anban', 'wenfeng', 'sinopec-nanping'];
/** rescue.rule:manage: the town safety office. */
const RULE_MANAGERS: Who[] = ['admin', 'anban'];

/** Rescue module, plans: every operation with who may call it. */
export const RESCUE_PLAN_ROWS: MatrixRows = {
  'Query.emergencyPlan': { op: `{ emergencyPlan(id: "${NIL}") { id } }`, allowed: PLAN_READERS },
  'Query.emergencyPlans': { op: `{ emergencyPlans(first: 1) { totalCount } }`, allowed: PLAN_READERS },
  'Query.drill': { op: `{ drill(id: "${NIL}") { id } }`, allowed: PLAN_READERS },
  'Query.drills': { op: `{ drills(first: 1) { totalCount } }`, allowed: PLAN_READERS },
  'Query.drillRules': { op: `{ drillRules(first: 1) { totalCount } }`, allowed: PLAN_READERS },
  'Query.drillCompliance': { op: `{ drillCompliance(year: 2025, first: 1) { totalCount } }`, allowed: PLAN_READERS },
  'Mutation.createEmergencyPlan': { op: `mutation { createEmergencyPlan(input: { organizationId: "${NIL}", type: VILLAGE, title: "xx" }) { id } }`, allowed: PLAN_WRITERS },
  'Mutation.updateEmergencyPlan': { op: `mutation { updateEmergencyPlan(input: { id: "${NIL}", version: 1, title: "xx" }) { id } }`, allowed: PLAN_WRITERS },
  'Mutation.approveEmergencyPlan': {
    op: `mutation { approveEmergencyPlan(input: { id: "${NIL}", version: 1, approvedOn: "2025-01-01", nextReviewOn: "2028-01-01" }) { id } }`,
    allowed: PLAN_WRITERS,
  },
  'Mutation.reviseEmergencyPlan': { op: `mutation { reviseEmergencyPlan(input: { id: "${NIL}", version: 1 }) { id } }`, allowed: PLAN_WRITERS },
  'Mutation.reviewEmergencyPlan': {
    op: `mutation { reviewEmergencyPlan(input: { id: "${NIL}", version: 1, reviewedOn: "2025-01-01", nextReviewOn: "2026-01-01" }) { id } }`,
    allowed: PLAN_WRITERS,
  },
  'Mutation.archiveEmergencyPlan': { op: `mutation { archiveEmergencyPlan(input: { id: "${NIL}", version: 1 }) { id } }`, allowed: PLAN_WRITERS },
  'Mutation.recordDrill': {
    op: `mutation { recordDrill(input: { organizationId: "${NIL}", heldOn: "2025-01-01", form: EVACUATION, title: "xx", participantCount: 1 }) { id } }`,
    allowed: PLAN_WRITERS,
  },
  'Mutation.updateDrill': { op: `mutation { updateDrill(input: { id: "${NIL}", version: 1, title: "xx" }) { id } }`, allowed: PLAN_WRITERS },
  'Mutation.completeDrillProblem': { op: `mutation { completeDrillProblem(input: { id: "${NIL}", version: 1, doneOn: "2025-01-01" }) { id } }`, allowed: PLAN_WRITERS },
  'Mutation.createDrillRule': {
    op: `mutation { createDrillRule(input: { code: "VILLAGE_YEARLY", name: "xx", organizationKinds: [VILLAGE], period: YEAR, minDrills: 1, qualifyingForms: [], priority: 1 }) { id } }`,
    allowed: RULE_MANAGERS,
  },
  'Mutation.updateDrillRule': { op: `mutation { updateDrillRule(input: { id: "${NIL}", version: 1, minDrills: 1 }) { id } }`, allowed: RULE_MANAGERS },
  'Mutation.archiveDrillRule': { op: `mutation { archiveDrillRule(input: { id: "${NIL}", version: 1 }) { id } }`, allowed: RULE_MANAGERS },
};
