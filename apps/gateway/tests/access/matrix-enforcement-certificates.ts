import { NIL, type MatrixRows, type Who } from './matrix-roles';

/** enforcement.certificate:read: the office, departments, villages (their subtree), inspectors and read-only integrations. */
const CERTIFICATE_READERS: Who[] = ['admin', 'anban', 'jingfa', 'wenfeng', 'zhifa', 'integration'];
/** enforcement.certificate:manage: the office. */
const CERTIFICATE_MANAGERS: Who[] = ['admin', 'anban'];
/** enforcement.operator-certificate:read: the office, departments, villages (their subtree), enterprises (their own), inspectors and read-only integrations. */
const OPERATOR_READERS: Who[] = ['admin', 'anban', 'jingfa', 'wenfeng', 'sinopec-nanping', 'zhifa', 'integration'];
/** enforcement.operator-certificate:register: the office, enterprises (their own workers) and inspectors. */
const OPERATOR_REGISTRARS: Who[] = ['admin', 'anban', 'sinopec-nanping', 'zhifa'];
/** enforcement.operator-certificate:manage: the office and inspectors (reviews, revocation). */
const OPERATOR_MANAGERS: Who[] = ['admin', 'anban', 'zhifa'];

/** Enforcement module, certificates part: every operation with who may call it (the writes name a missing record, so an allowed caller writes nothing). */
export const ENFORCEMENT_CERTIFICATES_ROWS: MatrixRows = {
  'Query.enforcementCertificate': { op: `{ enforcementCertificate(id: "${NIL}") { id } }`, allowed: CERTIFICATE_READERS },
  'Query.enforcementCertificates': { op: `{ enforcementCertificates(first: 1) { totalCount } }`, allowed: CERTIFICATE_READERS },
  'Query.specialOperationCertificate': { op: `{ specialOperationCertificate(id: "${NIL}") { id } }`, allowed: OPERATOR_READERS },
  'Query.specialOperationCertificates': { op: `{ specialOperationCertificates(first: 1) { totalCount } }`, allowed: OPERATOR_READERS },
  'Query.specialOperationCertificatesDue': { op: `{ specialOperationCertificatesDue(first: 1) { totalCount } }`, allowed: OPERATOR_READERS },
  'Mutation.registerEnforcementCertificate': {
    op: `mutation { registerEnforcementCertificate(input: { personId: "${NIL}", number: "矩阵测试0001", issuingAuthority: "矩阵测试", legalSubjectOrganizationId: "${NIL}", enforcementField: "矩阵测试", validFrom: "2025-01-01", validTo: "2030-01-01" }) { id } }`,
    allowed: CERTIFICATE_MANAGERS,
  },
  'Mutation.renewEnforcementCertificate': { op: `mutation { renewEnforcementCertificate(input: { id: "${NIL}", version: 1, number: "矩阵测试0002", validFrom: "2025-01-01", validTo: "2030-01-01" }) { id } }`, allowed: CERTIFICATE_MANAGERS },
  'Mutation.revokeEnforcementCertificate': { op: `mutation { revokeEnforcementCertificate(input: { id: "${NIL}", version: 1, reason: "矩阵测试" }) { id } }`, allowed: CERTIFICATE_MANAGERS },
  'Mutation.registerSpecialOperationCertificate': {
    op: `mutation { registerSpecialOperationCertificate(input: { personId: "${NIL}", enterpriseId: "${NIL}", operationType: ELECTRICAL, operationItem: "低压电工作业", number: "矩阵测试0003", issuedOn: "2025-01-02", issuingAuthority: "矩阵测试" }) { id } }`,
    allowed: OPERATOR_REGISTRARS,
  },
  'Mutation.recordSpecialOperationReview': { op: `mutation { recordSpecialOperationReview(input: { id: "${NIL}", version: 1, reviewedOn: "2025-01-02", result: PASSED, authority: "矩阵测试" }) { id } }`, allowed: OPERATOR_MANAGERS },
  'Mutation.revokeSpecialOperationCertificate': { op: `mutation { revokeSpecialOperationCertificate(input: { id: "${NIL}", version: 1, reason: "矩阵测试" }) { id } }`, allowed: OPERATOR_MANAGERS },
};
