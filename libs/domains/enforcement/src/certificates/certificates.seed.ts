import { addYears, audit, businessRules, unscoped, type RequestContext } from '@platform/core';
import { Organizations, seedId } from '@platform/directory';
import { SPECIAL_OPERATION_CERTIFICATE_RULE } from '../business-rules/certificates';
import { SpecialOperationReviewResult } from './certificate.enums';
import {
  ENFORCEMENT_FIELD,
  ENFORCEMENT_ISSUING_AUTHORITY,
  OPERATOR_ISSUING_AUTHORITY,
  REVIEW_AUTHORITY,
  SEED_ENFORCEMENT_CERTIFICATES,
  SEED_SPECIAL_OPERATION_CERTIFICATES,
} from './certificates.seed-data';
import {
  insertSeedEnforcementCertificates,
  insertSeedReviews,
  insertSeedSpecialOperationCertificates,
  type SeedReviewRow,
  type SeedSpecialOperationCertificateRow,
} from './certificates.seed.sql';

const SEEDING = 'seeding demo data, on no caller\'s behalf';

/** The id of a seeded enforcement certificate, by its holder's person key (e.g. `person-dept-enforcement-staff-1`). */
export const enforcementCertificateSeedId = (personKey: string): string => seedId(`enforcement-certificate:${personKey}`);
/** The id of a seeded special-operation certificate, by its key in the seed data (e.g. `hongfa-blaster`). */
export const specialOperationCertificateSeedId = (key: string): string => seedId(`special-operation-certificate:${key}`);

/**
 * The demo certificates of 南平镇 (see `certificates.seed-data.ts`): the enforcement brigade's four
 * certificates for the town government, and special operators' certificates at twenty enterprises
 * with their reviews; each certificate's days from the rule version in force on its issue day.
 * Idempotent; nothing when the directory holds no town.
 */
export async function seedCertificates(ctx: RequestContext): Promise<void> {
  const town = seedId('org:town');
  if (!(await unscoped(ctx, Organizations, SEEDING).exists(town))) return;
  const enforcement = await insertSeedEnforcementCertificates(
    ctx,
    SEED_ENFORCEMENT_CERTIFICATES.map((c) => ({
      id: enforcementCertificateSeedId(c.person),
      personId: seedId(`person:${c.person}`),
      number: c.number,
      issuingAuthority: ENFORCEMENT_ISSUING_AUTHORITY,
      legalSubjectOrganizationId: town,
      enforcementField: ENFORCEMENT_FIELD,
      validFrom: c.validFrom,
      validTo: c.validTo,
    })),
  );

  const certificates: SeedSpecialOperationCertificateRow[] = [];
  const reviews: SeedReviewRow[] = [];
  for (const c of SEED_SPECIAL_OPERATION_CERTIFICATES) {
    const id = specialOperationCertificateSeedId(c.key);
    const rule = await businessRules.inForce(ctx, SPECIAL_OPERATION_CERTIFICATE_RULE, c.issuedOn);
    let due = addYears(c.issuedOn, rule.value.reviewIntervalYears);
    (c.reviews ?? []).forEach((r, i) => {
      const after = r.result === SpecialOperationReviewResult.PASSED ? addYears(due, rule.value.reviewIntervalYears) : due;
      reviews.push({ id: seedId(`special-operation-review:${c.key}:${i + 1}`), certificateId: id, reviewedOn: r.on, result: r.result, authority: REVIEW_AUTHORITY, note: r.note ?? null, dueOnBefore: due, dueOnAfter: after });
      due = after;
    });
    certificates.push({
      id,
      personId: seedId(`person:person-${c.enterprise}-${c.holder}`),
      enterpriseId: seedId(`org:${c.enterprise}`),
      operationType: c.type,
      operationItem: c.item,
      number: c.number,
      issuedOn: c.issuedOn,
      issuingAuthority: OPERATOR_ISSUING_AUTHORITY,
      ruleVersionId: rule.id,
      validUntil: addYears(c.issuedOn, rule.value.validYears),
      reviewDueOn: due,
      revokedOn: c.revoked?.on ?? null,
      revocationReason: c.revoked?.reason ?? null,
    });
  }
  const operators = await insertSeedSpecialOperationCertificates(ctx, certificates);
  await insertSeedReviews(ctx, reviews);
  if (enforcement + operators) await audit(ctx, { action: 'enforcement.certificate.seed', entityType: 'SpecialOperationCertificate', entityId: null, changes: { enforcementCertificates: enforcement, specialOperationCertificates: operators } });
}
