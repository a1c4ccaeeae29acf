import { NIL, type MatrixRows, type Who } from './matrix-roles';

/** reporting.publicity:read: the office, departments, villages (their subtree) and read-only integrations. */
const PUBLICITY_READERS: Who[] = ['admin', 'anban', 'jingfa', 'wenfeng', 'integration'];
/** reporting.publicity:manage: the office and villages (their subtree). */
const PUBLICITY_MANAGERS: Who[] = ['admin', 'anban', 'wenfeng'];

/** Reporting module, publicity part (宣传五进, 预警转移表扬): every operation with who may call it (the writes name a missing record, so an allowed caller writes nothing). */
export const REPORTING_PUBLICITY_ROWS: MatrixRows = {
  'Query.publicityActivity': { op: `{ publicityActivity(id: "${NIL}") { id } }`, allowed: PUBLICITY_READERS },
  'Query.publicityActivities': { op: `{ publicityActivities(first: 1) { totalCount } }`, allowed: PUBLICITY_READERS },
  'Query.publicityCoverage': { op: `{ publicityCoverage(year: 2026, first: 1) { totalCount } }`, allowed: PUBLICITY_READERS },
  'Query.evacuationCommendation': { op: `{ evacuationCommendation(id: "${NIL}") { id } }`, allowed: PUBLICITY_READERS },
  'Query.evacuationCommendations': { op: `{ evacuationCommendations(first: 1) { totalCount } }`, allowed: PUBLICITY_READERS },
  'Mutation.recordPublicityActivity': {
    op: `mutation { recordPublicityActivity(input: { kind: OTHER, title: "矩阵测试", heldOn: "2026-01-02", organizationId: "${NIL}", audienceCount: 1 }) { id } }`,
    allowed: PUBLICITY_MANAGERS,
  },
  'Mutation.updatePublicityActivity': { op: `mutation { updatePublicityActivity(input: { id: "${NIL}", version: 1, audienceCount: 2 }) { id } }`, allowed: PUBLICITY_MANAGERS },
  'Mutation.removePublicityActivity': { op: `mutation { removePublicityActivity(input: { id: "${NIL}", version: 1 }) { id } }`, allowed: PUBLICITY_MANAGERS },
  'Mutation.recordEvacuationCommendation': {
    op: `mutation { recordEvacuationCommendation(input: { warningId: "${NIL}", organizationId: "${NIL}", commendedName: "矩阵测试", evacuatedCount: 1, reason: "矩阵测试" }) { id } }`,
    allowed: PUBLICITY_MANAGERS,
  },
};
