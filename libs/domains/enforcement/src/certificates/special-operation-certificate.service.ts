import { addYears, assertNotFuture, businessRules, createRecord, raw, recordEvent, records, sql, transaction, unscoped, updateRecord, whereChanged, type ConnectionResult, type Records, type RequestContext } from '@platform/core';
import { OrganizationKind, Organizations, Persons, organizationIdWithinSubtree } from '@platform/directory';
import { SpecialOperationCertificate, SpecialOperationCertificateReview } from './special-operation-certificate.entity';
import { SpecialOperationCertificateStatus, SpecialOperationReviewResult } from './certificate.enums';
import { DUE_STATUSES, certificateStatusOn, inStatuses, nextDueOnColumn, specialOperationStatusSql } from './certificate-status';
import { lockUnrevoked, revokeCertificate } from './certificate-revocation';
import { SPECIAL_OPERATION_CERTIFICATE_RULE } from '../business-rules/certificates';
import { SpecialOperationCertificateOrder } from './certificates.orders';
import { SpecialOperationCertificates } from './certificates.entities';
import { certificateEvents } from './certificates.events';
import { CertificatePermission } from './certificates.permissions';
import { certificateRules } from './certificates.rules';
import type { RevokeCertificateInput } from './enforcement-certificate.inputs';
import type {
  DueSpecialOperationCertificateArgs,
  DueSpecialOperationCertificateFilter,
  RecordSpecialOperationReviewInput,
  RegisterSpecialOperationCertificateInput,
  SpecialOperationCertificateListArgs,
} from './special-operation-certificate.inputs';

/** Properties the default keyset order reads (besides the id): a page must load them whatever is selected. */
export const SPECIAL_OPERATION_KEY_PROPERTIES = ['reviewDueOn', 'validUntil'];

/** The statuses in which a review may be held: within the window before its due day, or after it. */
const REVIEWABLE = [SpecialOperationCertificateStatus.REVIEW_DUE, SpecialOperationCertificateStatus.REVIEW_OVERDUE];

/** The filters both lists share: the enterprise, a subtree of enterprises, operation types. */
function narrowed(rows: Records<SpecialOperationCertificate>, f: DueSpecialOperationCertificateFilter): Records<SpecialOperationCertificate> {
  let narrow = rows;
  if (f.enterpriseId) narrow = narrow.where(sql`t.enterprise_id = ${f.enterpriseId}`);
  if (f.withinSubtreeOf) narrow = narrow.where(organizationIdWithinSubtree('t.enterprise_id', f.withinSubtreeOf));
  if (f.types?.length) narrow = narrow.where(sql`t.operation_type = ANY(${f.types})`);
  return narrow;
}

const payloadOf = (c: SpecialOperationCertificate) => ({ id: c.id, personId: c.personId, enterpriseId: c.enterpriseId });

/** Special-operation certificates (特种作业操作证) of workers and their reviews (复审). */
export class SpecialOperationCertificateService {
  byId(ctx: RequestContext, id: string, properties: readonly string[] | null = null): Promise<SpecialOperationCertificate | null> {
    return records(ctx, SpecialOperationCertificates).one(id, properties);
  }

  list(ctx: RequestContext, args: SpecialOperationCertificateListArgs, withCount: boolean, properties: readonly string[] | null = null): Promise<ConnectionResult<SpecialOperationCertificate>> {
    const f = args.filter ?? {};
    const on = f.on ?? ctx.clock.today();
    let rows = narrowed(records(ctx, SpecialOperationCertificates), f);
    if (f.personId) rows = rows.where(sql`t.person_id = ${f.personId}`);
    if (f.on) rows = rows.where(sql`t.issued_on <= CAST(${f.on} AS date)`);
    if (f.statuses?.length) rows = rows.where(inStatuses(on, f.statuses));
    if (f.dueWithinDays !== undefined && f.dueWithinDays !== null) {
      const current = Object.values(SpecialOperationCertificateStatus).filter((s) => s !== SpecialOperationCertificateStatus.REVOKED && s !== SpecialOperationCertificateStatus.EXPIRED);
      rows = rows.where(inStatuses(on, current)).where(sql`${raw(nextDueOnColumn('t'))} <= CAST(${on} AS date) + CAST(${f.dueWithinDays} AS int)`);
    }
    return whereChanged(rows, f).page({ keys: SpecialOperationCertificateOrder.keys(args.orderBy), page: args, withCount, properties });
  }

