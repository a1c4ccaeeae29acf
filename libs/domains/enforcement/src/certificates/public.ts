// The part's public face (re-exported by the module's index.ts). Other parts and modules read
// certificates through these declarations and checks, never by SQL on the part's tables.
export { EnforcementCertificates, SpecialOperationCertificateReviews, SpecialOperationCertificates } from './certificates.entities';
export { EnforcementCertificate } from './enforcement-certificate.entity';
export { SpecialOperationCertificate, SpecialOperationCertificateReview } from './special-operation-certificate.entity';
export { EnforcementCertificateStatus, SpecialOperationCertificateStatus, SpecialOperationReviewResult, SpecialOperationType } from './certificate.enums';
export { CertificatePermission } from './certificates.permissions';
export { certificateEvents, type CertificateEvents } from './certificates.events';
export { certificateRules, type CertificateRule } from './certificates.rules';
export { SPECIAL_OPERATION_CERTIFICATE_RULE } from '../business-rules/certificates';
export { EnforcementCertificateReference, SpecialOperationCertificateReference, enforcementCertificateById, specialOperationCertificateById } from './certificates.loaders';
export { specialOperationCertificatesOf, validEnforcementCertificates } from './certificate-checks';
export { specialOperationStatusSql } from './certificate-status';
export { SpecialOperationCertificateConnection } from './special-operation-certificate.resolver';
export { enforcementCertificateSeedId, specialOperationCertificateSeedId } from './certificates.seed';
