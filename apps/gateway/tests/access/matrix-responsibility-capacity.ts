import { NIL, type MatrixRows, type Who } from './matrix-roles';

/** responsibility.capacity:read and responsibility.ranking:read: the office, departments, villages, inspectors and read-only integrations. */
const READERS: Who[] = ['admin', 'anban', 'jingfa', 'wenfeng', 'zhifa', 'integration'];
/** responsibility.capacity:manage: the office and villages (their own). */
const KEEPERS: Who[] = ['admin', 'anban', 'wenfeng'];

/** Responsibility module, capacity part: every operation with who may call it (the writes name a missing record). */
export const RESPONSIBILITY_CAPACITY_ROWS: MatrixRows = {
  'Query.villageCapacities': { op: `{ villageCapacities(first: 1) { totalCount } }`, allowed: READERS },
  'Query.quarterlyRanking': { op: `{ quarterlyRanking(year: 2025, quarter: 1, group: VILLAGES, components: [{ indicatorCode: "responsibility.key-task-on-time-completion" }], first: 1) { totalCount } }`, allowed: READERS },
  'Mutation.recordVillageEmergencyCommitment': { op: `mutation { recordVillageEmergencyCommitment(input: { organizationId: "${NIL}", arrivalMinutes: 20 }) { id } }`, allowed: KEEPERS },
  'Mutation.updateVillageEmergencyCommitment': { op: `mutation { updateVillageEmergencyCommitment(input: { id: "${NIL}", version: 1, arrivalMinutes: 20 }) { id } }`, allowed: KEEPERS },
};
