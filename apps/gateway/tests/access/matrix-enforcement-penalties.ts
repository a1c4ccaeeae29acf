import { NIL, type MatrixRows, type Who } from './matrix-roles';

/** enforcement.case:manage: inspectors and the town safety office (penalty lines and payments are written with the case). */
const CASE_MANAGERS: Who[] = ['admin', 'anban', 'zhifa'];
/** enforcement.on-the-spot:read: the office, departments, inspectors, villages (their subtree), an enterprise (its own) and read-only integrations. */
const ON_THE_SPOT_READERS: Who[] = ['admin', 'anban', 'jingfa', 'wenfeng', 'sinopec-nanping', 'zhifa', 'integration'];
/** enforcement.on-the-spot:manage: inspectors and the town safety office. */
const ON_THE_SPOT_MANAGERS: Who[] = ['admin', 'anban', 'zhifa'];

/** Enforcement module, penalties part: every operation with who may call it (the writes name a missing record, so an allowed caller writes nothing). */
export const ENFORCEMENT_PENALTIES_ROWS: MatrixRows = {
  'Query.onTheSpotPenalty': { op: `{ onTheSpotPenalty(id: "${NIL}") { id } }`, allowed: ON_THE_SPOT_READERS },
  'Query.onTheSpotPenalties': { op: `{ onTheSpotPenalties(first: 1) { totalCount } }`, allowed: ON_THE_SPOT_READERS },
  'Mutation.addPenaltyLine': {
    op: `mutation { addPenaltyLine(input: { caseId: "${NIL}", subjectKind: UNIT, bandId: "${NIL}", lawArticleIds: ["${NIL}"], amountYuan: "1000", reason: "矩阵测试" }) { id } }`,
    allowed: CASE_MANAGERS,
  },
  'Mutation.updatePenaltyLine': { op: `mutation { updatePenaltyLine(input: { id: "${NIL}", version: 1, amountYuan: "1000" }) { id } }`, allowed: CASE_MANAGERS },
  'Mutation.removePenaltyLine': { op: `mutation { removePenaltyLine(input: { id: "${NIL}", version: 1 }) { id } }`, allowed: CASE_MANAGERS },
  'Mutation.recordPenaltyPayment': {
    op: `mutation { recordPenaltyPayment(input: { caseId: "${NIL}", amountYuan: "100", paidOn: "2026-01-01", receiptNumber: "MATRIX-0001" }) { id } }`,
    allowed: CASE_MANAGERS,
  },
  'Mutation.imposeOnTheSpotPenalty': {
    op: `mutation { imposeOnTheSpotPenalty(input: { legalSubjectId: "${NIL}", enforcementItemId: "${NIL}", enterpriseId: "${NIL}", partyKind: CITIZEN, partyName: "矩阵测试", place: "矩阵测试", facts: "矩阵测试", lawArticleIds: ["${NIL}"], kind: WARNING, decidedOn: "2026-01-01", enforcerPersonIds: ["${NIL}"] }) { id } }`,
    allowed: ON_THE_SPOT_MANAGERS,
  },
  'Mutation.fileOnTheSpotPenalty': { op: `mutation { fileOnTheSpotPenalty(input: { id: "${NIL}", version: 1, on: "2026-01-01" }) { id } }`, allowed: ON_THE_SPOT_MANAGERS },
};