  /** Certificates expiring or due for review within their rule's window today, and reviews overdue: the next due first. */
  due(ctx: RequestContext, args: DueSpecialOperationCertificateArgs, withCount: boolean, properties: readonly string[] | null = null): Promise<ConnectionResult<SpecialOperationCertificate>> {
    const f = args.filter ?? {};
    const rows = narrowed(records(ctx, SpecialOperationCertificates).where(inStatuses(ctx.clock.today(), DUE_STATUSES)), f);
    return whereChanged(rows, f).page({ keys: SpecialOperationCertificateOrder.keys(args.orderBy), page: args, withCount, properties });
  }

  /**
   * A certificate of a worker of an enterprise in the caller's scope: its last valid day and first
   * review due day from the rule version in force on the issue day, which it keeps.
   */
  register(ctx: RequestContext, input: RegisterSpecialOperationCertificateInput): Promise<SpecialOperationCertificate> {
    assertNotFuture(input.issuedOn, 'input.issuedOn', ctx.clock.today());
    return transaction(ctx, async (tx) => {
      const enterprise = await records(tx, Organizations, CertificatePermission.OperatorRegister).reference(input.enterpriseId, 'input.enterpriseId', { properties: ['id', 'kind', 'name'] });
      if (enterprise.kind !== OrganizationKind.ENTERPRISE) throw certificateRules.field('input.enterpriseId', 'organizationKind', `${enterprise.name} is a ${enterprise.kind}: special operators are registered with the enterprise they work for.`);
      await records(tx, Persons).reference(input.personId, 'input.personId', { properties: ['id'] });
      const taken = await unscoped(tx, SpecialOperationCertificates, 'a certificate is registered once, whichever enterprise the caller may read')
        .where(sql`t.number = ${input.number} AND t.operation_item = ${input.operationItem} AND t.issued_on = CAST(${input.issuedOn} AS date)`)
        .count();
      if (taken) throw certificateRules.field('input.number', 'unique', `certificate ${input.number} (${input.operationItem}, issued ${input.issuedOn}) is registered already.`);
      const rule = await businessRules.inForce(tx, SPECIAL_OPERATION_CERTIFICATE_RULE, input.issuedOn, 'input.issuedOn');
      return createRecord(
        tx,
        SpecialOperationCertificate,
        'SpecialOperationCertificate',
        {
          personId: input.personId,
          enterpriseId: input.enterpriseId,
          operationType: input.operationType,
          operationItem: input.operationItem,
          number: input.number,
          issuedOn: input.issuedOn,
          issuingAuthority: input.issuingAuthority,
          ruleVersionId: rule.id,
          validUntil: addYears(input.issuedOn, rule.value.validYears),
          reviewDueOn: addYears(input.issuedOn, rule.value.reviewIntervalYears),
        },
        { action: 'enforcement.special-operation-certificate.register', ...recordEvent(certificateEvents['enforcement.special-operation-certificate.registered'], payloadOf) },
      );
    });
  }

