import { addDays, createRecord, recordEvent, records, sql, transaction, unscoped, updateRecord, whereChanged, type ConnectionResult, type RequestContext } from '@platform/core';
import { OrganizationKind, Organizations, Persons } from '@platform/directory';
import { EnforcementCertificate } from './enforcement-certificate.entity';
import { EnforcementCertificateStatus } from './certificate.enums';
import { enforcementCertificateStatusSql } from './certificate-status';
import { lockUnrevoked, revokeCertificate } from './certificate-revocation';
import { EnforcementCertificateOrder } from './certificates.orders';
import { EnforcementCertificates } from './certificates.entities';
import { certificateEvents } from './certificates.events';
import { CertificatePermission } from './certificates.permissions';
import { certificateRules } from './certificates.rules';
import type { EnforcementCertificateListArgs, RegisterEnforcementCertificateInput, RenewEnforcementCertificateInput, RevokeCertificateInput } from './enforcement-certificate.inputs';

/** Properties the default keyset order reads (besides the id): a page must load them whatever is selected. */
export const ENFORCEMENT_CERTIFICATE_KEY_PROPERTIES = ['number'];

/** The kinds of organization a certificate may be issued for: a government body, its departments (an entrusted or delegated body) and authorised institutions. */
const LEGAL_SUBJECT_KINDS: readonly OrganizationKind[] = [OrganizationKind.TOWN_GOVERNMENT, OrganizationKind.DEPARTMENT, OrganizationKind.PUBLIC_INSTITUTION];

const UNIQUE_NUMBER = 'a certificate number is unique across every legal subject, whichever the caller may read';
const ONE_AT_A_TIME = 'a holder has one valid certificate per legal subject on any day, whichever the caller may read';

const payloadOf = (c: EnforcementCertificate) => ({ id: c.id, personId: c.personId, legalSubjectOrganizationId: c.legalSubjectOrganizationId });

/** Refuses a period whose last day is not after its first. */
function assertPeriod(validFrom: string, validTo: string): void {
  if (validTo <= validFrom) throw certificateRules.field('input.validTo', 'afterFrom', `must be after validFrom (${validFrom}).`);
}

/** Refuses a number another certificate carries. */
async function assertNumberFree(tx: RequestContext, number: string): Promise<void> {
  if (await unscoped(tx, EnforcementCertificates, UNIQUE_NUMBER).where(sql`t.number = ${number}`).count()) {
    throw certificateRules.field('input.number', 'unique', `the certificate number ${number} is registered already.`);
  }
}

/**
 * Refuses a period that meets the period of another certificate of the holder for the same legal
 * subject (up to the day before its revocation), other than `except`: so that on any day a holder
 * has at most one valid certificate per legal subject, the one `validEnforcementCertificates` answers.
 */
async function assertNoOverlap(tx: RequestContext, c: { personId: string; legalSubjectOrganizationId: string; validFrom: string; validTo: string }, except: string | null): Promise<void> {
  const overlapping = await unscoped(tx, EnforcementCertificates, ONE_AT_A_TIME)
    .where(sql`t.person_id = ${c.personId} AND t.legal_subject_organization_id = ${c.legalSubjectOrganizationId}`)
    .where(sql`t.valid_from <= CAST(${c.validTo} AS date) AND CAST(${c.validFrom} AS date) <= LEAST(t.valid_to, t.revoked_on - 1)`)
    .where(except ? sql`t.id <> ${except}` : sql`TRUE`)
    .count();
  if (overlapping) throw certificateRules.field('input.validFrom', 'overlap', 'the holder has another certificate for this legal subject valid on some of these days: renew it (renewEnforcementCertificate) or revoke it first.');
}

/** Enforcement certificates (行政执法证) of inspectors. */
export class EnforcementCertificateService {
  byId(ctx: RequestContext, id: string, properties: readonly string[] | null = null): Promise<EnforcementCertificate | null> {
    return records(ctx, EnforcementCertificates).one(id, properties);
  }

  list(ctx: RequestContext, args: EnforcementCertificateListArgs, withCount: boolean, properties: readonly string[] | null = null): Promise<ConnectionResult<EnforcementCertificate>> {
    const f = args.filter ?? {};
    const today = ctx.clock.today();
    let rows = records(ctx, EnforcementCertificates);
    if (f.personId) rows = rows.where(sql`t.person_id = ${f.personId}`);
    if (f.legalSubjectOrganizationId) rows = rows.where(sql`t.legal_subject_organization_id = ${f.legalSubjectOrganizationId}`);
    if (f.validOn) rows = rows.where(sql`${enforcementCertificateStatusSql('t', f.validOn)} = ${EnforcementCertificateStatus.VALID}`);
    if (f.expiringWithinDays !== undefined && f.expiringWithinDays !== null) {
      rows = rows.where(sql`${enforcementCertificateStatusSql('t', today)} = ${EnforcementCertificateStatus.VALID} AND t.valid_to <= CAST(${today} AS date) + CAST(${f.expiringWithinDays} AS int)`);
    }
    if (f.statuses?.length) rows = rows.where(sql`${enforcementCertificateStatusSql('t', today)} = ANY(${f.statuses})`);
    return whereChanged(rows, f).page({ keys: EnforcementCertificateOrder.keys(args.orderBy), page: args, withCount, properties });
  }

