import { NIL, type MatrixRows, type Who } from './matrix-roles';

/** enforcement.referral:read: the office, inspectors, villages (their subtree) and read-only integrations; enterprises never (the suspect is not told). */
const REFERRAL_READERS: Who[] = ['admin', 'anban', 'wenfeng', 'zhifa', 'integration'];
/** enforcement.referral:manage: inspectors and the town safety office. */
const REFERRAL_MANAGERS: Who[] = ['admin', 'anban', 'zhifa'];
/** enforcement.referral:decide: the town safety office (the agency head). */
const REFERRAL_DECIDERS: Who[] = ['admin', 'anban'];

const step = (name: string, extra = '') => `mutation { ${name}(input: { id: "${NIL}", version: 1${extra} }) { id } }`;

/** Enforcement module, referrals part (行刑衔接): every operation with who may call it (the writes name a missing record, so an allowed caller writes nothing). */
export const ENFORCEMENT_REFERRALS_ROWS: MatrixRows = {
  'Query.criminalReferral': { op: `{ criminalReferral(id: "${NIL}") { id } }`, allowed: REFERRAL_READERS },
  'Query.criminalReferrals': { op: `{ criminalReferrals(first: 1) { totalCount } }`, allowed: REFERRAL_READERS },
  'Mutation.flagCriminalReferral': { op: `mutation { flagCriminalReferral(input: { caseId: "${NIL}", reasons: [REPORTING_OFFENCE] }) { id } }`, allowed: REFERRAL_MANAGERS },
  'Mutation.reportCriminalReferral': { op: step('reportCriminalReferral', `, enforcerPersonIds: ["${NIL}", "${NIL}"], suspectedOffence: "危险作业罪", summary: "矩阵测试"`), allowed: REFERRAL_MANAGERS },
  'Mutation.decideCriminalReferral': { op: step('decideCriminalReferral', ', decision: TRANSFER'), allowed: REFERRAL_DECIDERS },
  'Mutation.transferCriminalReferral': { op: step('transferCriminalReferral', ', policeOrgan: "矩阵测试公安局", procuratorate: "矩阵测试检察院"'), allowed: REFERRAL_MANAGERS },
  'Mutation.recordCriminalReferralAnswer': { op: step('recordCriminalReferralAnswer', ', answer: FILED'), allowed: REFERRAL_MANAGERS },
  'Mutation.closeCriminalReferral': { op: step('closeCriminalReferral'), allowed: REFERRAL_MANAGERS },
  'Mutation.dismissCriminalReferral': { op: step('dismissCriminalReferral', ', reason: "矩阵测试"'), allowed: REFERRAL_DECIDERS },
};
