import { NIL, type MatrixRows, type Who } from './matrix-roles';

// ---- warnings and call-and-response (预警 + 叫应) ----
/** rescue.warning:read: every role but the enterprise safety manager and the anonymous caller. */
const WARNING_READERS: Who[] = ['admin', 'anban', 'jingfa', 'wenfeng', 'wenfeng-grid1', 'zhifa', 'expert', 'integration'];
/** rescue.warning:issue: the town safety office. */
const WARNING_ISSUERS: Who[] = ['admin', 'anban'];
/** rescue.warning:respond: the town safety office, village officers and grid workers. */
const WARNING_RESPONDERS: Who[] = ['admin', 'anban', 'wenfeng', 'wenfeng-grid1'];

/** Rescue module, warnings: every operation with who may call it. */
export const RESCUE_WARNING_ROWS: MatrixRows = {
  'Query.warning': { op: `{ warning(id: "${NIL}") { id } }`, allowed: WARNING_READERS },
  'Query.warnings': { op: `{ warnings(first: 1) { totalCount } }`, allowed: WARNING_READERS },
  'Query.liveWarnings': { op: `{ liveWarnings(first: 1) { totalCount } }`, allowed: WARNING_READERS },
  'Query.warningFigures': { op: `{ warningFigures(from: "2025-01-01T00:00:00Z", to: "2025-02-01T00:00:00Z") { deliveries } }`, allowed: WARNING_READERS },
  'Query.warningDeliveries': { op: `{ warningDeliveries(first: 1) { totalCount } }`, allowed: WARNING_READERS },
  'Query.escalationPolicies': { op: `{ escalationPolicies(first: 1) { totalCount } }`, allowed: WARNING_READERS },
  'Mutation.issueWarning': {
    op: `mutation { issueWarning(input: { hazardType: RAINSTORM, eventName: "暴雨", level: BLUE, description: "xx", instruction: "xx", source: "xx", effectiveAt: "2099-01-01T00:00:00Z", expiresAt: "2099-01-02T00:00:00Z", targetOrganizationIds: ["${NIL}"] }) { id } }`,
    allowed: WARNING_ISSUERS,
  },
  'Mutation.updateWarning': { op: `mutation { updateWarning(input: { id: "${NIL}", version: 1, level: RED }) { id } }`, allowed: WARNING_ISSUERS },
  'Mutation.cancelWarning': { op: `mutation { cancelWarning(input: { id: "${NIL}", version: 1, reason: "xx" }) { id } }`, allowed: WARNING_ISSUERS },
  'Mutation.acknowledgeWarningDelivery': { op: `mutation { acknowledgeWarningDelivery(input: { id: "${NIL}", channel: PHONE }) { id } }`, allowed: WARNING_RESPONDERS },
  'Mutation.updateEscalationPolicy': { op: `mutation { updateEscalationPolicy(input: { level: BLUE, version: 999, minutes: 30, maxSteps: 1 }) { level } }`, allowed: WARNING_ISSUERS },
};
