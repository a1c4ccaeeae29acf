import { NIL, type MatrixRows, type Who } from './matrix-roles';

/** reporting.tip:read: the town safety office, departments, inspectors, village officers (their subtree) and read-only integrations. */
const TIP_READERS: Who[] = ['admin', 'anban', 'jingfa', 'wenfeng', 'zhifa', 'integration'];
/** reporting.tip:dispatch: the town safety office (accept, reject, send back, assign, escalate, close, extend, supervise, merge). */
const DISPATCHERS: Who[] = ['admin', 'anban'];
/** reporting.tip:handle: the town safety office, departments, inspectors and village officers (their subtree). */
const HANDLERS: Who[] = ['admin', 'anban', 'jingfa', 'wenfeng', 'zhifa'];
/** reporting.tip:track: anyone without an account (the public role) and every staff role; not read-only integrations. */
const TRACKERS: Who[] = ['admin', 'anban', 'jingfa', 'wenfeng', 'wenfeng-grid1', 'sinopec-nanping', 'zhifa', 'expert', 'anonymous'];

/** A code longer than any: an allowed caller is refused by validation, so no attempt is counted against a code. */
const LONG_CODE = 'JB-0000-'.padEnd(41, '0');
const step = (name: string, extra = '') => `mutation { ${name}(input: { id: "${NIL}", version: 1${extra} }) { id } }`;
const reason = ', reason: "矩阵测试"';

/** Reporting module, handling part: the office's workflow on tips, clocks, actions, follow-up, merging, and the reporter's reopen (every write names a missing record or fails validation). */
export const REPORTING_HANDLING_ROWS: MatrixRows = {
  'Query.tip': { op: `{ tip(id: "${NIL}") { id } }`, allowed: TIP_READERS },
  'Query.tips': { op: `{ tips(first: 1) { totalCount } }`, allowed: TIP_READERS },
  'Mutation.acceptTip': { op: step('acceptTip'), allowed: DISPATCHERS },
  'Mutation.rejectTip': { op: step('rejectTip', reason), allowed: DISPATCHERS },
  'Mutation.sendBackTip': { op: step('sendBackTip', reason), allowed: DISPATCHERS },
  'Mutation.escalateTip': { op: step('escalateTip', reason), allowed: DISPATCHERS },
  'Mutation.assignTip': { op: step('assignTip', `, organizationId: "${NIL}"`), allowed: DISPATCHERS },
  'Mutation.startVerifyingTip': { op: step('startVerifyingTip'), allowed: HANDLERS },
  'Mutation.verifyTip': { op: step('verifyTip', ', hazardCategory: WORK_SAFETY'), allowed: HANDLERS },
  'Mutation.notVerifyTip': { op: step('notVerifyTip', reason), allowed: HANDLERS },
  'Mutation.handleTip': { op: step('handleTip'), allowed: HANDLERS },
  'Mutation.closeTip': { op: step('closeTip', `, outcome: NOT_RESPONSIBLE${reason}`), allowed: DISPATCHERS },
  'Mutation.extendTip': { op: step('extendTip', `, days: 5${reason}`), allowed: DISPATCHERS },
  'Mutation.urgeTip': { op: `mutation { urgeTip(input: { id: "${NIL}", note: "矩阵测试" }) { id } }`, allowed: HANDLERS },
  'Mutation.superviseTip': { op: `mutation { superviseTip(input: { id: "${NIL}", note: "矩阵测试" }) { id } }`, allowed: DISPATCHERS },
  'Mutation.recordTipFollowUp': { op: step('recordTipFollowUp', ', result: SATISFIED'), allowed: HANDLERS },
  'Mutation.mergeTip': { op: `mutation { mergeTip(input: { duplicateId: "${NIL}", version: 1, intoId: "00000000-0000-4000-8000-000000000001" }) { id } }`, allowed: DISPATCHERS },
  'Mutation.reopenTipAsReporter': { op: `mutation { reopenTipAsReporter(input: { code: "${LONG_CODE}", secret: "XXXXXXXXXXXXXXXX", reason: "矩阵测试" }) { status } }`, allowed: TRACKERS },
};
