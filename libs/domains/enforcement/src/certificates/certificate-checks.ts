import { SortDirection, sql, unscoped, type RequestContext } from '@platform/core';
import type { EnforcementCertificate } from './enforcement-certificate.entity';
import type { SpecialOperationCertificate } from './special-operation-certificate.entity';
import { EnforcementCertificateStatus, type SpecialOperationCertificateStatus } from './certificate.enums';
import { enforcementCertificateStatusSql, specialOperationStatusSql } from './certificate-status';
import { SpecialOperationCertificateOrder } from './certificates.orders';
import { EnforcementCertificates, SpecialOperationCertificates } from './certificates.entities';

/** The most certificates of one enterprise a check reads (a town enterprise has tens). */
const MAX_CERTIFICATES_PER_ENTERPRISE = 1000;

/**
 * For each of the persons, the enforcement certificate valid on `day` (within its period, not revoked
 * by then) issued for the legal subject; persons without one are absent from the map. A check made on
 * behalf of an inspection, answered whatever the caller may read, in one statement. A holder has at
 * most one such certificate (registrations refuse overlapping periods).
 */
export async function validEnforcementCertificates(ctx: RequestContext, personIds: readonly string[], legalSubjectOrganizationId: string, day: string): Promise<Map<string, EnforcementCertificate>> {
  const persons = [...new Set(personIds)];
  if (!persons.length) return new Map();
  const rows = await unscoped(ctx, EnforcementCertificates, 'whether inspectors are certified is checked whatever the caller may read of certificates')
    .where(sql`t.person_id = ANY(CAST(${persons} AS uuid[])) AND t.legal_subject_organization_id = ${legalSubjectOrganizationId}`)
    .where(sql`${enforcementCertificateStatusSql('t', day)} = ${EnforcementCertificateStatus.VALID}`)
    .list({
      keys: [
        { column: 't.person_id', direction: SortDirection.ASC },
        { column: 't.valid_to', direction: SortDirection.DESC },
        { column: 't.id', direction: SortDirection.ASC },
      ],
      limit: persons.length,
    });
  const valid = new Map<string, EnforcementCertificate>();
  for (const row of rows) if (!valid.has(row.personId)) valid.set(row.personId, row);
  return valid;
}

/**
 * Every special-operation certificate held by workers of the enterprise and issued by `day`, with its
 * status on that day (the next due first): a check for an inspection of the enterprise, answered
 * whatever the caller may read; the certificates and their statuses in two statements.
 */
export async function specialOperationCertificatesOf(
  ctx: RequestContext,
  enterpriseOrganizationId: string,
  day: string,
): Promise<Array<{ certificate: SpecialOperationCertificate; status: SpecialOperationCertificateStatus }>> {
  const held = () =>
    unscoped(ctx, SpecialOperationCertificates, 'the certificates of the people working are checked at an inspection, whatever the caller may read').where(
      sql`t.enterprise_id = ${enterpriseOrganizationId} AND t.issued_on <= CAST(${day} AS date)`,
    );
  // One after the other: inside the caller's transaction both run on its one connection.
  const certificates = await held().list({ keys: SpecialOperationCertificateOrder.keys(null), limit: MAX_CERTIFICATES_PER_ENTERPRISE });
  const statuses = await held().aggregate<{ id: string; status: SpecialOperationCertificateStatus }>(sql`t.id AS "id", ${specialOperationStatusSql('t', day)} AS "status"`);
  const statusOf = new Map(statuses.map((s) => [s.id, s.status]));
  return certificates.map((certificate) => ({ certificate, status: statusOf.get(certificate.id)! }));
}
