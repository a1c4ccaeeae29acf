import {
  addDays,
  applyStep,
  createRecord,
  emitEvent,
  isValidIdNumber,
  raw,
  recordEvent,
  records,
  sql,
  transaction,
  updateWithVersion,
  whereChanged,
  type ConnectionResult,
  type Patch,
  type RequestContext,
  type Sql,
} from '@platform/core';
import { OrganizationKind, Organizations, maskIdNumber, organizationIdWithinSubtree } from '@platform/directory';
import { Households } from '@domains/community';
import { ReliefCase, ReliefPayment } from './relief.entity';
import { ReliefPaymentMethod, ReliefStatus } from './relief.enums';
import { ReliefPaymentCheck } from './relief.types';
import { PAID_SUM_SQL, ReliefCaseOrder, ReliefPaymentCheckOrder } from './relief.orders';
import { reliefSettings } from './relief.settings';
import { RELIEF_APPLICATION, RELIEF_WORKFLOW, type ReliefDecisionStep } from './relief-transitions';
import { insertReliefCaseStep } from './relief-history.sql';
import { Incidents, ReliefCases, ReliefPayments } from '../response.entities';
import { responseEvents } from '../response.events';
import { responseRules } from '../response.rules';
import { ResponsePermission } from '../permissions';
import type { ReliefApproveInput, ReliefCaseCreateInput, ReliefCaseListArgs, ReliefNoticeInput, ReliefPaymentCheckArgs, ReliefPaymentInput, ReliefRejectInput, ReliefStepInput } from './relief.inputs';

export const RELIEF_CASE = 'ReliefCase';

/** SQL: the case (alias) is past its payment deadline (`today`, China time) and neither paid in full nor rejected. */
export const reliefOverdue = (alias: string, today: string): Sql => sql`(${raw(`${alias}.due_by`)} < CAST(${today} AS date) AND ${raw(`${alias}.status`)} NOT IN ('PAID', 'REJECTED'))`;

/** The same rule as `reliefOverdue` for a loaded case. */
export const isOverdue = (c: Pick<ReliefCase, 'dueBy' | 'status'>, today: string): boolean => c.dueBy < today && c.status !== ReliefStatus.PAID && c.status !== ReliefStatus.REJECTED;

/** Today in China by the request's clock (tests move it). */
export const reliefToday = (ctx: RequestContext): string => ctx.clock.today();


/** Organizations that handle relief cases. */
const RELIEF_ORGANIZATION_KINDS: readonly string[] = [OrganizationKind.VILLAGE, OrganizationKind.COMMUNITY];

/** The sum and the last day of a case's payments (alias `t`), computed from the payments themselves (not the case's running sum). */
const PAID_SQL = raw(PAID_SUM_SQL);
const LAST_PAID_SQL = sql`(SELECT max(p.paid_on) FROM relief_payment p WHERE p.case_id = t.id)`;
const PAID_IN_FULL_SQL = sql`(${PAID_SQL} = t.approved_amount_yuan)`;
const PAID_ON_TIME_SQL = sql`(${PAID_SQL} = t.approved_amount_yuan AND ${LAST_PAID_SQL} <= t.due_by)`;
const checkOverdue = (today: string): Sql => sql`(${PAID_SQL} < t.approved_amount_yuan AND t.due_by < CAST(${today} AS date))`;

/** What the payment check computes per case, in SQL over the payments themselves (amounts as exact numeric text). */
type CheckFigures = Pick<ReliefPaymentCheck, 'caseId' | 'approvedAmountYuan' | 'paidAmountYuan' | 'outstandingYuan' | 'payments' | 'lastPaidOn' | 'paidInFull' | 'paidOnTime' | 'overdue'>;

/** The payment check's figures of a case (alias `t`): the same conditions as its filters, so a row and the filter never disagree. */
const checkFigures = (today: string): Sql => sql`t.id AS "caseId", t.approved_amount_yuan::text AS "approvedAmountYuan", ${PAID_SQL}::text AS "paidAmountYuan",
  (t.approved_amount_yuan - ${PAID_SQL})::text AS "outstandingYuan", (SELECT count(*)::int FROM relief_payment p WHERE p.case_id = t.id) AS "payments",
  ${LAST_PAID_SQL}::text AS "lastPaidOn", ${PAID_IN_FULL_SQL} AS "paidInFull", coalesce(${PAID_ON_TIME_SQL}, false) AS "paidOnTime", ${checkOverdue(today)} AS "overdue"`;

