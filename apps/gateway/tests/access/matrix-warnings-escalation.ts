import { NIL, type MatrixRows, type Who } from './matrix-roles';

/** rescue.warning:read — town safety office, department officers, village officers, grid workers, inspectors, experts, the integration client. */
const WARNING_READERS: Who[] = ['admin', 'anban', 'jingfa', 'wenfeng', 'wenfeng-grid1', 'zhifa', 'expert', 'integration'];
/** rescue.warning:respond — who acknowledges warnings and completes their response actions. */
const WARNING_RESPONDERS: Who[] = ['admin', 'anban', 'wenfeng', 'wenfeng-grid1'];
/** rescue.rule:manage — who edits the response action templates. */
const RULE_MANAGERS: Who[] = ['admin', 'anban'];

/** Rescue module, warning escalation and response actions: every operation with who may call it. */
export const RESCUE_ESCALATION_ROWS: MatrixRows = {
  'Query.warningEscalations': { op: `{ warningEscalations(first: 1) { totalCount } }`, allowed: WARNING_READERS },
  'Query.warningResponseTemplates': { op: `{ warningResponseTemplates(first: 1) { totalCount } }`, allowed: WARNING_READERS },
  'Mutation.createWarningResponseTemplate': {
    op: `mutation { createWarningResponseTemplate(input: { minLevel: RED, sortOrder: 999, action: "矩阵测试措施" }) { id } }`,
    allowed: RULE_MANAGERS,
  },
  'Mutation.updateWarningResponseTemplate': { op: `mutation { updateWarningResponseTemplate(input: { id: "${NIL}", version: 1 }) { id } }`, allowed: RULE_MANAGERS },
  'Mutation.archiveWarningResponseTemplate': { op: `mutation { archiveWarningResponseTemplate(input: { id: "${NIL}", version: 1 }) { id } }`, allowed: RULE_MANAGERS },
  'Mutation.completeWarningResponseAction': { op: `mutation { completeWarningResponseAction(input: { id: "${NIL}", version: 1 }) { id } }`, allowed: WARNING_RESPONDERS },
};
