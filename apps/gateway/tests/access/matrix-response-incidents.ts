import { NIL, type MatrixRows, type Who } from './matrix-roles';

/** rescue.incident:read — town safety office, department officers, village officers, grid workers, inspectors, experts, integration clients. */
const INCIDENT_READERS: Who[] = ['admin', 'anban', 'jingfa', 'wenfeng', 'wenfeng-grid1', 'zhifa', 'expert', 'integration'];
/** rescue.incident:report — town safety office, village officers and grid workers (VERIFIED reports and closing also need rescue.incident:verify, checked in the service). */
const INCIDENT_REPORTERS: Who[] = ['admin', 'anban', 'wenfeng', 'wenfeng-grid1'];

/** Rescue module, incidents: every operation with who may call it. */
export const RESCUE_INCIDENT_ROWS: MatrixRows = {
  'Query.incident': { op: `{ incident(id: "${NIL}") { id } }`, allowed: INCIDENT_READERS },
  'Query.incidents': { op: `{ incidents(first: 1, filter: { types: [FLASH_FLOOD], statuses: [OPEN] }) { totalCount } }`, allowed: INCIDENT_READERS },
  'Query.incidentDamageSummary': { op: `{ incidentDamageSummary(from: "2025-01-01", to: "2025-12-31") { type incidents affectedPeople } }`, allowed: INCIDENT_READERS },
  'Mutation.openIncident': {
    op: `mutation { openIncident(input: { reportingOrganizationId: "${NIL}", type: FLOOD, title: "xx", occurredAt: "2025-01-01T00:00:00Z", place: "xx" }) { id } }`,
    allowed: INCIDENT_REPORTERS,
  },
  'Mutation.updateIncident': { op: `mutation { updateIncident(input: { id: "${NIL}", version: 1, title: "xx" }) { id } }`, allowed: INCIDENT_REPORTERS },
  'Mutation.moveIncident': { op: `mutation { moveIncident(input: { id: "${NIL}", version: 1, status: RESPONDING }) { id } }`, allowed: INCIDENT_REPORTERS },
  'Mutation.linkIncidentWarnings': { op: `mutation { linkIncidentWarnings(input: { id: "${NIL}", version: 1, warningIds: [] }) { id } }`, allowed: INCIDENT_REPORTERS },
  'Mutation.linkIncidentHazards': { op: `mutation { linkIncidentHazards(input: { id: "${NIL}", version: 1, hazardIds: [] }) { id } }`, allowed: INCIDENT_REPORTERS },
  'Mutation.addDamageReport': { op: `mutation { addDamageReport(input: { incidentId: "${NIL}", kind: INITIAL, affectedPeople: 1 }) { id } }`, allowed: INCIDENT_REPORTERS },
};
