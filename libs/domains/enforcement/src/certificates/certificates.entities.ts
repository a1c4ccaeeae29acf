/*
 * The certificates part's entities with their row scope and permissions, declared once: every read
 * and write goes through `records(ctx, <declaration>)`, which applies the scope.
 */
import { defineScopedEntity } from '@platform/core';
import { EnforcementCertificate } from './enforcement-certificate.entity';
import { SpecialOperationCertificate, SpecialOperationCertificateReview } from './special-operation-certificate.entity';
import { CertificatePermission } from './certificates.permissions';

/** An enforcement certificate belongs to the legal subject it is issued for (the town government in the seed). */
export const EnforcementCertificates = defineScopedEntity(EnforcementCertificate, {
  table: 'enforcement_certificate',
  scope: { organizationColumn: 'legal_subject_organization_id' },
  read: CertificatePermission.Read,
  write: CertificatePermission.Manage,
});

/** A special-operation certificate belongs to the holder's employer: the enterprise sees its own, a village its enterprises'. */
export const SpecialOperationCertificates = defineScopedEntity(SpecialOperationCertificate, {
  table: 'special_operation_certificate',
  scope: { organizationColumn: 'enterprise_id' },
  read: CertificatePermission.OperatorRead,
  write: CertificatePermission.OperatorManage,
});

/** A review is in scope when its certificate is. */
export const SpecialOperationCertificateReviews = defineScopedEntity(SpecialOperationCertificateReview, {
  table: 'special_operation_certificate_review',
  scope: { through: { entity: SpecialOperationCertificates, column: 'certificate_id' } },
  read: CertificatePermission.OperatorRead,
  write: CertificatePermission.OperatorManage,
});

/** The declarations reachable by `node(nodeId:)` (their GraphQL types implement `Node`). */
export const certificateNodeEntities = [EnforcementCertificates, SpecialOperationCertificates, SpecialOperationCertificateReviews];
