import { NIL, type MatrixRows, type Who } from './matrix-roles';

/** reporting.tip:submit and :track: anyone without an account (the public role) and every staff role; not read-only integrations. */
const PUBLIC_AND_STAFF: Who[] = ['admin', 'anban', 'jingfa', 'wenfeng', 'wenfeng-grid1', 'sinopec-nanping', 'zhifa', 'expert', 'anonymous'];
/** reporting.tip:record: the town safety office, departments, village officers and grid workers (their subtree). */
const RECORDERS: Who[] = ['admin', 'anban', 'jingfa', 'wenfeng', 'wenfeng-grid1'];
/** reporting.tip:handle: the town safety office, departments, inspectors and village officers (their subtree). */
const HANDLERS: Who[] = ['admin', 'anban', 'jingfa', 'wenfeng', 'zhifa'];

/** A tip too short to be taken: an allowed caller is refused by validation, so nothing is written and no limit is used. */
const SHORT = 'category: HAZARD, title: "矩阵测试", description: "太短", reporterKind: ANONYMOUS';
const LONG_CODE = 'JB-0000-'.padEnd(41, '0');

/** Reporting module, intake part: the public role may use only the intake and tracking operations (the row's calls fail validation or name a missing record). */
export const REPORTING_INTAKE_ROWS: MatrixRows = {
  'Query.tipChallenge': { op: `{ tipChallenge { difficulty } }`, allowed: PUBLIC_AND_STAFF },
  'Mutation.submitTip': { op: `mutation { submitTip(input: { channel: ONLINE, ${SHORT} }) { trackingCode } }`, allowed: PUBLIC_AND_STAFF },
  'Mutation.recordTip': { op: `mutation { recordTip(input: { channel: VISIT, ${SHORT} }) { trackingCode } }`, allowed: RECORDERS },
  'Query.trackTip': { op: `{ trackTip(code: "${LONG_CODE}", secret: "X") { status } }`, allowed: PUBLIC_AND_STAFF },
  'Mutation.postTipMessage': { op: `mutation { postTipMessage(code: "${LONG_CODE}", secret: "X", body: "矩阵测试") { body } }`, allowed: PUBLIC_AND_STAFF },
  'Mutation.discloseTipIdentity': { op: `mutation { discloseTipIdentity(code: "${LONG_CODE}", secret: "X", name: "矩阵测试") { status } }`, allowed: PUBLIC_AND_STAFF },
  'Mutation.replyToTip': { op: `mutation { replyToTip(tipId: "${NIL}", body: "矩阵测试") { id } }`, allowed: HANDLERS },
};
