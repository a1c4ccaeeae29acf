import { NIL, type MatrixRows, type Who } from './matrix-roles';

/** rescue.duty:read — town safety office, department officers, village officers, grid workers, inspectors, the integration client. */
const DUTY_READERS: Who[] = ['admin', 'anban', 'jingfa', 'wenfeng', 'wenfeng-grid1', 'zhifa', 'integration'];
/** rescue.duty:write — who arranges rosters. */
const DUTY_WRITERS: Who[] = ['admin', 'anban', 'wenfeng'];
/** rescue.duty:check-in — who may confirm, check in to and hand over a shift. */
const DUTY_CHECKERS: Who[] = ['admin', 'anban', 'jingfa', 'wenfeng', 'wenfeng-grid1'];
/** rescue.rule:manage — who edits the coverage rules. */
const RULE_MANAGERS: Who[] = ['admin', 'anban'];

/** Rescue module, duty: every operation with who may call it. */
export const RESCUE_DUTY_ROWS: MatrixRows = {
  'Query.dutyShifts': { op: `{ dutyShifts(first: 1) { totalCount } }`, allowed: DUTY_READERS },
  'Query.dutyAssignments': { op: `{ dutyAssignments(first: 1) { totalCount } }`, allowed: DUTY_READERS },
  'Query.dutyRequirements': { op: `{ dutyRequirements(first: 1) { totalCount } }`, allowed: DUTY_READERS },
  'Query.dutyCoverage': { op: `{ dutyCoverage(from: "2025-06-01", to: "2025-06-30") { gapCount } }`, allowed: DUTY_READERS },
  'Mutation.createDutyShift': { op: `mutation { createDutyShift(input: { organizationId: "${NIL}", name: "x", startsAt: "08:30", durationMinutes: 60 }) { id } }`, allowed: DUTY_WRITERS },
  'Mutation.updateDutyShift': { op: `mutation { updateDutyShift(input: { id: "${NIL}", version: 1 }) { id } }`, allowed: DUTY_WRITERS },
  'Mutation.archiveDutyShift': { op: `mutation { archiveDutyShift(input: { id: "${NIL}", version: 1 }) { id } }`, allowed: DUTY_WRITERS },
  'Mutation.assignDuty': { op: `mutation { assignDuty(input: { shiftId: "${NIL}", day: "2099-01-01", personId: "${NIL}", role: STAFF }) { id } }`, allowed: DUTY_WRITERS },
  'Mutation.cancelDutyAssignment': { op: `mutation { cancelDutyAssignment(input: { id: "${NIL}", version: 1 }) { id } }`, allowed: DUTY_WRITERS },
  'Mutation.confirmDutyAssignment': { op: `mutation { confirmDutyAssignment(input: { id: "${NIL}", version: 1 }) { id } }`, allowed: DUTY_CHECKERS },
  'Mutation.checkInDuty': { op: `mutation { checkInDuty(input: { id: "${NIL}", version: 1 }) { id } }`, allowed: DUTY_CHECKERS },
  'Mutation.handOverDuty': { op: `mutation { handOverDuty(input: { id: "${NIL}", version: 1, note: "交班记录" }) { id } }`, allowed: DUTY_CHECKERS },
  'Mutation.createDutyRequirement': {
    op: `mutation { createDutyRequirement(input: { code: "X_TEST", name: "xx", organizationKinds: [VILLAGE], season: NORMAL, minLeaders: 0, minStaff: 1 }) { id } }`,
    allowed: RULE_MANAGERS,
  },
  'Mutation.updateDutyRequirement': { op: `mutation { updateDutyRequirement(input: { id: "${NIL}", version: 1 }) { id } }`, allowed: RULE_MANAGERS },
  'Mutation.archiveDutyRequirement': { op: `mutation { archiveDutyRequirement(input: { id: "${NIL}", version: 1 }) { id } }`, allowed: RULE_MANAGERS },
};
