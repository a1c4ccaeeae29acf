import { NIL, type MatrixRows, type Who } from './matrix-roles';

/** enforcement.case:read: the office, departments, inspectors, villages (their subtree), an enterprise (its own) and read-only integrations. */
const CASE_READERS: Who[] = ['admin', 'anban', 'jingfa', 'wenfeng', 'sinopec-nanping', 'zhifa', 'integration'];
/** enforcement.case:manage: inspectors and the town safety office. */
const CASE_MANAGERS: Who[] = ['admin', 'anban', 'zhifa'];
/** enforcement.case:review and enforcement.case:decide (filing approval, decision, extension, closure): the town safety office. */
const CASE_HEADS: Who[] = ['admin', 'anban'];

const step = (name: string, extra = '') => `mutation { ${name}(input: { id: "${NIL}", version: 1${extra} }) { id } }`;
const reason = (name: string, extra = '') => step(name, `, reason: "矩阵测试"${extra}`);

/** Enforcement module, cases part: every operation with who may call it (the writes name a missing record, so an allowed caller writes nothing). */
export const ENFORCEMENT_CASES_ROWS: MatrixRows = {
  'Query.penaltyCase': { op: `{ penaltyCase(id: "${NIL}") { id } }`, allowed: CASE_READERS },
  'Query.penaltyCases': { op: `{ penaltyCases(first: 1) { totalCount } }`, allowed: CASE_READERS },
  'Query.penaltyCasesByDaysLeft': { op: `{ penaltyCasesByDaysLeft(first: 1) { totalCount } }`, allowed: CASE_READERS },
  'Mutation.filePenaltyCase': {
    op: `mutation { filePenaltyCase(input: { enforcementItemId: "${NIL}", legalSubjectId: "${NIL}", enterpriseId: "${NIL}", cause: "矩阵测试", facts: "矩阵测试", actEndedOn: "2026-01-01", enforcerPersonIds: ["${NIL}"], harmToLifeOrHealth: false }) { id } }`,
    allowed: CASE_HEADS,
  },
  'Mutation.declarePenaltyCaseRecusal': { op: step('declarePenaltyCaseRecusal', `, personId: "${NIL}", recused: false`), allowed: CASE_MANAGERS },
  'Mutation.addPenaltyCaseEvidence': {
    op: `mutation { addPenaltyCaseEvidence(input: { caseId: "${NIL}", kind: DOCUMENTARY, title: "矩阵测试", collectedOn: "2026-01-01", collectorPersonIds: ["${NIL}"] }) { id } }`,
    allowed: CASE_MANAGERS,
  },
  'Mutation.startPenaltyCaseInvestigation': { op: step('startPenaltyCaseInvestigation'), allowed: CASE_MANAGERS },
  'Mutation.endPenaltyCaseInvestigation': { op: step('endPenaltyCaseInvestigation', ', summary: "矩阵测试"'), allowed: CASE_MANAGERS },
  'Mutation.reviewPenaltyCase': { op: step('reviewPenaltyCase', ', opinion: "矩阵测试"'), allowed: CASE_HEADS },
  'Mutation.recordPenaltyCaseDiscussion': { op: step('recordPenaltyCaseDiscussion', ', participants: ["甲", "乙", "丙"], conclusion: "矩阵测试"'), allowed: CASE_HEADS },
  'Mutation.notifyPenaltyCase': { op: step('notifyPenaltyCase', ', basis: "矩阵测试", intendedPenalty: "矩阵测试"'), allowed: CASE_MANAGERS },
  'Mutation.recordPenaltyCaseStatement': {
    op: `mutation { recordPenaltyCaseStatement(input: { caseId: "${NIL}", madeOn: "2026-01-01", madeBy: "矩阵测试", content: "矩阵测试", accepted: false, response: "矩阵测试" }) { id } }`,
    allowed: CASE_MANAGERS,
  },
  'Mutation.notifyPenaltyCaseHearing': { op: step('notifyPenaltyCaseHearing', `, requestedOn: "2026-01-01", hearingOn: "2026-01-20", place: "矩阵测试", chairPersonId: "${NIL}"`), allowed: CASE_MANAGERS },
  'Mutation.recordPenaltyCaseHearing': { op: step('recordPenaltyCaseHearing', ', record: "矩阵测试"'), allowed: CASE_MANAGERS },
  'Mutation.decidePenaltyCase': { op: step('decidePenaltyCase', ', decision: NO_PENALTY_MINOR, reason: "矩阵测试"'), allowed: CASE_HEADS },
  'Mutation.servePenaltyCase': { op: step('servePenaltyCase', ', method: DIRECT, recipient: "矩阵测试"'), allowed: CASE_MANAGERS },
  'Mutation.executePenaltyCase': { op: step('executePenaltyCase'), allowed: CASE_MANAGERS },
  'Mutation.closePenaltyCase': { op: reason('closePenaltyCase'), allowed: CASE_HEADS },
  'Mutation.archivePenaltyCase': { op: step('archivePenaltyCase'), allowed: CASE_MANAGERS },
  'Mutation.suspendPenaltyCase': { op: reason('suspendPenaltyCase'), allowed: CASE_MANAGERS },
  'Mutation.resumePenaltyCase': { op: reason('resumePenaltyCase'), allowed: CASE_MANAGERS },
  'Mutation.extendPenaltyCase': { op: reason('extendPenaltyCase', ', days: 30'), allowed: CASE_HEADS },
  'Mutation.setPenaltyCaseCriminalIndicators': { op: step('setPenaltyCaseCriminalIndicators', ', criminalIndicators: []'), allowed: CASE_MANAGERS },
};
