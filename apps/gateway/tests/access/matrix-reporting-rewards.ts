import { NIL, type MatrixRows, type Who } from './matrix-roles';

/** reporting.reward:read: the town safety office and read-only integrations (a reward names the reporter's tip: no village, department or enterprise). */
const REWARD_READERS: Who[] = ['admin', 'anban', 'integration'];
/** reporting.reward:manage and reporting.reward:approve (compute, approve, record the payment), and reporting.tip:dispatch (link a tip's outcome): the town safety office. */
const REWARD_OFFICE: Who[] = ['admin', 'anban'];
/** reporting.internal-reward:read: the office, departments, inspectors, villages (their subtree), an enterprise (its own) and read-only integrations. */
const MECHANISM_READERS: Who[] = ['admin', 'anban', 'jingfa', 'wenfeng', 'sinopec-nanping', 'zhifa', 'integration'];
/** reporting.internal-reward:manage: the office, and an enterprise's safety manager for its own enterprise. */
const MECHANISM_MANAGERS: Who[] = ['admin', 'anban', 'sinopec-nanping'];

const step = (name: string, extra = '') => `mutation { ${name}(input: { id: "${NIL}", version: 1${extra} }) { id } }`;

/** Reporting module, rewards part: every operation with who may call it (the writes name a missing record, so an allowed caller writes nothing). */
export const REPORTING_REWARDS_ROWS: MatrixRows = {
  'Query.tipReward': { op: `{ tipReward(id: "${NIL}") { id } }`, allowed: REWARD_READERS },
  'Query.tipRewards': { op: `{ tipRewards(first: 1, filter: { unclaimed: true }) { totalCount } }`, allowed: REWARD_READERS },
  'Mutation.linkTipOutcome': { op: `mutation { linkTipOutcome(input: { tipId: "${NIL}", penaltyCaseId: "${NIL}" }) { id } }`, allowed: REWARD_OFFICE },
  'Mutation.computeTipReward': { op: `mutation { computeTipReward(input: { tipId: "${NIL}" }) { id } }`, allowed: REWARD_OFFICE },
  'Mutation.approveTipReward': { op: step('approveTipReward'), allowed: REWARD_OFFICE },
  'Mutation.recordTipRewardPayment': { op: step('recordTipRewardPayment', ', amountPaidYuan: "3000.00", method: BANK_TRANSFER, voucherNumber: "矩阵测试"'), allowed: REWARD_OFFICE },
  'Query.internalRewardMechanism': { op: `{ internalRewardMechanism(enterpriseId: "${NIL}") { id } }`, allowed: MECHANISM_READERS },
  'Query.internalRewardMechanisms': { op: `{ internalRewardMechanisms(first: 1) { totalCount } }`, allowed: MECHANISM_READERS },
  'Query.enterprisesWithoutInternalRewardMechanism': { op: `{ enterprisesWithoutInternalRewardMechanism(first: 1) { totalCount } }`, allowed: MECHANISM_READERS },
  'Mutation.recordInternalRewardMechanism': { op: `mutation { recordInternalRewardMechanism(input: { enterpriseId: "${NIL}", inPlace: true, channels: [HOTLINE] }) { id } }`, allowed: MECHANISM_MANAGERS },
  'Mutation.recordInternalRewardLedgerYear': {
    op: `mutation { recordInternalRewardLedgerYear(input: { enterpriseId: "${NIL}", year: 2025, reportsReceived: 1, reportsRewarded: 0, amountPaidYuan: "0" }) { id } }`,
    allowed: MECHANISM_MANAGERS,
  },
};
