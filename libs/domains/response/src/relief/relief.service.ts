import { assertVersion, BadUserInputError, NotFoundError, SortDirection, audit, isValidIdNumber, paginateRows, paginateSql, readOne, sqlConditions, todayInChina, transaction, updateWithVersion, type ConnectionResult, type RequestContext, type SortKey } from '@platform/core';
import { maskIdNumber, organizationIdInScope, organizationInScope, withinSubtreeSql } from '@platform/directory';
import type { SelectQueryBuilder } from 'typeorm';
import { ReliefCase, ReliefCaseStep, ReliefPayment } from './relief.entity';
import { ReliefPaymentMethod, ReliefStatus } from './relief.enums';
import { ReliefPaymentCheck } from './relief.types';
import { reliefSettings } from './relief.settings';
import { ResponsePermission } from '../permissions';
import { incidentScope } from '../incidents/incident.service';
import type { ReliefApproveInput, ReliefCaseCreateInput, ReliefCaseListArgs, ReliefNoticeInput, ReliefPaymentCheckArgs, ReliefPaymentInput, ReliefRejectInput, ReliefStepInput } from './relief.inputs';

export const RELIEF_CASE = 'ReliefCase';

/** Newest cases first; the id makes the order total (index relief_case_created_idx). */
export const reliefCaseSortKeys = (alias: string): SortKey<ReliefCase>[] => [
  { column: `${alias}.created_at`, direction: SortDirection.DESC },
  { column: `${alias}.id`, direction: SortDirection.DESC },
];

/** SQL: the case (alias) is past its payment deadline (`:today`, China time) and neither paid in full nor rejected. */
export const RELIEF_OVERDUE_SQL = (alias: string): string => `(${alias}.due_by < CAST(:today AS date) AND ${alias}.status NOT IN ('PAID', 'REJECTED'))`;

/** The same rule as RELIEF_OVERDUE_SQL for a loaded case. */
export const isOverdue = (c: Pick<ReliefCase, 'dueBy' | 'status'>, today: string): boolean => c.dueBy < today && c.status !== ReliefStatus.PAID && c.status !== ReliefStatus.REJECTED;

/** Today in China by the request's clock (tests move it). */
export const reliefToday = (ctx: RequestContext): string => todayInChina(ctx.clock.now());

/** A day plus `days` days (YYYY-MM-DD). */
export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Whole cents of an amount in yuan (numeric(12,2)), so sums are compared without float error. */
const cents = (yuan: number | null): number => Math.round((yuan ?? 0) * 100);

/** The approval path: each step, the one state it starts from, where it leads and who may take it. */
export const RELIEF_STEPS = {
  assess: { from: ReliefStatus.APPLIED, to: ReliefStatus.ASSESSED, permission: ResponsePermission.ReliefApply },
  startNotice: { from: ReliefStatus.ASSESSED, to: ReliefStatus.NOTICE, permission: ResponsePermission.ReliefApply },
  review: { from: ReliefStatus.NOTICE, to: ReliefStatus.REVIEWED, permission: ResponsePermission.ReliefApprove },
  approve: { from: ReliefStatus.REVIEWED, to: ReliefStatus.APPROVED, permission: ResponsePermission.ReliefApprove },
  reject: { from: ReliefStatus.REVIEWED, to: ReliefStatus.REJECTED, permission: ResponsePermission.ReliefApprove },
} as const;
export type ReliefStepAction = keyof typeof RELIEF_STEPS;

/** Relief cases of organizations where the caller holds `permission` (alias `c`). */
export function scopedReliefCases(ctx: RequestContext, permission: string = ResponsePermission.ReliefRead): SelectQueryBuilder<ReliefCase> {
  const scope = organizationIdInScope(ctx.principal, permission, 'c.organization_id');
  return ctx.manager.createQueryBuilder(ReliefCase, 'c').where(scope.sql, scope.params);
}

