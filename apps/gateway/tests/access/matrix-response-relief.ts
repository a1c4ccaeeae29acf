import { NIL, type MatrixRows, type Who } from './matrix-roles';

/** rescue.relief:read: the town safety office, departments and village officers (not grid workers, not integrations). */
const RELIEF_READERS: Who[] = ['admin', 'anban', 'jingfa', 'wenfeng'];
/** rescue.relief:apply: the town safety office and village officers. */
const RELIEF_APPLIERS: Who[] = ['admin', 'anban', 'wenfeng'];
/** rescue.relief:approve and rescue.relief:pay: the town safety office only. */
const RELIEF_TOWN: Who[] = ['admin', 'anban'];

const step = (name: string, extra = '') => `mutation { ${name}(input: { id: "${NIL}", version: 1${extra} }) { id } }`;

/** Rescue module, relief: every operation with who may call it. */
export const RESCUE_RELIEF_ROWS: MatrixRows = {
  'Query.reliefCase': { op: `{ reliefCase(id: "${NIL}") { id } }`, allowed: RELIEF_READERS },
  'Query.reliefCases': { op: `{ reliefCases(first: 1) { totalCount } }`, allowed: RELIEF_READERS },
  'Query.reliefPaymentCheck': { op: `{ reliefPaymentCheck(first: 1) { totalCount } }`, allowed: RELIEF_READERS },
  'Mutation.createReliefCase': {
    op: `mutation { createReliefCase(input: { organizationId: "${NIL}", headName: "张三", address: "文凤村3组", kind: EMERGENCY_PERIOD, basis: "灾情核报", requestedAmountYuan: "1000", dueBy: "2099-12-31" }) { id } }`,
    allowed: RELIEF_APPLIERS,
  },
  'Mutation.assessReliefCase': { op: step('assessReliefCase'), allowed: RELIEF_APPLIERS },
  'Mutation.startReliefNotice': { op: step('startReliefNotice'), allowed: RELIEF_APPLIERS },
  'Mutation.reviewReliefCase': { op: step('reviewReliefCase'), allowed: RELIEF_TOWN },
  'Mutation.approveReliefCase': { op: step('approveReliefCase', ', approvedAmountYuan: "1000"'), allowed: RELIEF_TOWN },
  'Mutation.rejectReliefCase': { op: step('rejectReliefCase', ', reason: "不符合条件"'), allowed: RELIEF_TOWN },
  'Mutation.recordReliefPayment': {
    op: `mutation { recordReliefPayment(input: { caseId: "${NIL}", amountYuan: "100", paidOn: "2025-01-01", payeeName: "张三", payeeRelation: "本人", payeeIdNumber: "11010519491231002X", accountReference: "6217995300001234567", method: BANK_TRANSFER }) { id } }`,
    allowed: RELIEF_TOWN,
  },
};