  /** A certificate for a legal subject in the caller's scope, to a person the caller may read; its number unique, its period clear of the holder's other certificates there. */
  register(ctx: RequestContext, input: RegisterEnforcementCertificateInput): Promise<EnforcementCertificate> {
    assertPeriod(input.validFrom, input.validTo);
    return transaction(ctx, async (tx) => {
      const subject = await records(tx, Organizations, CertificatePermission.Manage).reference(input.legalSubjectOrganizationId, 'input.legalSubjectOrganizationId', { properties: ['id', 'kind', 'name'] });
      if (!LEGAL_SUBJECT_KINDS.includes(subject.kind)) {
        throw certificateRules.field('input.legalSubjectOrganizationId', 'organizationKind', `${subject.name} is a ${subject.kind}: an enforcement certificate is issued for a government body, a department or an authorised institution.`);
      }
      // Locked: two registrations for the same holder wait for each other, so the overlap check holds.
      await records(tx, Persons).reference(input.personId, 'input.personId', { lock: 'update' });
      await assertNumberFree(tx, input.number);
      await assertNoOverlap(tx, input, null);
      return createRecord(
        tx,
        EnforcementCertificate,
        'EnforcementCertificate',
        {
          personId: input.personId,
          number: input.number,
          issuingAuthority: input.issuingAuthority,
          legalSubjectOrganizationId: input.legalSubjectOrganizationId,
          enforcementField: input.enforcementField,
          validFrom: input.validFrom,
          validTo: input.validTo,
          previousCertificateId: null,
        },
        { action: 'enforcement.enforcement-certificate.register', ...recordEvent(certificateEvents['enforcement.enforcement-certificate.registered'], payloadOf) },
      );
    });
  }

  /**
   * A new certificate for the holder and legal subject of one that is not revoked (renewed once): it
   * starts after the old one started, and the old one ends the day before when it would run longer
   * (the old badge is handed in). Both changes, their audit entries and events commit together.
   */
  renew(ctx: RequestContext, input: RenewEnforcementCertificateInput): Promise<EnforcementCertificate> {
    assertPeriod(input.validFrom, input.validTo);
    return transaction(ctx, async (tx) => {
      const old = await lockUnrevoked(tx, EnforcementCertificates, CertificatePermission.Manage, input);
      const renewed = await unscoped(tx, EnforcementCertificates, 'a certificate is renewed once, by whichever legal subject').where(sql`t.previous_certificate_id = ${old.id}`).count();
      if (renewed) throw certificateRules.field('input.id', 'state', 'the certificate was renewed already: renew the newer one.');
      if (input.validFrom <= old.validFrom) throw certificateRules.field('input.validFrom', 'range', `must be after the old certificate's first valid day (${old.validFrom}).`);
      await assertNumberFree(tx, input.number);
      const next = { personId: old.personId, legalSubjectOrganizationId: old.legalSubjectOrganizationId, validFrom: input.validFrom, validTo: input.validTo };
      await assertNoOverlap(tx, next, old.id);
      if (old.validTo >= input.validFrom) {
        await updateRecord(tx, EnforcementCertificate, 'EnforcementCertificate', old, input.version, { validTo: addDays(input.validFrom, -1) }, { action: 'enforcement.enforcement-certificate.end-by-renewal' });
      }
      return createRecord(
        tx,
        EnforcementCertificate,
        'EnforcementCertificate',
        { ...next, number: input.number, issuingAuthority: input.issuingAuthority ?? old.issuingAuthority, enforcementField: input.enforcementField ?? old.enforcementField, previousCertificateId: old.id },
        {
          action: 'enforcement.enforcement-certificate.renew',
          ...recordEvent(certificateEvents['enforcement.enforcement-certificate.renewed'], (c: EnforcementCertificate) => ({ ...payloadOf(c), previousCertificateId: old.id })),
        },
      );
    });
  }

  /** Revokes a certificate that is not revoked yet, from a day not in the future. */
  revoke(ctx: RequestContext, input: RevokeCertificateInput): Promise<EnforcementCertificate> {
    return revokeCertificate(ctx, EnforcementCertificates, CertificatePermission.Manage, input, (current) => ({
      action: 'enforcement.enforcement-certificate.revoke',
      ...recordEvent(certificateEvents['enforcement.enforcement-certificate.revoked'], payloadOf(current)),
    }));
  }
}
