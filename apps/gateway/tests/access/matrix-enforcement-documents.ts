import { NIL, type MatrixRows, type Who } from './matrix-roles';

/** enforcement.document:read: the office, departments, inspectors, villages (their subtree), enterprises (their own) and read-only integrations. */
const DOCUMENT_READERS: Who[] = ['admin', 'anban', 'jingfa', 'wenfeng', 'sinopec-nanping', 'zhifa', 'integration'];
/** enforcement.document:manage: the office and inspectors. */
const DOCUMENT_MANAGERS: Who[] = ['admin', 'anban', 'zhifa'];
/** enforcement.document-template:manage: the office. */
const TEMPLATE_MANAGERS: Who[] = ['admin', 'anban'];

/** Enforcement module, documents part: every operation with who may call it (the writes name a missing record, so an allowed caller writes nothing). */
export const ENFORCEMENT_DOCUMENTS_ROWS: MatrixRows = {
  'Query.enforcementDocument': { op: `{ enforcementDocument(id: "${NIL}") { id } }`, allowed: DOCUMENT_READERS },
  'Query.enforcementDocuments': { op: `{ enforcementDocuments(first: 1) { totalCount } }`, allowed: DOCUMENT_READERS },
  'Query.enforcementDocumentKinds': { op: `{ enforcementDocumentKinds(first: 1) { totalCount } }`, allowed: DOCUMENT_READERS },
  'Query.enforcementDocumentIssuers': { op: `{ enforcementDocumentIssuers(first: 1) { totalCount } }`, allowed: DOCUMENT_READERS },
  'Mutation.correctEnforcementDocument': { op: `mutation { correctEnforcementDocument(input: { id: "${NIL}", reason: "矩阵测试" }) { id } }`, allowed: DOCUMENT_MANAGERS },
  'Mutation.addEnforcementDocumentTemplate': {
    op: `mutation { addEnforcementDocumentTemplate(input: { id: "${NIL}", version: 1, titleTemplate: "矩阵测试", textTemplate: "矩阵测试", htmlTemplate: "矩阵测试", fields: [] }) { id } }`,
    allowed: TEMPLATE_MANAGERS,
  },
  'Mutation.createEnforcementDocumentIssuer': { op: `mutation { createEnforcementDocumentIssuer(input: { organizationId: "${NIL}", shortName: "矩阵测试" }) { id } }`, allowed: TEMPLATE_MANAGERS },
  'Mutation.updateEnforcementDocumentIssuer': { op: `mutation { updateEnforcementDocumentIssuer(input: { id: "${NIL}", version: 1, shortName: "矩阵测试" }) { id } }`, allowed: TEMPLATE_MANAGERS },
};
