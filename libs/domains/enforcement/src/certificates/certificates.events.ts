import { defineEvents, payload } from '@platform/core';
import { EnforcementCertificates, SpecialOperationCertificateReviews, SpecialOperationCertificates } from './certificates.entities';

/** What an enforcement certificate's events carry. */
type EnforcementCertificatePayload = { id: string; personId: string; legalSubjectOrganizationId: string };
/** What a special-operation certificate's events carry. */
type SpecialOperationCertificatePayload = { id: string; personId: string; enterpriseId: string };

/** Every event of the certificates part (ids only). */
export const certificateEvents = defineEvents({
  'enforcement.enforcement-certificate.registered': payload<EnforcementCertificatePayload>(EnforcementCertificates),
  'enforcement.enforcement-certificate.renewed': payload<EnforcementCertificatePayload & { previousCertificateId: string }>(EnforcementCertificates),
  'enforcement.enforcement-certificate.revoked': payload<EnforcementCertificatePayload>(EnforcementCertificates),
  'enforcement.special-operation-certificate.registered': payload<SpecialOperationCertificatePayload>(SpecialOperationCertificates),
  'enforcement.special-operation-certificate.reviewed': payload<{ id: string; certificateId: string; result: string }>(SpecialOperationCertificateReviews),
  'enforcement.special-operation-certificate.revoked': payload<SpecialOperationCertificatePayload>(SpecialOperationCertificates),
});

export type CertificateEvents = typeof certificateEvents;
