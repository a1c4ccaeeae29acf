import { NIL, type MatrixRows, type Who } from './matrix-roles';

/** enforcement.accident:read: the office, departments, inspectors, villages (their subtree), an enterprise (its own) and read-only integrations. */
const ACCIDENT_READERS: Who[] = ['admin', 'anban', 'jingfa', 'wenfeng', 'sinopec-nanping', 'zhifa', 'integration'];
/** enforcement.accident:investigate: the town safety office and inspectors. */
const ACCIDENT_INVESTIGATORS: Who[] = ['admin', 'anban', 'zhifa'];

const versioned = (name: string, extra = '') => `mutation { ${name}(input: { id: "${NIL}", version: 1${extra} }) { id } }`;

/** Enforcement module, accidents part: every operation with who may call it (the writes name a missing record, so an allowed caller writes nothing). */
export const ENFORCEMENT_ACCIDENTS_ROWS: MatrixRows = {
  'Query.accidentInvestigation': { op: `{ accidentInvestigation(id: "${NIL}") { id } }`, allowed: ACCIDENT_READERS },
  'Query.accidentInvestigations': { op: `{ accidentInvestigations(first: 1) { totalCount } }`, allowed: ACCIDENT_READERS },
  'Query.accidentCategories': { op: `{ accidentCategories(first: 1) { totalCount } }`, allowed: ACCIDENT_READERS },
  'Mutation.openAccidentInvestigation': { op: `mutation { openAccidentInvestigation(input: { incidentId: "${NIL}", kind: WORK_SAFETY, enterpriseId: "${NIL}" }) { id } }`, allowed: ACCIDENT_INVESTIGATORS },
  'Mutation.updateAccidentInvestigation': { op: versioned('updateAccidentInvestigation', ', categoryCode: "07"'), allowed: ACCIDENT_INVESTIGATORS },
  'Mutation.refreshAccidentInvestigation': { op: versioned('refreshAccidentInvestigation'), allowed: ACCIDENT_INVESTIGATORS },
  'Mutation.setAccidentTeam': { op: versioned('setAccidentTeam', ', members: [{ role: GOVERNMENT, name: "矩阵测试", leader: true }]'), allowed: ACCIDENT_INVESTIGATORS },
  'Mutation.extendAccidentInvestigation': { op: versioned('extendAccidentInvestigation', ', days: 10, reason: "矩阵测试"'), allowed: ACCIDENT_INVESTIGATORS },
  'Mutation.submitAccidentReport': { op: versioned('submitAccidentReport', ', summary: "矩阵测试"'), allowed: ACCIDENT_INVESTIGATORS },
  'Mutation.recordAccidentReply': { op: versioned('recordAccidentReply', ', reference: "矩阵测试"'), allowed: ACCIDENT_INVESTIGATORS },
  'Mutation.closeAccidentInvestigation': { op: versioned('closeAccidentInvestigation'), allowed: ACCIDENT_INVESTIGATORS },
  'Mutation.updateAccidentFourNotSpared': { op: versioned('updateAccidentFourNotSpared', ', status: OPEN'), allowed: ACCIDENT_INVESTIGATORS },
  'Mutation.addAccidentOversightFinding': {
    op: `mutation { addAccidentOversightFinding(input: { investigationId: "${NIL}", bodyRole: SUPERVISING, organizationId: "${NIL}", finding: "矩阵测试", responsibility: "矩阵测试" }) { id } }`,
    allowed: ACCIDENT_INVESTIGATORS,
  },
  'Mutation.addAccidentMeasure': { op: `mutation { addAccidentMeasure(input: { investigationId: "${NIL}", measure: "矩阵测试", responsibleOrganizationId: "${NIL}", dueOn: "2026-12-31" }) { id } }`, allowed: ACCIDENT_INVESTIGATORS },
  'Mutation.recordAccidentMeasureProgress': { op: versioned('recordAccidentMeasureProgress'), allowed: ACCIDENT_INVESTIGATORS },
};
