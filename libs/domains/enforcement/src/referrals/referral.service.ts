import { SortDirection, applyStep, businessRules, records, sql, transaction, unscoped, whereChanged, type ConnectionResult, todayInChina, type Patch, type RequestContext } from '@platform/core';
import { REFERRAL_CLOCKS_RULE } from '../business-rules/referrals';
import { ReferralOrder } from './referral.orders';
import { referralRules } from './referrals.rules';
import { checkEnforcers, hoursAfter, stepTime } from './referral-checks';
import { issueReferralReport, issueTransfer } from './referral-documents';
import { resolveSource, sourceOf } from './referral-sources';
import { PenaltyCases } from '../cases/public';
import { AccidentInvestigations } from '../accidents/public';

const LATEST = [{ column: 't.flagged_at', direction: SortDirection.DESC }, { column: 't.id', direction: SortDirection.DESC }];
import type {
  CloseCriminalReferralInput,
  FlagCriminalReferralInput,
  DecideCriminalReferralInput,
  DismissCriminalReferralInput,
  RecordCriminalReferralAnswerInput,
  ReferralListArgs,
  ReportCriminalReferralInput,
  TransferCriminalReferralInput,
} from './referral.inputs';
import { CriminalReferral, ReferralDecision, PoliceAnswer, CriminalReferrals, REFERRAL_WORKFLOW, type ReferralStep, clockMissedSql, flagReferral } from '../referral-flags/public';

/** Properties the keyset orders read (besides the id): a page must load them whatever is selected. */
export const REFERRAL_KEY_PROPERTIES = ['flaggedAt', 'code', 'status', 'createdAt', 'updatedAt'];

/** The value of a version of `enforcement.referral-clocks`. */
export type ReferralClocks = { readonly decisionDays: number; readonly transferHours: number; readonly policeAnswerDays: number; readonly warnHours: number };

/** Referrals: the list, lookups and the steps of the workflow (the flag itself is `flagReferral`). */
export class ReferralService {
  byId(ctx: RequestContext, id: string, properties: readonly string[] | null = null): Promise<CriminalReferral | null> {
    return records(ctx, CriminalReferrals).one(id, properties);
  }

  list(ctx: RequestContext, args: ReferralListArgs, withCount: boolean, properties: readonly string[] | null = null): Promise<ConnectionResult<CriminalReferral>> {
    const f = args.filter ?? {};
    let list = records(ctx, CriminalReferrals);
    if (f.statuses?.length) list = list.where(sql`t.status = ANY(${f.statuses})`);
    if (f.reasons?.length) list = list.where(sql`t.reasons && CAST(${f.reasons} AS text[])`);
    if (f.organizationId) list = list.where(sql`t.organization_id = ${f.organizationId}`);
    if (f.caseId) list = list.where(sql`t.case_id = ${f.caseId}`);
    if (f.accidentInvestigationId) list = list.where(sql`t.accident_investigation_id = ${f.accidentInvestigationId}`);
    if (f.code) list = list.where(sql`t.code = ${f.code}`);
    if (f.clockMissed !== undefined && f.clockMissed !== null) {
      const missed = clockMissedSql('t', ctx.clock.now());
      list = list.where(f.clockMissed ? missed : sql`NOT ${missed}`);
    }
    return whereChanged(list, f).page({ keys: ReferralOrder.keys(args.orderBy), page: args, withCount, properties });
  }

  /**
   * A flag raised by hand (`flagReferral` on behalf of an enforcer): the source must be in the caller's
   * scope for reading cases or accidents (else NOT_FOUND). Answers the source's latest referral, the one
   * the reasons were added to (or raised on before).
   */
  flag(ctx: RequestContext, input: FlagCriminalReferralInput): Promise<CriminalReferral> {
    if (Boolean(input.caseId) === Boolean(input.accidentInvestigationId)) throw referralRules.field(input.caseId ? 'input.accidentInvestigationId' : 'input.caseId', 'required', 'name exactly one source: a case or an accident investigation.');
    return transaction(ctx, async (tx) => {
      const source = input.caseId
        ? { caseId: input.caseId, organizationId: (await records(tx, PenaltyCases).reference(input.caseId, 'input.caseId', { lock: 'share', archived: true, properties: ['id', 'enterpriseId'] })).enterpriseId }
        : { accidentInvestigationId: input.accidentInvestigationId!, organizationId: (await records(tx, AccidentInvestigations).reference(input.accidentInvestigationId!, 'input.accidentInvestigationId', { lock: 'share', archived: true, properties: ['id', 'organizationId'] })).organizationId };
      await flagReferral(tx, source, input.reasons);
      const column = input.caseId ? sql`t.case_id = ${input.caseId}` : sql`t.accident_investigation_id = ${input.accidentInvestigationId!}`;
      const [latest] = await unscoped(tx, CriminalReferrals, 'the referral just flagged for a source the caller may read').where(column).list({ keys: LATEST, limit: 1 });
      return latest!;
    });
  }