/** The sums of a case's payments, beside the case (alias `c`, lateral `s`). */
const CHECK_FROM = `relief_case c LEFT JOIN LATERAL (
    SELECT coalesce(sum(p.amount_yuan), 0) AS paid, count(p.id)::int AS n, max(p.paid_on) AS last FROM relief_payment p WHERE p.case_id = c.id
  ) s ON TRUE`;
const PAID_IN_FULL_SQL = `(s.paid = c.approved_amount_yuan)`;
const PAID_ON_TIME_SQL = `(s.paid = c.approved_amount_yuan AND s.last <= c.due_by)`;
const CHECK_OVERDUE_SQL = `(s.paid < c.approved_amount_yuan AND c.due_by < CAST(:today AS date))`;

const checkSortKeys: SortKey<ReliefPaymentCheck>[] = [
  { column: 'c.due_by', direction: SortDirection.ASC },
  { column: 'c.id', direction: SortDirection.ASC },
];

export class ReliefService {
  list(ctx: RequestContext, args: ReliefCaseListArgs, withCount: boolean): Promise<ConnectionResult<ReliefCase>> {
    const { where, params, add } = sqlConditions(organizationIdInScope(ctx.principal, ResponsePermission.ReliefRead, 'c.organization_id'));
    const f = args.filter ?? {};
    if (f.kinds?.length) add('c.kind IN (:...kinds)', { kinds: f.kinds });
    if (f.statuses?.length) add('c.status IN (:...statuses)', { statuses: f.statuses });
    if (f.withinSubtreeOf) add(withinSubtreeSql('c.organization_id'), { subtreeRoot: f.withinSubtreeOf });
    if (f.incidentId) add('c.incident_id = :incidentId', { incidentId: f.incidentId });
    if (f.paidInFull != null) add(f.paidInFull ? `c.status = 'PAID'` : `c.status <> 'PAID'`);
    if (f.overdue != null) add(f.overdue ? RELIEF_OVERDUE_SQL('c') : `NOT ${RELIEF_OVERDUE_SQL('c')}`, { today: reliefToday(ctx) });
    return paginateRows({ manager: ctx.manager, entity: ReliefCase, alias: 'c', table: 'relief_case', where, params, keys: reliefCaseSortKeys('c'), page: args, withCount });
  }

  byId(ctx: RequestContext, id: string): Promise<ReliefCase | null> {
    const scope = organizationIdInScope(ctx.principal, ResponsePermission.ReliefRead, 'c.organization_id');
    return readOne({ manager: ctx.manager, entity: ReliefCase, alias: 'c', table: 'relief_case', where: ['c.id = :id', scope.sql], params: { ...scope.params, id } });
  }

  /**
   * 发放核查: approved and paid cases with the sum of their payments computed from the payments
   * themselves (not the case's running sum), by deadline; one statement (plus a COUNT when asked).
   */
  paymentCheck(ctx: RequestContext, args: ReliefPaymentCheckArgs, withCount: boolean): Promise<ConnectionResult<ReliefPaymentCheck>> {
    const { where, params, add } = sqlConditions(organizationIdInScope(ctx.principal, ResponsePermission.ReliefRead, 'c.organization_id'));
    add(`c.status IN ('APPROVED', 'PAID')`, { today: reliefToday(ctx) });
    const f = args.filter ?? {};
    if (f.kinds?.length) add('c.kind IN (:...kinds)', { kinds: f.kinds });
    if (f.withinSubtreeOf) add(withinSubtreeSql('c.organization_id'), { subtreeRoot: f.withinSubtreeOf });
    if (f.incidentId) add('c.incident_id = :incidentId', { incidentId: f.incidentId });
    if (f.paidInFull != null) add(f.paidInFull ? PAID_IN_FULL_SQL : `NOT ${PAID_IN_FULL_SQL}`);
    if (f.paidOnTime != null) add(f.paidOnTime ? PAID_ON_TIME_SQL : `NOT ${PAID_ON_TIME_SQL}`);
    if (f.overdue != null) add(f.overdue ? CHECK_OVERDUE_SQL : `NOT ${CHECK_OVERDUE_SQL}`);
    return paginateSql({
      manager: ctx.manager,
      from: CHECK_FROM,
      where,
      params,
      select: `c.id AS "caseId", c.organization_id AS "organizationId", c.kind, c.status, c.due_by::text AS "dueBy",
        c.approved_amount_yuan::float8 AS "approvedAmountYuan", s.paid::float8 AS "paidAmountYuan", (c.approved_amount_yuan - s.paid)::float8 AS "outstandingYuan",
        s.n AS "payments", s.last::text AS "lastPaidOn", ${PAID_IN_FULL_SQL} AS "paidInFull", ${PAID_ON_TIME_SQL} AS "paidOnTime", ${CHECK_OVERDUE_SQL} AS "overdue"`,
      keys: checkSortKeys,
      page: args,
      withCount,
      read: (rows) => rows.map((r) => Object.assign(new ReliefPaymentCheck(), r, { paidOnTime: Boolean(r['paidOnTime']) })),
    });
  }