/** How a payment of `amount` meets its case (alias `t`), in numeric: what remains to pay, whether it fits, whether it completes the case, the sum after it. */
const paymentFit = (amount: string): Sql => sql`(t.approved_amount_yuan - t.paid_amount_yuan)::text AS "outstanding",
  CAST(${amount} AS numeric) <= t.approved_amount_yuan - t.paid_amount_yuan AS "fits", CAST(${amount} AS numeric) = t.approved_amount_yuan - t.paid_amount_yuan AS "full",
  (t.paid_amount_yuan + CAST(${amount} AS numeric))::text AS "paidAfter"`;

/** A step's input: the case, the version read, a note, and what the step needs besides. */
type StepInput = ReliefStepInput & Partial<ReliefNoticeInput & ReliefApproveInput & ReliefRejectInput>;

export class ReliefService {
  list(ctx: RequestContext, args: ReliefCaseListArgs, withCount: boolean): Promise<ConnectionResult<ReliefCase>> {
    let cases = records(ctx, ReliefCases);
    const f = args.filter ?? {};
    if (f.kinds?.length) cases = cases.where(sql`t.kind = ANY(${f.kinds})`);
    if (f.statuses?.length) cases = cases.where(sql`t.status = ANY(${f.statuses})`);
    if (f.withinSubtreeOf) cases = cases.where(organizationIdWithinSubtree('t.organization_id', f.withinSubtreeOf));
    if (f.incidentId) cases = cases.where(sql`t.incident_id = ${f.incidentId}`);
    if (f.paidInFull != null) cases = cases.where(f.paidInFull ? sql`t.status = 'PAID'` : sql`t.status <> 'PAID'`);
    if (f.overdue != null) cases = cases.where(f.overdue ? reliefOverdue('t', reliefToday(ctx)) : sql`NOT ${reliefOverdue('t', reliefToday(ctx))}`);
    return whereChanged(cases, f).page({ keys: ReliefCaseOrder.keys(args.orderBy), page: args, withCount });
  }

  byId(ctx: RequestContext, id: string): Promise<ReliefCase | null> {
    return records(ctx, ReliefCases).one(id);
  }

  /**
   * 发放核查: approved and paid cases by deadline, with the sum of their payments computed from the
   * payments themselves (not the case's running sum): the page (plus a COUNT when asked), then the
   * figures of its cases in one statement, sums and comparisons in SQL.
   */
  async paymentCheck(ctx: RequestContext, args: ReliefPaymentCheckArgs, withCount: boolean): Promise<ConnectionResult<ReliefPaymentCheck>> {
    const today = reliefToday(ctx);
    let cases = records(ctx, ReliefCases).where(sql`t.status IN ('APPROVED', 'PAID')`);
    const f = args.filter ?? {};
    if (f.kinds?.length) cases = cases.where(sql`t.kind = ANY(${f.kinds})`);
    if (f.withinSubtreeOf) cases = cases.where(organizationIdWithinSubtree('t.organization_id', f.withinSubtreeOf));
    if (f.incidentId) cases = cases.where(sql`t.incident_id = ${f.incidentId}`);
    if (f.paidInFull != null) cases = cases.where(f.paidInFull ? PAID_IN_FULL_SQL : sql`NOT ${PAID_IN_FULL_SQL}`);
    if (f.paidOnTime != null) cases = cases.where(f.paidOnTime ? PAID_ON_TIME_SQL : sql`NOT ${PAID_ON_TIME_SQL}`);
    if (f.overdue != null) cases = cases.where(f.overdue ? checkOverdue(today) : sql`NOT ${checkOverdue(today)}`);
    const page = await cases.page({ keys: ReliefPaymentCheckOrder.keys(args.orderBy), page: args, withCount });
    const ids = page.edges.map((e) => e.node.id);
    const figures = ids.length ? await records(ctx, ReliefCases).where(sql`t.id = ANY(CAST(${ids} AS uuid[]))`).aggregate<CheckFigures>(checkFigures(today)) : [];
    const byCase = new Map(figures.map((f) => [f.caseId, f]));
    return {
      ...page,
      edges: page.edges.map((e) => ({
        cursor: e.cursor,
        node: Object.assign(new ReliefPaymentCheck(), { organizationId: e.node.organizationId, kind: e.node.kind, status: e.node.status, dueBy: e.node.dueBy, ...byCase.get(e.node.id)! }),
      })),
    };
  }