  /**
   * 移送报告 (应急〔2019〕54号): two or more certified enforcers of the referring legal subject report to
   * the agency head. The clock rule version in force on the report day is kept; the decision falls due
   * decisionDays after the report. Issues the 涉嫌犯罪案件移送报告.
   */
  report(ctx: RequestContext, input: ReportCriminalReferralInput): Promise<CriminalReferral> {
    let certificates = new Map<string, string>();
    let label = '';
    return this.step(ctx, 'report', input, async (tx, current) => {
      const reportedAt = stepTime(tx, input.reportedAt, 'input.reportedAt', current.flaggedAt, 'the flag');
      const day = todayInChina(reportedAt);
      const source = await resolveSource(tx, sourceOf(current));
      label = source.label;
      const legalSubjectId = source.legalSubjectId ?? input.legalSubjectId;
      if (!legalSubjectId) throw referralRules.field('input.legalSubjectId', 'required', 'name the legal subject that refers a matter from an accident investigation.');
      if (source.legalSubjectId && input.legalSubjectId && input.legalSubjectId !== source.legalSubjectId) throw referralRules.field('input.legalSubjectId', 'legalSubject', 'a referral from a case is made by the case\'s legal subject.');
      certificates = await checkEnforcers(tx, input.enforcerPersonIds, legalSubjectId, day, 'input.enforcerPersonIds');
      const clocks = await businessRules.inForce(tx, REFERRAL_CLOCKS_RULE, day, 'input.reportedAt');
      return {
        legalSubjectId,
        enforcerPersonIds: [...input.enforcerPersonIds],
        suspectedOffence: input.suspectedOffence,
        reportSummary: input.summary,
        reportedAt,
        clockRuleVersionId: clocks.id,
        decisionDueAt: hoursAfter(reportedAt, clocks.value.decisionDays * 24),
      };
    }, (tx, r) => issueReferralReport(tx, r, label, certificates));
  }

  /**
   * 移送决定: by the agency head (a person who is not one of the referral's enforcers, rule
   * `independentDecider`); NOT_TRANSFER needs its reasons. Met when decided by the due time; TRANSFER
   * starts the transfer clock.
   */
  decide(ctx: RequestContext, input: DecideCriminalReferralInput): Promise<CriminalReferral> {
    return this.step(ctx, 'decide', input, async (tx, current) => {
      const decider = tx.principal.personId ?? null;
      if (!decider) throw referralRules.field('input.id', 'independentDecider', 'the decision is signed by a person: your account is linked to no person of the directory.');
      if (current.enforcerPersonIds.includes(decider)) throw referralRules.field('input.id', 'independentDecider', 'you are one of this referral\'s enforcers: the agency head decides.');
      if (input.decision === ReferralDecision.NOT_TRANSFER && !input.reason) throw referralRules.field('input.reason', 'reasonRequired', 'a decision not to transfer records its reasons.');
      const decidedAt = stepTime(tx, input.decidedAt, 'input.decidedAt', current.reportedAt, 'the report');
      const clocks = await this.clocks(tx, current);
      return {
        decision: input.decision,
        decisionReason: input.reason ?? null,
        decidedAt,
        deciderPersonId: decider,
        decisionOnTime: decidedAt.getTime() <= current.decisionDueAt!.getTime(),
        transferDueAt: input.decision === ReferralDecision.TRANSFER ? hoursAfter(decidedAt, clocks.transferHours) : null,
      };
    });
  }