  /** 户申请: registers a household's application for a village or community in the caller's scope. */
  async create(ctx: RequestContext, input: ReliefCaseCreateInput): Promise<ReliefCase> {
    if (input.dueBy < reliefToday(ctx)) throw BadUserInputError.field('input.dueBy', 'notPast', 'must not be in the past (China time).');
    return transaction(ctx, async (tx) => {
      const org = await organizationInScope(tx, input.organizationId, ResponsePermission.ReliefApply);
      if (!org) throw BadUserInputError.field('input.organizationId', 'exists', `no active organization ${input.organizationId} within your relief scope.`);
      const [{ kind }] = await tx.manager.query(`SELECT kind FROM organization WHERE id = $1`, [org.id]);
      if (kind !== 'VILLAGE' && kind !== 'COMMUNITY') throw BadUserInputError.field('input.organizationId', 'kind', 'relief cases are handled by a village or a community.');
      let household: { id: string; head_name: string; address: string } | undefined;
      if (input.householdId) {
        [household] = await tx.manager.query(
          `SELECT h.id, h.head_name, h.address FROM joint_defense_household h JOIN organization o ON o.id = h.organization_id
           WHERE h.id = $1 AND h.archived_at IS NULL AND o.path <@ CAST($2 AS ltree)`,
          [input.householdId, org.path],
        );
        if (!household) throw BadUserInputError.field('input.householdId', 'exists', `no listed household ${input.householdId} in that village or community.`);
      }
      const headName = input.headName || household?.head_name;
      const address = input.address || household?.address;
      if (!headName) throw BadUserInputError.field('input.headName', 'required', 'give the head of the household, or a household of the joint defense list.');
      if (!address) throw BadUserInputError.field('input.address', 'required', 'give the address, or a household of the joint defense list.');
      if (input.incidentId) {
        // Only an incident the caller may read: another area's incident answers like a missing one.
        const scope = incidentScope(tx.principal, 'i');
        const [text, values] = tx.manager.connection.driver.escapeQueryWithParameters(`SELECT i.id FROM incident i WHERE i.id = :incidentId AND ${scope.sql}`, { ...scope.params, incidentId: input.incidentId });
        const [incident] = await tx.manager.query(text, values);
        if (!incident) throw BadUserInputError.field('input.incidentId', 'exists', `no incident ${input.incidentId} you may read.`);
      }
      const created = await tx.manager.save(
        tx.manager.create(ReliefCase, {
          organizationId: org.id,
          householdId: household?.id ?? null,
          headName,
          address,
          kind: input.kind,
          incidentId: input.incidentId ?? null,
          basis: input.basis,
          requestedAmountYuan: input.requestedAmountYuan,
          approvedAmountYuan: null,
          paidAmountYuan: 0,
          dueBy: input.dueBy,
          status: ReliefStatus.APPLIED,
          noticeStartsOn: null,
          noticeEndsOn: null,
          rejectionReason: null,
          paidInFullOn: null,
        }),
      );
      await this.record(tx, created.id, 'apply', null, ReliefStatus.APPLIED, input.note ?? null);
      await audit(tx, { action: 'rescue.relief-case.apply', entityType: RELIEF_CASE, entityId: created.id, changes: { ...input, headName, address } });
      await tx.emit('rescue.relief-case.applied', { id: created.id, organizationId: org.id, kind: created.kind });
      return created;
    });
  }