  /** 户申请: registers a household's application for a village or community in the caller's scope. */
  async create(ctx: RequestContext, input: ReliefCaseCreateInput): Promise<ReliefCase> {
    if (input.dueBy < reliefToday(ctx)) throw responseRules.field('input.dueBy', 'notPast', 'must not be in the past (China time).');
    return transaction(ctx, async (tx) => {
      // Missing or beyond the caller's relief scope: NOT_FOUND on the field; archived: notArchived.
      const org = await records(tx, Organizations, ResponsePermission.ReliefApply).reference(input.organizationId, 'input.organizationId');
      if (!RELIEF_ORGANIZATION_KINDS.includes(org.kind)) throw responseRules.field('input.organizationId', 'kind', 'relief cases are handled by a village or a community.');
      // A listed household of that village or community that the caller may read (the community's `Households`).
      const household = input.householdId
        ? await records(tx, Households).where(organizationIdWithinSubtree('t.organization_id', org.id)).reference(input.householdId, 'input.householdId', { properties: ['headName', 'address'] })
        : null;
      const headName = input.headName || household?.headName;
      const address = input.address || household?.address;
      if (!headName) throw responseRules.field('input.headName', 'required', 'give the head of the household, or a household of the joint defense list.');
      if (!address) throw responseRules.field('input.address', 'required', 'give the address, or a household of the joint defense list.');
      // Only an incident the caller may read: another area's incident answers NOT_FOUND like a missing one.
      if (input.incidentId) await records(tx, Incidents).reference(input.incidentId, 'input.incidentId', { properties: ['id'] });
      const created = await createRecord(
        tx,
        ReliefCase,
        RELIEF_CASE,
        {
          organizationId: org.id,
          householdId: household?.id ?? null,
          headName,
          address,
          kind: input.kind,
          incidentId: input.incidentId ?? null,
          basis: input.basis,
          requestedAmountYuan: input.requestedAmountYuan,
          approvedAmountYuan: null,
          paidAmountYuan: '0.00',
          dueBy: input.dueBy,
          status: ReliefStatus.APPLIED,
          noticeStartsOn: null,
          noticeEndsOn: null,
          rejectionReason: null,
          paidInFullOn: null,
        },
        {
          action: RELIEF_APPLICATION.action,
          changes: { ...input, headName, address },
          ...recordEvent(responseEvents[RELIEF_APPLICATION.event], (c: ReliefCase) => ({ id: c.id, organizationId: org.id, kind: c.kind })),
        },
      );
      await insertReliefCaseStep(tx, created.id, RELIEF_APPLICATION.step, null, ReliefStatus.APPLIED, input.note ?? null);
      return created;
    });
  }

  /**
   * One step of the approval path (`RELIEF_WORKFLOW`): the case must be in scope for the step's
   * permission (else NOT_FOUND), at the version read (else CONFLICT) and in the state the step starts
   * from (else BAD_USER_INPUT rule `state` naming the current and the allowed states), and the step's
   * own rules must hold (the notice's length, the notice's end before the review).
   */
  async step(ctx: RequestContext, action: ReliefDecisionStep, input: StepInput): Promise<ReliefCase> {
    const today = reliefToday(ctx);
    return transaction(ctx, async (tx) => {
      const current = await records(tx, ReliefCases, RELIEF_WORKFLOW.permissionOf(action)).lock(input.id);
      const patch: Patch<Omit<ReliefCase, 'status'>> = {};
      const checks: Array<() => void> = [];
      if (action === 'startNotice') {
        const days = reliefSettings(tx).noticeDays;
        const startsOn = input.noticeStartsOn ?? today;
        const endsOn = input.noticeEndsOn ?? addDays(startsOn, days - 1);
        checks.push(() => {
          if (startsOn < today) throw responseRules.field('input.noticeStartsOn', 'notPast', 'must not be in the past (China time).');
          if (endsOn < addDays(startsOn, days - 1)) {
            throw responseRules.field('input.noticeEndsOn', 'minimumNoticeDays', `the notice must last at least ${days} days (${startsOn} to ${addDays(startsOn, days - 1)} or later).`);
          }
        });
        patch.noticeStartsOn = startsOn;
        patch.noticeEndsOn = endsOn;
      }
      if (action === 'review') {
        checks.push(() => {
          if (!(current.noticeEndsOn! < today)) {
            throw responseRules.field('input.id', 'noticeNotEnded', `the public notice runs until ${current.noticeEndsOn} (China time); review it from ${addDays(current.noticeEndsOn!, 1)}.`);
          }
        });
      }
      if (action === 'approve') patch.approvedAmountYuan = input.approvedAmountYuan!;
      if (action === 'reject') patch.rejectionReason = input.reason!;
      return applyStep(tx, RELIEF_WORKFLOW, action, {
        current,
        version: input.version,
        patch,
        check: () => checks.forEach((check) => check()),
        details: { note: action === 'reject' ? `${input.reason}${input.note ? `: ${input.note}` : ''}` : (input.note ?? null) },
        changes: { ...patch, note: input.note ?? null },
      });
    });
  }