  /**
   * A review held while one is due (within the window before the due day, or after it) of a
   * certificate that is not revoked. PASSED moves the due day on by the interval of the certificate's
   * rule version (the extended one when approved for a holder with the years in the trade); FAILED
   * leaves it, so the certificate turns REVIEW_OVERDUE after it unless a later review passes (the
   * authority revokes it when it lapses: 未按期复审或复审不合格的操作证失效).
   */
  recordReview(ctx: RequestContext, input: RecordSpecialOperationReviewInput): Promise<SpecialOperationCertificate> {
    assertNotFuture(input.reviewedOn, 'input.reviewedOn', ctx.clock.today());
    const passed = input.result === SpecialOperationReviewResult.PASSED;
    const extended = input.extendedInterval === true;
    if (extended && !passed) throw certificateRules.field('input.extendedInterval', 'extendedInterval', 'the extended interval goes with a PASSED review only.');
    return transaction(ctx, async (tx) => {
      const current = await lockUnrevoked(tx, SpecialOperationCertificates, CertificatePermission.OperatorManage, input);
      if (input.reviewedOn < current.issuedOn) throw certificateRules.field('input.reviewedOn', 'range', `must not be before the issue day (${current.issuedOn}).`);
      const status = await certificateStatusOn<SpecialOperationCertificate, SpecialOperationCertificateStatus>(tx, SpecialOperationCertificates, specialOperationStatusSql, current.id, input.reviewedOn);
      if (!REVIEWABLE.includes(status)) {
        throw certificateRules.field('input.reviewedOn', 'state', `no review is due on ${input.reviewedOn} (the certificate is ${status} then; review due ${current.reviewDueOn}, valid until ${current.validUntil}: at expiry it is renewed, not reviewed).`);
      }
      const rule = await businessRules.stored(tx, SPECIAL_OPERATION_CERTIFICATE_RULE, current.ruleVersionId);
      if (extended && (input.yearsInTrade ?? 0) < rule.value.extendedReviewMinYearsInTrade) {
        throw certificateRules.field('input.yearsInTrade', 'extendedInterval', `the extended interval needs at least ${rule.value.extendedReviewMinYearsInTrade} continuous years in the trade (rule ${SPECIAL_OPERATION_CERTIFICATE_RULE.code}).`);
      }
      const dueOnAfter = passed ? addYears(current.reviewDueOn, extended ? rule.value.extendedReviewIntervalYears : rule.value.reviewIntervalYears) : current.reviewDueOn;
      await createRecord(
        tx,
        SpecialOperationCertificateReview,
        'SpecialOperationCertificateReview',
        {
          certificateId: current.id,
          reviewedOn: input.reviewedOn,
          result: input.result,
          authority: input.authority,
          note: input.note ?? null,
          extendedInterval: extended,
          yearsInTrade: input.yearsInTrade ?? null,
          dueOnBefore: current.reviewDueOn,
          dueOnAfter,
        },
        {
          action: 'enforcement.special-operation-certificate.review',
          auditUnder: { entityType: 'SpecialOperationCertificate', entityId: current.id },
          ...recordEvent(certificateEvents['enforcement.special-operation-certificate.reviewed'], (r: SpecialOperationCertificateReview) => ({ id: r.id, certificateId: r.certificateId, result: r.result })),
        },
      );
      if (!passed) return current;
      return updateRecord(tx, SpecialOperationCertificate, 'SpecialOperationCertificate', current, input.version, { reviewDueOn: dueOnAfter }, { action: 'enforcement.special-operation-certificate.move-review-due' });
    });
  }

  /** Revokes a certificate that is not revoked yet, from a day not in the future nor before its issue. */
  revoke(ctx: RequestContext, input: RevokeCertificateInput): Promise<SpecialOperationCertificate> {
    return revokeCertificate(
      ctx,
      SpecialOperationCertificates,
      CertificatePermission.OperatorManage,
      input,
      (current) => ({ action: 'enforcement.special-operation-certificate.revoke', ...recordEvent(certificateEvents['enforcement.special-operation-certificate.revoked'], payloadOf(current)) }),
      (current, revokedOn) => {
        if (revokedOn < current.issuedOn) throw certificateRules.field('input.revokedOn', 'range', `must not be before the issue day (${current.issuedOn}).`);
      },
    );
  }
}