  /**
   * One step of the approval path: the case must be in scope for the step's permission (else
   * NOT_FOUND), at the version read (else CONFLICT) and in the one state the step starts from (else
   * BAD_USER_INPUT naming the current and the expected state).
   */
  async step(ctx: RequestContext, action: ReliefStepAction, input: ReliefStepInput & Partial<ReliefNoticeInput & ReliefApproveInput & ReliefRejectInput>): Promise<ReliefCase> {
    const step = RELIEF_STEPS[action];
    const today = reliefToday(ctx);
    return transaction(ctx, async (tx) => {
      const current = await this.lockOrFail(tx, input.id, step.permission);
      this.checkVersion(current, input.version);
      if (current.status !== step.from) {
        throw BadUserInputError.field('input.id', 'transition', `cannot ${action} a relief case that is ${current.status}: expected ${step.from}.`);
      }
      const patch: Partial<ReliefCase> = { status: step.to };
      if (action === 'startNotice') {
        const days = reliefSettings(tx).noticeDays;
        const startsOn = input.noticeStartsOn ?? today;
        if (startsOn < today) throw BadUserInputError.field('input.noticeStartsOn', 'notPast', 'must not be in the past (China time).');
        const endsOn = input.noticeEndsOn ?? addDays(startsOn, days - 1);
        if (endsOn < addDays(startsOn, days - 1)) {
          throw BadUserInputError.field('input.noticeEndsOn', 'minimumNoticeDays', `the notice must last at least ${days} days (${startsOn} to ${addDays(startsOn, days - 1)} or later).`);
        }
        patch.noticeStartsOn = startsOn;
        patch.noticeEndsOn = endsOn;
      }
      if (action === 'review' && !(current.noticeEndsOn! < today)) {
        throw BadUserInputError.field('input.id', 'noticeNotEnded', `the public notice runs until ${current.noticeEndsOn} (China time); review it from ${addDays(current.noticeEndsOn!, 1)}.`);
      }
      if (action === 'approve') patch.approvedAmountYuan = input.approvedAmountYuan!;
      if (action === 'reject') patch.rejectionReason = input.reason!;
      const updated = await updateWithVersion(tx, ReliefCase, RELIEF_CASE, current.id, input.version, patch);
      const note = action === 'reject' ? `${patch.rejectionReason}${input.note ? `: ${input.note}` : ''}` : (input.note ?? null);
      await this.record(tx, current.id, action, current.status, step.to, note);
      const { status: _status, ...details } = patch;
      await audit(tx, { action: `rescue.relief-case.${action}`, entityType: RELIEF_CASE, entityId: current.id, changes: { status: [current.status, step.to], ...details, note: input.note ?? null } });
      await tx.emit(`rescue.relief-case.${action}`, { id: current.id, organizationId: current.organizationId, status: step.to });
      return updated;
    });
  }