  /**
   * 发放: records a payment of an approved case. The case row is locked (FOR UPDATE) so concurrent
   * payments queue; the sum never exceeds the approved amount, and the payment that reaches it
   * takes the case's `pay` step (PAID, on the day of the latest payment).
   */
  async pay(ctx: RequestContext, input: ReliefPaymentInput): Promise<ReliefPayment> {
    if (input.paidOn > reliefToday(ctx)) throw responseRules.field('input.paidOn', 'notFuture', 'must not be in the future (China time).');
    if (!isValidIdNumber(input.payeeIdNumber)) throw responseRules.field('input.payeeIdNumber', 'checkDigit', 'the ID number has a wrong check character (GB 11643).');
    if (input.method === ReliefPaymentMethod.BANK_TRANSFER && !input.accountReference) {
      throw responseRules.field('input.accountReference', 'required', 'a bank transfer needs the account or card number.');
    }
    return transaction(ctx, async (tx) => {
      // Missing or beyond the caller's pay scope: NOT_FOUND on the field, like a missing one.
      const current = await records(tx, ReliefCases, RELIEF_WORKFLOW.permissionOf('pay')).reference(input.caseId, 'input.caseId', { lock: 'update' });
      RELIEF_WORKFLOW.assertCanStep('pay', current, 'input.caseId');
      // Compared and summed in SQL (numeric, exact) on the row locked above.
      const [fit] = await records(tx, ReliefCases, RELIEF_WORKFLOW.permissionOf('pay')).where(sql`t.id = ${current.id}`).aggregate<{ outstanding: string; fits: boolean; full: boolean; paidAfter: string }>(paymentFit(input.amountYuan));
      if (!fit!.fits) {
        throw responseRules.field('input.amountYuan', 'notAboveOutstanding', `only ${fit!.outstanding} yuan of the approved ${current.approvedAmountYuan} remain to be paid.`);
      }
      const full = fit!.full;
      const payment = await createRecord(
        tx,
        ReliefPayment,
        'ReliefPayment',
        {
          caseId: current.id,
          organizationId: current.organizationId,
          amountYuan: input.amountYuan,
          paidOn: input.paidOn,
          payeeName: input.payeeName,
          payeeRelation: input.payeeRelation,
          payeeIdNumber: input.payeeIdNumber,
          accountReference: input.accountReference ?? null,
          method: input.method,
          note: input.note || null,
          recordedByKind: tx.principal.kind,
          recordedById: tx.principal.id,
          recordedByName: tx.principal.displayName,
        },
        {
          action: RELIEF_WORKFLOW.steps.pay.action,
          changes: { ...input, payeeIdNumber: maskIdNumber(input.payeeIdNumber), accountReference: input.accountReference ? '[recorded]' : null, caseStatus: full ? [current.status, ReliefStatus.PAID] : current.status },
          ...recordEvent(responseEvents['rescue.relief-payment.recorded'], (p: ReliefPayment) => ({ id: p.id, caseId: current.id, organizationId: current.organizationId, amountYuan: input.amountYuan })),
        },
      );
      const patch: Patch<ReliefCase> = { paidAmountYuan: fit!.paidAfter };
      let paidInFullOn: string | null = null;
      if (full) {
        const [sums] = await records(tx, ReliefPayments, ResponsePermission.ReliefPay).where(sql`t.case_id = ${current.id}`).aggregate<{ last: string }>(sql`max(t.paid_on)::text AS "last"`);
        paidInFullOn = sums!.last;
        patch.status = RELIEF_WORKFLOW.steps.pay.to;
        patch.paidInFullOn = paidInFullOn;
      }
      // The running sum (and PAID) belong to the payment's change: its audit entry above records them.
      await updateWithVersion(tx, ReliefCase, RELIEF_CASE, current.id, current.version, patch);
      await insertReliefCaseStep(tx, current.id, 'pay', current.status, full ? RELIEF_WORKFLOW.steps.pay.to : current.status, `${payment.payeeName}（${payment.payeeRelation}）${input.amountYuan} 元`);
      if (paidInFullOn) await emitEvent(tx, responseEvents, 'rescue.relief-case.paid', { id: current.id, organizationId: current.organizationId, paidInFullOn });
      return payment;
    });
  }
}
