import { NIL, type MatrixRows, type Who } from './matrix-roles';

/** reporting.insurance:read: the office, departments, villages (their subtree), enterprises (their own) and read-only integrations. */
const INSURANCE_READERS: Who[] = ['admin', 'anban', 'jingfa', 'wenfeng', 'sinopec-nanping', 'integration'];
/** reporting.insurance:manage: the office and enterprises (their own policies). */
const INSURANCE_MANAGERS: Who[] = ['admin', 'anban', 'sinopec-nanping'];

/** Reporting module, insurance part (安责险, 巨灾保险): every operation with who may call it (the writes name a missing record, so an allowed caller writes nothing). */
export const REPORTING_INSURANCE_ROWS: MatrixRows = {
  'Query.liabilityInsurancePolicy': { op: `{ liabilityInsurancePolicy(id: "${NIL}") { id } }`, allowed: INSURANCE_READERS },
  'Query.liabilityInsurancePolicies': { op: `{ liabilityInsurancePolicies(first: 1) { totalCount } }`, allowed: INSURANCE_READERS },
  'Query.liabilityInsuranceCoverage': { op: `{ liabilityInsuranceCoverage(first: 1) { totalCount } }`, allowed: INSURANCE_READERS },
  'Query.liabilityInsuranceMandate': { op: `{ liabilityInsuranceMandate { lapseWarningDays } }`, allowed: INSURANCE_READERS },
  'Query.catastrophePolicy': { op: `{ catastrophePolicy(id: "${NIL}") { id } }`, allowed: INSURANCE_READERS },
  'Query.catastrophePolicies': { op: `{ catastrophePolicies(first: 1) { totalCount } }`, allowed: INSURANCE_READERS },
  'Query.catastropheClaim': { op: `{ catastropheClaim(id: "${NIL}") { id } }`, allowed: INSURANCE_READERS },
  'Query.catastropheClaims': { op: `{ catastropheClaims(first: 1) { totalCount } }`, allowed: INSURANCE_READERS },
  'Mutation.recordLiabilityInsurancePolicy': {
    op: `mutation { recordLiabilityInsurancePolicy(input: { enterpriseId: "${NIL}", insurer: "矩阵测试保险", policyNumber: "矩阵测试0001", startsOn: "2026-01-01", endsOn: "2026-12-31", perPersonLimitYuan: "400000", headcountCovered: 1 }) { id } }`,
    allowed: INSURANCE_MANAGERS,
  },
  'Mutation.updateLiabilityInsurancePolicy': { op: `mutation { updateLiabilityInsurancePolicy(input: { id: "${NIL}", version: 1, headcountCovered: 2 }) { id } }`, allowed: INSURANCE_MANAGERS },
  'Mutation.cancelLiabilityInsurancePolicy': { op: `mutation { cancelLiabilityInsurancePolicy(input: { id: "${NIL}", version: 1, reason: "矩阵测试" }) { id } }`, allowed: INSURANCE_MANAGERS },
  'Mutation.recordCatastrophePolicy': {
    op: `mutation { recordCatastrophePolicy(input: { organizationId: "${NIL}", policyholder: "矩阵测试", insurer: "矩阵测试保险", policyNumber: "矩阵测试0002", startsOn: "2026-01-01", endsOn: "2026-12-31", perPersonLimitYuan: "100000", medicalPerPersonLimitYuan: "10000", perEventLimitYuan: "30000000", annualLimitYuan: "60000000", perils: ["矩阵测试"] }) { id } }`,
    allowed: INSURANCE_MANAGERS,
  },
  'Mutation.fileCatastropheClaim': {
    op: `mutation { fileCatastropheClaim(input: { policyId: "${NIL}", incidentId: "${NIL}", organizationId: "${NIL}", kind: MEDICAL, persons: 1, amountClaimedYuan: "1" }) { id } }`,
    allowed: INSURANCE_MANAGERS,
  },
  'Mutation.payCatastropheClaim': { op: `mutation { payCatastropheClaim(input: { id: "${NIL}", version: 1, amountPaidYuan: "1" }) { id } }`, allowed: INSURANCE_MANAGERS },
  'Mutation.rejectCatastropheClaim': { op: `mutation { rejectCatastropheClaim(input: { id: "${NIL}", version: 1, reason: "矩阵测试" }) { id } }`, allowed: INSURANCE_MANAGERS },
};
