import { NIL, type MatrixRows, type Who } from './matrix-roles';

/** rescue.consultation:read — town safety office, department officers, village officers, inspectors, experts, integration clients. */
const CONSULTATION_READERS: Who[] = ['admin', 'anban', 'jingfa', 'wenfeng', 'zhifa', 'expert', 'integration'];
/** rescue.consultation:write — town safety office and department officers. */
const CONSULTATION_WRITERS: Who[] = ['admin', 'anban', 'jingfa'];

/** Rescue module, consultations: every operation with who may call it. */
export const RESCUE_CONSULTATION_ROWS: MatrixRows = {
  'Query.consultation': { op: `{ consultation(id: "${NIL}") { id } }`, allowed: CONSULTATION_READERS },
  'Query.consultations': { op: `{ consultations(first: 1) { totalCount } }`, allowed: CONSULTATION_READERS },
  'Query.consultationActionItems': { op: `{ consultationActionItems(first: 1, filter: { statuses: [OPEN] }) { totalCount } }`, allowed: CONSULTATION_READERS },
  'Query.floodSeasonConsultationGaps': { op: `{ floodSeasonConsultationGaps(year: 2025) { month status } }`, allowed: CONSULTATION_READERS },
  'Mutation.recordConsultation': {
    op: `mutation { recordConsultation(input: { organizationId: "${NIL}", kind: REGULAR, heldOn: "2025-01-01", title: "xx" }) { id } }`,
    allowed: CONSULTATION_WRITERS,
  },
  'Mutation.updateConsultation': { op: `mutation { updateConsultation(input: { id: "${NIL}", version: 1, title: "xx" }) { id } }`, allowed: CONSULTATION_WRITERS },
  'Mutation.archiveConsultation': { op: `mutation { archiveConsultation(input: { id: "${NIL}", version: 1 }) { id } }`, allowed: CONSULTATION_WRITERS },
  'Mutation.addConsultationActionItem': {
    op: `mutation { addConsultationActionItem(input: { consultationId: "${NIL}", description: "xx", ownerOrganizationId: "${NIL}", dueOn: "2025-01-01" }) { id } }`,
    allowed: CONSULTATION_WRITERS,
  },
  'Mutation.completeConsultationActionItem': {
    op: `mutation { completeConsultationActionItem(input: { id: "${NIL}", version: 1, doneOn: "2025-01-01" }) { id } }`,
    allowed: CONSULTATION_WRITERS,
  },
  'Mutation.cancelConsultationActionItem': { op: `mutation { cancelConsultationActionItem(input: { id: "${NIL}", version: 1, reason: "xx" }) { id } }`, allowed: CONSULTATION_WRITERS },
};