  /** 移送: to the police at the same level, the procuratorate copied; met when by the due time; starts the answer clock. Issues the 涉嫌犯罪案件移送书. */
  transfer(ctx: RequestContext, input: TransferCriminalReferralInput): Promise<CriminalReferral> {
    let label = '';
    return this.step(ctx, 'transfer', input, async (tx, current) => {
      if (current.decision !== ReferralDecision.TRANSFER) throw referralRules.field('input.id', 'decision', 'the agency head decided not to transfer: close the referral instead.');
      const transferredAt = stepTime(tx, input.transferredAt, 'input.transferredAt', current.decidedAt, 'the decision');
      const clocks = await this.clocks(tx, current);
      label = (await resolveSource(tx, sourceOf(current))).label;
      return {
        policeOrgan: input.policeOrgan,
        procuratorate: input.procuratorate,
        transferredAt,
        transferOnTime: transferredAt.getTime() <= current.transferDueAt!.getTime(),
        answerDueAt: hoursAfter(transferredAt, clocks.policeAnswerDays * 24),
      };
    }, (tx, r) => issueTransfer(tx, r, label));
  }

  /** 公安答复: 立案 or 不立案 (with its reasons); met when answered by the due time. */
  answer(ctx: RequestContext, input: RecordCriminalReferralAnswerInput): Promise<CriminalReferral> {
    return this.step(ctx, 'answer', input, async (tx, current) => {
      if (input.answer === PoliceAnswer.NOT_FILED && !input.note) throw referralRules.field('input.note', 'reasonRequired', 'a decision not to file records the police\'s reasons.');
      const answeredAt = stepTime(tx, input.answeredAt, 'input.answeredAt', current.transferredAt, 'the transfer');
      return { policeAnswer: input.answer, policeAnswerNote: input.note ?? null, answeredAt, answerOnTime: answeredAt.getTime() <= current.answerDueAt!.getTime() };
    });
  }

  /** 办结: after the police's answer, or after a decision not to transfer. */
  close(ctx: RequestContext, input: CloseCriminalReferralInput): Promise<CriminalReferral> {
    return this.step(ctx, 'close', input, async (tx, current) => {
      if (current.status === 'DECIDED' && current.decision === ReferralDecision.TRANSFER) throw referralRules.field('input.id', 'decision', 'the agency head decided to transfer: transfer it and record the police\'s answer first.');
      const closedAt = stepTime(tx, input.closedAt, 'input.closedAt', current.answeredAt ?? current.decidedAt, 'the last step');
      return { closedAt };
    });
  }

  /** 排除: a flag that shows no suspected crime, with the reason. */
  dismiss(ctx: RequestContext, input: DismissCriminalReferralInput): Promise<CriminalReferral> {
    return this.step(ctx, 'dismiss', input, async (tx, current) => {
      const dismissedAt = stepTime(tx, input.dismissedAt, 'input.dismissedAt', current.flaggedAt, 'the flag');
      return { dismissedAt, dismissReason: input.reason };
    });
  }

  /** The clock rule version the referral kept at its report. */
  private async clocks(tx: RequestContext, r: CriminalReferral): Promise<ReferralClocks> {
    return (await businessRules.stored(tx, REFERRAL_CLOCKS_RULE, r.clockRuleVersionId!)).value;
  }

  /**
   * One workflow step: the referral locked within the step's permission scope (else NOT_FOUND), at the
   * version read (else CONFLICT), in a state the step starts from (else `state`); then the step's own
   * checks and patch (`build`); the change, audit entry and event commit together with what the step
   * issues after it (`after`: a document).
   */
  private step(
    ctx: RequestContext,
    name: ReferralStep,
    input: { readonly id: string; readonly version: number },
    build: (tx: RequestContext, current: CriminalReferral) => Promise<Patch<Omit<CriminalReferral, 'status'>>>,
    after?: (tx: RequestContext, stepped: CriminalReferral) => Promise<unknown>,
  ): Promise<CriminalReferral> {
    return transaction(ctx, async (tx) => {
      const current = await records(tx, CriminalReferrals, REFERRAL_WORKFLOW.permissionOf(name)).lock(input.id);
      const stepped = await applyStep(tx, REFERRAL_WORKFLOW, name, { current, version: input.version, patch: () => build(tx, current) });
      await after?.(tx, stepped);
      return stepped;
    });
  }
}
