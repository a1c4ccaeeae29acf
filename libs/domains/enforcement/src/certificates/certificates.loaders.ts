import { defineChildPages, defineReference, type RequestContext } from '@platform/core';
import type DataLoader from 'dataloader';
import type { EnforcementCertificate } from './enforcement-certificate.entity';
import type { SpecialOperationCertificate } from './special-operation-certificate.entity';
import { SpecialOperationReviewOrder } from './certificates.orders';
import { EnforcementCertificates, SpecialOperationCertificateReviews, SpecialOperationCertificates } from './certificates.entities';

/** Enforcement certificates by id, within the caller's read scope (others load as null): one statement per request level. */
export const EnforcementCertificateReference = defineReference(EnforcementCertificates, 'enforcement.enforcementCertificate.byId');
export const enforcementCertificateById = (ctx: RequestContext): DataLoader<string, EnforcementCertificate | null> => EnforcementCertificateReference.byId(ctx);

/** Special-operation certificates by id, within the caller's read scope (others load as null): one statement per request level. */
export const SpecialOperationCertificateReference = defineReference(SpecialOperationCertificates, 'enforcement.specialOperationCertificate.byId');
export const specialOperationCertificateById = (ctx: RequestContext): DataLoader<string, SpecialOperationCertificate | null> => SpecialOperationCertificateReference.byId(ctx);

/** A certificate's reviews, in the order held. */
export const SpecialOperationReviewPages = defineChildPages(SpecialOperationCertificateReviews, {
  name: 'enforcement.specialOperationCertificate.reviews',
  parentColumn: 'certificate_id',
  keys: SpecialOperationReviewOrder.keys(null),
});
