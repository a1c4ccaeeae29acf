import { NIL, type MatrixRows, type Who } from './matrix-roles';

/** scenarios.qr-code:resolve: anyone without an account (the public role) and every staff role; not read-only integrations. */
const RESOLVERS: Who[] = ['admin', 'anban', 'jingfa', 'wenfeng', 'wenfeng-grid1', 'sinopec-nanping', 'zhifa', 'expert', 'anonymous'];
/** scenarios.qr-code:manage: the office, village officers (their subtree) and enterprises (their own codes). */
const MANAGERS: Who[] = ['admin', 'anban', 'wenfeng', 'sinopec-nanping'];
/** scenarios.self-check:read: the office, departments, villages (their subtree), enterprises (their own), inspectors and read-only integrations. */
const SELF_CHECK_READERS: Who[] = ['admin', 'anban', 'jingfa', 'wenfeng', 'sinopec-nanping', 'zhifa', 'integration'];
/** scenarios.self-check:submit: the office and enterprises (at their own codes). */
const SELF_CHECK_SUBMITTERS: Who[] = ['admin', 'anban', 'sinopec-nanping'];

/** Scenarios module, QR codes part (安全隐患码上除): every operation with who may call it (the calls fail validation or name a missing record: nothing is written, no scan is counted). */
export const SCENARIOS_QR_CODES_ROWS: MatrixRows = {
  'Query.resolveQrCode': { op: `{ resolveQrCode(code: "X") { code } }`, allowed: RESOLVERS },
  'Query.qrCode': { op: `{ qrCode(id: "${NIL}") { id } }`, allowed: MANAGERS },
  'Query.qrCodes': { op: `{ qrCodes(first: 1) { totalCount } }`, allowed: MANAGERS },
  'Mutation.issueQrCode': { op: `mutation { issueQrCode(input: { kind: PLACE, enterpriseId: "${NIL}", placeName: "矩阵测试" }) { id } }`, allowed: MANAGERS },
  'Mutation.updateQrCode': { op: `mutation { updateQrCode(input: { id: "${NIL}", version: 1, placeName: "矩阵测试" }) { id } }`, allowed: MANAGERS },
  'Mutation.revokeQrCode': { op: `mutation { revokeQrCode(input: { id: "${NIL}", version: 1, reason: "矩阵测试" }) { id } }`, allowed: MANAGERS },
  'Query.selfCheckSubmission': { op: `{ selfCheckSubmission(id: "${NIL}") { id } }`, allowed: SELF_CHECK_READERS },
  'Query.selfCheckSubmissions': { op: `{ selfCheckSubmissions(first: 1) { totalCount } }`, allowed: SELF_CHECK_READERS },
  'Mutation.submitSelfCheck': { op: `mutation { submitSelfCheck(input: { qrCodeId: "${NIL}", answers: [{ code: "WIRING", result: OK }] }) { id } }`, allowed: SELF_CHECK_SUBMITTERS },
};
