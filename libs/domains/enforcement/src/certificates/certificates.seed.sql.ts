import type { RequestContext } from '@platform/core';

/*
 * The statements of the demo certificates (`seedCertificates`). Hand-written because seeding is not
 * on a caller's behalf and is idempotent: each insert keeps the rows that exist (`ON CONFLICT DO
 * NOTHING`), which the write helpers (one audited record at a time, refusing an existing id) do not
 * express. Each table's rows go in one statement, so they share one creation time.
 */

/** A demo enforcement certificate as stored. */
export interface SeedEnforcementCertificateRow {
  readonly id: string;
  readonly personId: string;
  readonly number: string;
  readonly issuingAuthority: string;
  readonly legalSubjectOrganizationId: string;
  readonly enforcementField: string;
  readonly validFrom: string;
  readonly validTo: string;
}

/** A demo special-operation certificate as stored. */
export interface SeedSpecialOperationCertificateRow {
  readonly id: string;
  readonly personId: string;
  readonly enterpriseId: string;
  readonly operationType: string;
  readonly operationItem: string;
  readonly number: string;
  readonly issuedOn: string;
  readonly issuingAuthority: string;
  readonly ruleVersionId: string;
  readonly validUntil: string;
  readonly reviewDueOn: string;
  readonly revokedOn: string | null;
  readonly revocationReason: string | null;
}

/** A demo review as stored. */
export interface SeedReviewRow {
  readonly id: string;
  readonly certificateId: string;
  readonly reviewedOn: string;
  readonly result: string;
  readonly authority: string;
  readonly note: string | null;
  readonly dueOnBefore: string;
  readonly dueOnAfter: string;
}

/** Inserts the enforcement certificates that do not exist yet; the number inserted. */
export async function insertSeedEnforcementCertificates(ctx: RequestContext, rows: readonly SeedEnforcementCertificateRow[]): Promise<number> {
  const inserted = await ctx.manager.query(
    `INSERT INTO enforcement_certificate (id, person_id, number, issuing_authority, legal_subject_organization_id, enforcement_field, valid_from, valid_to)
     SELECT r."id", r."personId", r."number", r."issuingAuthority", r."legalSubjectOrganizationId", r."enforcementField", r."validFrom", r."validTo"
       FROM jsonb_to_recordset($1::jsonb) AS r("id" uuid, "personId" uuid, "number" text, "issuingAuthority" text, "legalSubjectOrganizationId" uuid, "enforcementField" text, "validFrom" date, "validTo" date)
     ON CONFLICT (id) DO NOTHING RETURNING id`,
    [JSON.stringify(rows)],
  );
  return inserted.length;
}

/** Inserts the special-operation certificates that do not exist yet; the number inserted. */
export async function insertSeedSpecialOperationCertificates(ctx: RequestContext, rows: readonly SeedSpecialOperationCertificateRow[]): Promise<number> {
  const inserted = await ctx.manager.query(
    `INSERT INTO special_operation_certificate (id, person_id, enterprise_id, operation_type, operation_item, number, issued_on, issuing_authority, rule_version_id, valid_until, review_due_on, revoked_on, revocation_reason)
     SELECT r."id", r."personId", r."enterpriseId", r."operationType", r."operationItem", r."number", r."issuedOn", r."issuingAuthority", r."ruleVersionId", r."validUntil", r."reviewDueOn", r."revokedOn", r."revocationReason"
       FROM jsonb_to_recordset($1::jsonb) AS r("id" uuid, "personId" uuid, "enterpriseId" uuid, "operationType" text, "operationItem" text, "number" text, "issuedOn" date, "issuingAuthority" text,
                                               "ruleVersionId" uuid, "validUntil" date, "reviewDueOn" date, "revokedOn" date, "revocationReason" text)
     ON CONFLICT (id) DO NOTHING RETURNING id`,
    [JSON.stringify(rows)],
  );
  return inserted.length;
}

/** Inserts the reviews that do not exist yet (recorded at 17:00 China time of their day). */
export async function insertSeedReviews(ctx: RequestContext, rows: readonly SeedReviewRow[]): Promise<void> {
  await ctx.manager.query(
    `INSERT INTO special_operation_certificate_review (id, certificate_id, reviewed_on, result, authority, note, due_on_before, due_on_after, created_at, updated_at)
     SELECT r."id", r."certificateId", r."reviewedOn", r."result", r."authority", r."note", r."dueOnBefore", r."dueOnAfter",
            (r."reviewedOn" + time '17:00') AT TIME ZONE 'Asia/Shanghai', (r."reviewedOn" + time '17:00') AT TIME ZONE 'Asia/Shanghai'
       FROM jsonb_to_recordset($1::jsonb) AS r("id" uuid, "certificateId" uuid, "reviewedOn" date, "result" text, "authority" text, "note" text, "dueOnBefore" date, "dueOnAfter" date)
     ON CONFLICT (id) DO NOTHING`,
    [JSON.stringify(rows)],
  );
}