  /**
   * 发放: records a payment of an approved case. The case row is locked (FOR UPDATE) so concurrent
   * payments queue; the sum never exceeds the approved amount, and the payment that reaches it
   * makes the case PAID (on the day of the latest payment).
   */
  async pay(ctx: RequestContext, input: ReliefPaymentInput): Promise<ReliefPayment> {
    if (input.paidOn > reliefToday(ctx)) throw BadUserInputError.field('input.paidOn', 'notFuture', 'must not be in the future (China time).');
    if (!isValidIdNumber(input.payeeIdNumber)) throw BadUserInputError.field('input.payeeIdNumber', 'checkDigit', 'the ID number has a wrong check character (GB 11643).');
    if (input.method === ReliefPaymentMethod.BANK_TRANSFER && !input.accountReference) {
      throw BadUserInputError.field('input.accountReference', 'required', 'a bank transfer needs the account or card number.');
    }
    return transaction(ctx, async (tx) => {
      const current = await this.lockOrFail(tx, input.caseId, ResponsePermission.ReliefPay);
      if (current.status !== ReliefStatus.APPROVED) {
        throw BadUserInputError.field('input.caseId', 'transition', `cannot pay a relief case that is ${current.status}: expected ${ReliefStatus.APPROVED}.`);
      }
      const outstanding = cents(current.approvedAmountYuan) - cents(current.paidAmountYuan);
      const amount = cents(input.amountYuan);
      if (amount > outstanding) {
        throw BadUserInputError.field('input.amountYuan', 'notAboveOutstanding', `only ${(outstanding / 100).toFixed(2)} yuan of the approved ${current.approvedAmountYuan!.toFixed(2)} remain to be paid.`);
      }
      const payment = await tx.manager.save(
        tx.manager.create(ReliefPayment, {
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
        }),
      );
      const full = amount === outstanding;
      const patch: Partial<ReliefCase> = { paidAmountYuan: (cents(current.paidAmountYuan) + amount) / 100 };
      if (full) {
        const [{ last }] = await tx.manager.query(`SELECT max(paid_on)::text AS last FROM relief_payment WHERE case_id = $1`, [current.id]);
        patch.status = ReliefStatus.PAID;
        patch.paidInFullOn = last;
      }
      await updateWithVersion(tx, ReliefCase, RELIEF_CASE, current.id, current.version, patch);
      await this.record(tx, current.id, 'pay', current.status, patch.status ?? current.status, `${payment.payeeName}（${payment.payeeRelation}）${(amount / 100).toFixed(2)} 元`);
      await audit(tx, {
        action: 'rescue.relief-payment.record',
        entityType: 'ReliefPayment',
        entityId: payment.id,
        changes: { ...input, payeeIdNumber: maskIdNumber(input.payeeIdNumber), accountReference: input.accountReference ? '[recorded]' : null, caseStatus: full ? [current.status, ReliefStatus.PAID] : current.status },
      });
      await tx.emit('rescue.relief-payment.recorded', { id: payment.id, caseId: current.id, organizationId: current.organizationId, amountYuan: input.amountYuan });
      if (full) await tx.emit('rescue.relief-case.paid', { id: current.id, organizationId: current.organizationId, paidInFullOn: patch.paidInFullOn });
      return payment;
    });
  }

  /** A case the caller may act on with `permission`, locked FOR UPDATE; out of scope answers NOT_FOUND like a missing one. */
  private async lockOrFail(tx: RequestContext, id: string, permission: string): Promise<ReliefCase> {
    const current = await scopedReliefCases(tx, permission).andWhere('c.id = :id', { id }).setLock('pessimistic_write').getOne();
    if (!current) throw new NotFoundError(RELIEF_CASE, id);
    return current;
  }

  private checkVersion(current: ReliefCase, version: number): void {
    assertVersion(RELIEF_CASE, current, version);
  }

  private async record(tx: RequestContext, caseId: string, action: string, from: ReliefStatus | null, to: ReliefStatus, note: string | null): Promise<void> {
    await tx.manager.insert(ReliefCaseStep, {
      caseId,
      action,
      fromStatus: from,
      toStatus: to,
      actorKind: tx.principal.kind,
      actorId: tx.principal.id,
      actorPersonId: tx.principal.personId ?? null,
      actorName: tx.principal.displayName,
      note,
    });
  }
}
