import { randomUUID } from 'node:crypto';
import {
  addDays,
  SortDirection,
  applyStep,
  assertNotFuture,
  assertVersion,
  businessRules,
  claimAttachments,
  createRecord,
  recordEvent,
  records,
  sql,
  transaction,
  unscoped,
  updateRecord,
  whereChanged,
  workingDays,
  type ConnectionResult,
  type Patch,
  type RequestContext,
} from '@platform/core';
import { Organizations } from '@platform/directory';
import { EnforcementDocumentKind, type CaseClosureFields, type CaseFilingFields, type HearingNoticeFields, type NoPenaltyDecisionFields, type PenaltyDecisionFields, type PenaltyNoticeFields, type ServiceReceiptFields, type EnforcementDocument } from '../documents/public';
import { casePaymentState, penaltyDecisionCheck } from './penalty-state';
import { flagReferral, ReferralReason } from '../referral-flags/public';
import { CASE_CLOCKS_RULE, type CaseClocks } from '../business-rules/cases';
import { PenaltyCase } from './penalty-case.entity';
import { PenaltyCaseEvidence, PenaltyCaseRecusal, PenaltyCaseStatement, PenaltyCaseSuspension } from './case-record.entity';
import { CriminalIndicator, OPEN_BEFORE_DECISION, PenaltyCaseDecision, PenaltyCaseOrigin, PenaltyCaseStatus } from './case.enums';
import { PenaltyCaseEvidenceItems, PenaltyCaseRecusals, PenaltyCases, PenaltyCaseStatements, PenaltyCaseSuspensions } from './cases.entities';
import { CasePermission } from './cases.permissions';
import { caseEvents } from './cases.events';
import { caseRules } from './cases.rules';
import { CASE_WORKFLOW, casePayload, type CaseStep } from './case-workflow';
import { PenaltyCaseOrder } from './case.orders';
import { DECISION_ZH, REMEDIES, RIGHTS, SERVICE_ZH, enforcerRows, issueCaseDocument, personName } from './case-documents';
import { checkAccident, checkCaseEnterprise, checkCaseLegalSubject, checkEnforcers, checkInspectionForCase, checkLimitation, checkRecusals, independentPerson, penaltyItemOn } from './case-checks';
import { decidedLateSql, decisionDueSql, decisionDueText, openBeforeDecisionSql } from './case.sql';
import type {
  AddPenaltyCaseEvidenceInput,
  ClosePenaltyCaseInput,
  DecidePenaltyCaseInput,
  DeclarePenaltyCaseRecusalInput,
  EndPenaltyCaseInvestigationInput,
  ExtendPenaltyCaseInput,
  FilePenaltyCaseInput,
  NotifyPenaltyCaseHearingInput,
  NotifyPenaltyCaseInput,
  PenaltyCaseClockArgs,
  PenaltyCaseListArgs,
  PenaltyCaseReasonInput,
  PenaltyCaseStepInput,
  RecordPenaltyCaseDiscussionInput,
  RecordPenaltyCaseHearingInput,
  RecordPenaltyCaseStatementInput,
  ReviewPenaltyCaseInput,
  ServePenaltyCaseInput,
  SetPenaltyCaseIndicatorsInput,
} from './case.inputs';

/** Properties the keyset orders read (besides the id): a page must load them whatever is selected. */
export const CASE_KEY_PROPERTIES = ['filedOn', 'code', 'status', 'createdAt', 'updatedAt'];

const E = caseEvents;
const S = PenaltyCaseStatus;

/** The referral reasons a case's indicators give (the referrals part's reasons carry the indicators' names). */
export const reasonsOf = (indicators: readonly CriminalIndicator[]): ReferralReason[] => indicators.map((i) => ReferralReason[i]);

/** The clock values of the rule version a case stored. */
export async function clocksOf(tx: RequestContext, c: Pick<PenaltyCase, 'clockRuleVersionId'>): Promise<CaseClocks> {
  return (await businessRules.stored(tx, CASE_CLOCKS_RULE, c.clockRuleVersionId)).value;
}

type StepPatch = Patch<Omit<PenaltyCase, 'status'>>;

/** Penalty cases: the lists, filing, the file's records and each step of the procedure. */
export class PenaltyCaseService {
  byId(ctx: RequestContext, id: string, properties: readonly string[] | null = null): Promise<PenaltyCase | null> {
    return records(ctx, PenaltyCases).one(id, properties);
  }

  list(ctx: RequestContext, args: PenaltyCaseListArgs, withCount: boolean, properties: readonly string[] | null = null): Promise<ConnectionResult<PenaltyCase>> {
    const f = args.filter ?? {};
    let list = records(ctx, PenaltyCases);
    if (f.enterpriseId) list = list.where(sql`t.enterprise_id = ${f.enterpriseId}`);
    if (f.statuses?.length) list = list.where(sql`t.status = ANY(${f.statuses})`);
    if (f.inspectionId) list = list.where(sql`t.inspection_id = ${f.inspectionId}`);
    if (f.decisionLate !== undefined && f.decisionLate !== null) {
      const today = ctx.clock.today();
      const late = sql`(${decidedLateSql('t')} OR (${openBeforeDecisionSql('t')} AND ${decisionDueSql('t', today)} < CAST(${today} AS date)))`;
      list = list.where(f.decisionLate ? late : sql`NOT ${late}`);
    }
    return whereChanged(list, f).page({ keys: PenaltyCaseOrder.keys(args.orderBy), page: args, withCount, properties });
  }

  /** Open cases (before their decision) by days left on the legal decision clock, fewest first (or most, DESC). */
  byDaysLeft(ctx: RequestContext, args: PenaltyCaseClockArgs, withCount: boolean, properties: readonly string[] | null = null): Promise<ConnectionResult<PenaltyCase>> {
    const today = ctx.clock.today();
    const f = args.filter ?? {};
    let list = records(ctx, PenaltyCases).where(openBeforeDecisionSql('t'));
    if (f.enterpriseId) list = list.where(sql`t.enterprise_id = ${f.enterpriseId}`);
    if (f.maxDaysLeft !== undefined && f.maxDaysLeft !== null) list = list.where(sql`${decisionDueSql('t', today)} - CAST(${today} AS date) <= ${f.maxDaysLeft}`);
    // Fewest days left first = earliest legal date first; the expression is the same as the field's (today spliced as a literal).
    const direction = args.orderBy?.[0]?.direction ?? SortDirection.ASC;
    const keys = [
      { column: decisionDueText('t', today), direction },
      { column: 't.id', direction },
    ];
    return whereChanged(list, f).page({ keys, page: args, withCount, properties });
  }

  /**
   * 立案: after every check of who may file against whom (a PENALTY item in force, its legal subject,
   * an enterprise in scope, two certified enforcers, the filing head (the caller's person) not one of them, the
   * limitation, the inspection or accident it comes from). The 立案审批表 is issued in the same
   * transaction and its number is the case's code; the clock rule version in force is kept.
   */
  file(ctx: RequestContext, input: FilePenaltyCaseInput, id: string = randomUUID()): Promise<PenaltyCase> {
    const today = ctx.clock.today();
    const filedOn = input.filedOn ?? today;
    assertNotFuture(filedOn, 'input.filedOn', today);
    return transaction(ctx, async (tx) => {
      const item = await penaltyItemOn(tx, input.enforcementItemId, filedOn, 'input.enforcementItemId');
      await checkCaseLegalSubject(tx, item, input.legalSubjectId, 'input.legalSubjectId');
      const enterprise = await checkCaseEnterprise(tx, input.enterpriseId, 'input.enterpriseId');
      await checkEnforcers(tx, input.enforcerPersonIds, input.legalSubjectId, filedOn, 'input.enforcerPersonIds');
      // 立案审批: the head who files signs the 立案审批表 (the person linked to the account), never one of the enforcers.
      const approver = independentPerson(tx, input, 'the filing approval (立案审批)', 'input.enforcerPersonIds');
      const rule = await businessRules.inForce(tx, CASE_CLOCKS_RULE, filedOn, 'input.filedOn');
      checkLimitation(input.actEndedOn, filedOn, input.harmToLifeOrHealth, rule.value, 'input.actEndedOn');
      if (input.inspectionId) await checkInspectionForCase(tx, input.inspectionId, enterprise.id, 'input.inspectionId');
      if (input.accidentInvestigationId) await checkAccident(tx, input.accidentInvestigationId, 'input.accidentInvestigationId');
      const origin = input.accidentInvestigationId ? PenaltyCaseOrigin.ACCIDENT : input.inspectionId ? PenaltyCaseOrigin.INSPECTION : PenaltyCaseOrigin.STANDALONE;
      const values = {
        id,
        legalSubjectId: input.legalSubjectId,
        enforcementItemId: item.id,
        enterpriseId: enterprise.id,
        inspectionId: input.inspectionId ?? null,
        accidentInvestigationId: input.accidentInvestigationId ?? null,
        origin,
        cause: input.cause,
        facts: input.facts,
        actEndedOn: input.actEndedOn,
        filedOn,
        enforcerPersonIds: [...input.enforcerPersonIds],
        filingApproverPersonId: approver,
        status: S.FILED,
        majorOrComplex: input.majorOrComplex ?? false,
        harmToLifeOrHealth: input.harmToLifeOrHealth,
        criminalIndicators: [...(input.criminalIndicators ?? [])],
        clockRuleVersionId: rule.id,
        decisionDays: rule.value.decisionDays,
        targetDays: rule.value.targetDays,
        warnDaysBefore: rule.value.warnDaysBefore,
      };
      const document = await issueCaseDocument(tx, values, EnforcementDocumentKind.CASE_FILING, filedOn, {
        enforcementItem: `${item.name}（${item.code}）`,
        cause: input.cause,
        facts: input.facts,
        actEndedOn: input.actEndedOn,
        inspectors: await enforcerRows(tx, values, filedOn),
        approver: await personName(tx, approver),
        filedOn,
      } satisfies CaseFilingFields);
      const created = await createRecord(tx, PenaltyCase, 'PenaltyCase', { ...values, code: document.number }, {
        action: 'enforcement.case.file',
        changes: { ...input, code: document.number, clockRuleVersionId: rule.id },
        ...recordEvent(E['enforcement.case.filed'], casePayload),
      });
      if (created.criminalIndicators.length) await flagReferral(tx, { caseId: created.id, organizationId: created.enterpriseId }, reasonsOf(created.criminalIndicators));
      return created;
    });
  }

  /** 回避声明: an enforcer declares no conflict, or is recused with a reason (and replaced by a certified person). */
  declareRecusal(ctx: RequestContext, input: DeclarePenaltyCaseRecusalInput): Promise<PenaltyCase> {
    const today = ctx.clock.today();
    const on = input.on ?? today;
    assertNotFuture(on, 'input.on', today);
    return transaction(ctx, async (tx) => {
      const current = await records(tx, PenaltyCases, CasePermission.Manage).lock(input.id);
      if (!OPEN_BEFORE_DECISION.includes(current.status)) throw caseRules.field('input.id', 'state', `declarations are made before the decision; this case is ${current.status}.`);
      if (!current.enforcerPersonIds.includes(input.personId)) throw caseRules.field('input.personId', 'recusal', 'is not one of the case\'s enforcers.');
      if (input.recused && !input.reason) throw caseRules.field('input.reason', 'required', 'a recused enforcer declares why.');
      if (!input.recused && input.replacementPersonId) throw caseRules.field('input.replacementPersonId', 'recusal', 'only a recused enforcer is replaced.');
      let enforcers = current.enforcerPersonIds;
      if (input.replacementPersonId) {
        enforcers = current.enforcerPersonIds.map((p) => (p === input.personId ? input.replacementPersonId! : p));
        await checkEnforcers(tx, enforcers, current.legalSubjectId, on, 'input.replacementPersonId');
      }
      const [existing] = await unscoped(tx, PenaltyCaseRecusals, 'the declaration being replaced').where(sql`t.case_id = ${current.id} AND t.person_id = ${input.personId}`).list({ keys: [{ column: 't.id', direction: SortDirection.ASC }], limit: 1 });
      const values = { recused: input.recused, reason: input.recused ? input.reason! : null, declaredOn: on, replacedByPersonId: input.replacementPersonId ?? null };
      if (existing) await updateRecord(tx, PenaltyCaseRecusal, 'PenaltyCaseRecusal', existing, existing.version, values, { action: 'enforcement.case.declareRecusal' });
      else await createRecord(tx, PenaltyCaseRecusal, 'PenaltyCaseRecusal', { caseId: current.id, personId: input.personId, ...values }, { action: 'enforcement.case.declareRecusal' });
      return updateRecord(tx, PenaltyCase, 'PenaltyCase', current, input.version, { enforcerPersonIds: [...enforcers] }, {
        action: 'enforcement.case.recusal',
        changes: { personId: input.personId, ...values },
        ...recordEvent(E['enforcement.case.updated'], casePayload),
      });
    });
  }

  /** 证据: an evidence item of one of the eight kinds, collected by the case's enforcers, with its files. */
  addEvidence(ctx: RequestContext, input: AddPenaltyCaseEvidenceInput): Promise<PenaltyCaseEvidence> {
    assertNotFuture(input.collectedOn, 'input.collectedOn', ctx.clock.today());
    return transaction(ctx, async (tx) => {
      const c = await records(tx, PenaltyCases, CasePermission.Manage).reference(input.caseId, 'input.caseId', { lock: 'update' });
      if (![S.FILED, S.INVESTIGATING, S.LEGAL_REVIEW, S.NOTIFIED, S.HEARING].includes(c.status)) throw caseRules.field('input.caseId', 'state', `evidence is gathered before the decision; this case is ${c.status}.`);
      if (input.collectedOn < c.filedOn) throw caseRules.field('input.collectedOn', 'range', `must not be before the filing day (${c.filedOn}).`);
      const stranger = input.collectorPersonIds.findIndex((p) => !c.enforcerPersonIds.includes(p));
      if (stranger >= 0) throw caseRules.field(`input.collectorPersonIds.${stranger}`, 'enforcers', 'is not one of the case\'s enforcers: evidence is collected by them.');
      const position = (await unscoped(tx, PenaltyCaseEvidenceItems, 'numbering the case\'s evidence').where(sql`t.case_id = ${c.id}`).count()) + 1;
      const evidence = await createRecord(tx, PenaltyCaseEvidence, 'PenaltyCaseEvidence', {
        caseId: c.id,
        position,
        kind: input.kind,
        title: input.title,
        description: input.description ?? null,
        collectedOn: input.collectedOn,
        collectorPersonIds: [...new Set(input.collectorPersonIds)],
      }, { action: 'enforcement.case.addEvidence', changes: { ...input } });
      if (input.attachmentIds?.length) {
        const org = (await unscoped(tx, Organizations, 'the party\'s path scopes the evidence files').one(c.enterpriseId, ['id', 'path']))!;
        await claimAttachments(tx, input.attachmentIds, { entityType: 'PenaltyCaseEvidence', entityId: evidence.id, readPermission: CasePermission.Read, organization: { id: org.id, path: org.path } });
      }
      return evidence;
    });
  }

  /** 陈述申辩: a statement of the party after the notice and the office's review of it. */
  recordStatement(ctx: RequestContext, input: RecordPenaltyCaseStatementInput): Promise<PenaltyCaseStatement> {
    assertNotFuture(input.madeOn, 'input.madeOn', ctx.clock.today());
    return transaction(ctx, async (tx) => {
      const c = await records(tx, PenaltyCases, CasePermission.Manage).reference(input.caseId, 'input.caseId', { lock: 'update' });
      if (![S.NOTIFIED, S.HEARING].includes(c.status)) throw caseRules.field('input.caseId', 'state', `statements are recorded after the notice and before the decision; this case is ${c.status}.`);
      if (input.madeOn < c.notifiedOn!) throw caseRules.field('input.madeOn', 'range', `must not be before the notice (${c.notifiedOn}).`);
      const position = (await unscoped(tx, PenaltyCaseStatements, 'numbering the case\'s statements').where(sql`t.case_id = ${c.id}`).count()) + 1;
      return createRecord(tx, PenaltyCaseStatement, 'PenaltyCaseStatement', { caseId: c.id, position, madeOn: input.madeOn, madeBy: input.madeBy, content: input.content, accepted: input.accepted, response: input.response }, { action: 'enforcement.case.recordStatement', changes: { ...input } });
    });
  }

  investigate(ctx: RequestContext, input: PenaltyCaseStepInput): Promise<PenaltyCase> {
    return this.step(ctx, 'investigate', input, async (tx, c) => {
      await checkRecusals(tx, c, true);
      return {};
    });
  }

  endInvestigation(ctx: RequestContext, input: EndPenaltyCaseInvestigationInput): Promise<PenaltyCase> {
    return this.step(ctx, 'endInvestigation', input, async (tx, c, on) => {
      await checkRecusals(tx, c, false);
      const evidence = await unscoped(tx, PenaltyCaseEvidenceItems, 'counting the case\'s evidence').where(sql`t.case_id = ${c.id}`).count();
      if (!evidence) throw caseRules.field('input.id', 'required', 'no evidence is recorded: an investigation ends with the evidence gathered (addPenaltyCaseEvidence).');
      const major = input.majorOrComplex ?? c.majorOrComplex;
      return { investigatedOn: on, investigationSummary: input.summary, majorOrComplex: major, legalReviewRequired: c.legalReviewRequired || major };
    });
  }

  /** 法制审核: by a reviewer who is not one of the enforcers. */
  review(ctx: RequestContext, input: ReviewPenaltyCaseInput): Promise<PenaltyCase> {
    return this.step(ctx, 'review', input, async (tx, c, on) => {
      const reviewer = independentPerson(tx, c, 'the legal review (法制审核)');
      if (c.investigatedOn && on < c.investigatedOn) throw caseRules.field('input.on', 'range', `must not be before the investigation ended (${c.investigatedOn}).`);
      return { reviewedOn: on, reviewerPersonId: reviewer, reviewOpinion: input.opinion };
    });
  }

  /** 集体讨论: recorded before deciding a major or complex case, or one whose penalty called for a hearing. */
  recordDiscussion(ctx: RequestContext, input: RecordPenaltyCaseDiscussionInput): Promise<PenaltyCase> {
    const today = ctx.clock.today();
    const on = input.on ?? today;
    assertNotFuture(on, 'input.on', today);
    return transaction(ctx, async (tx) => {
      const c = await records(tx, PenaltyCases, CasePermission.Decide).lock(input.id);
      if (![S.LEGAL_REVIEW, S.NOTIFIED, S.HEARING].includes(c.status)) throw caseRules.field('input.id', 'state', `the collective discussion comes after the investigation and before the decision; this case is ${c.status}.`);
      return updateRecord(tx, PenaltyCase, 'PenaltyCase', c, input.version, { discussedOn: on, discussionParticipants: [...input.participants], discussionConclusion: input.conclusion }, {
        action: 'enforcement.case.recordDiscussion',
        ...recordEvent(E['enforcement.case.updated'], casePayload),
      });
    });
  }

  /**
   * 告知: the penalties part says what the lines add up to and whether a hearing is due; legal review
   * must be done first where required; the hearing-request deadline is counted in working days.
   */
  notify(ctx: RequestContext, input: NotifyPenaltyCaseInput): Promise<PenaltyCase> {
    return this.step(ctx, 'notify', input, async (tx, c, on) => {
      await checkRecusals(tx, c, false);
      const summary = await penaltyDecisionCheck(tx, c.id);
      if (summary.lineCount === 0) throw caseRules.field('input.id', 'penaltyLines', 'no penalty line is recorded: the notice states the intended penalty (addPenaltyLine).');
      const reviewRequired = c.majorOrComplex || summary.hearingRequired || c.legalReviewRequired;
      if (reviewRequired && !c.reviewedOn) throw caseRules.field('input.id', 'legalReview', 'legal review (法制审核) is required before the notice: the case is major or complex, or the penalty calls for a hearing (行政处罚法 第五十八条).');
      const clocks = await clocksOf(tx, c);
      const due = await workingDays.add(tx, on, clocks.hearingRequestWorkingDays);
      return { notifiedOn: on, noticeBasis: input.basis, intendedPenalty: input.intendedPenalty, notifiedFineYuan: summary.totalFineYuan, hearingRequired: summary.hearingRequired, legalReviewRequired: reviewRequired, hearingRequestDueOn: due };
    }, async (tx, c) => {
      await issueCaseDocument(tx, c, EnforcementDocumentKind.PENALTY_NOTICE, c.notifiedOn!, {
        caseCode: c.code,
        facts: c.investigationSummary ?? c.facts,
        basis: c.noticeBasis!,
        intendedPenalty: `${c.intendedPenalty}（罚款合计人民币${c.notifiedFineYuan}元）`,
        rights: RIGHTS,
        ...(c.hearingRequired ? { hearingRequestDueOn: c.hearingRequestDueOn! } : {}),
      } satisfies PenaltyNoticeFields);
    });
  }

  /** 听证通知: requested by the deadline, the hearing at least the notice period (working days) after it is notified, chaired by someone who did not investigate. */
  notifyHearing(ctx: RequestContext, input: NotifyPenaltyCaseHearingInput): Promise<PenaltyCase> {
    return this.step(ctx, 'notifyHearing', input, async (tx, c, on) => {
      if (!c.hearingRequired) throw caseRules.field('input.id', 'hearingDeadline', 'the intended penalty does not entitle the party to a hearing (行政处罚法 第六十三条).');
      if (input.requestedOn < c.notifiedOn!) throw caseRules.field('input.requestedOn', 'range', `must not be before the notice (${c.notifiedOn}).`);
      if (input.requestedOn > on) throw caseRules.field('input.requestedOn', 'range', `must not be after the day the hearing is notified (${on}).`);
      if (input.requestedOn > c.hearingRequestDueOn!) throw caseRules.field('input.requestedOn', 'hearingDeadline', `the hearing had to be requested by ${c.hearingRequestDueOn} (working days after the notice of ${c.notifiedOn}).`);
      const clocks = await clocksOf(tx, c);
      const earliest = await workingDays.add(tx, on, clocks.hearingNoticeWorkingDays);
      if (input.hearingOn < earliest) throw caseRules.field('input.hearingOn', 'hearingDeadline', `the party is notified at least ${clocks.hearingNoticeWorkingDays} working days before the hearing (行政处罚法 第六十四条): the earliest date notified on ${on} is ${earliest}.`);
      if (c.enforcerPersonIds.includes(input.chairPersonId)) throw caseRules.field('input.chairPersonId', 'independentApprover', 'the hearing is chaired by someone who did not investigate the case (行政处罚法 第六十四条 (四)).');
      return { hearingRequestedOn: input.requestedOn, hearingOn: input.hearingOn, hearingNotifiedOn: on, hearingChairPersonId: input.chairPersonId };
    }, async (tx, c) => {
      await issueCaseDocument(tx, c, EnforcementDocumentKind.HEARING_NOTICE, c.hearingNotifiedOn!, {
        caseCode: c.code,
        requestedOn: c.hearingRequestedOn!,
        hearingOn: c.hearingOn!,
        place: input.place,
        chair: await personName(tx, input.chairPersonId),
      } satisfies HearingNoticeFields);
    });
  }

  recordHearing(ctx: RequestContext, input: RecordPenaltyCaseHearingInput): Promise<PenaltyCase> {
    return this.step(ctx, 'recordHearing', input, async (_tx, c, on) => {
      if (on < c.hearingOn!) throw caseRules.field('input.on', 'range', `the hearing is on ${c.hearingOn}.`);
      return { hearingHeldOn: on, hearingRecord: input.record };
    });
  }

  /**
   * 决定: by the head linked to the caller's account, not an enforcer. A PENALTY needs the notice
   * (and the hearing, when requested, held; the request period over when one was due), legal review
   * and collective discussion where required, valid penalty lines (penalties part), and a total no
   * heavier than notified. A transfer flags a criminal referral.
   */
  decide(ctx: RequestContext, input: DecidePenaltyCaseInput): Promise<PenaltyCase> {
    return this.step(ctx, 'decide', input, async (tx, c, on) => {
      const decider = independentPerson(tx, c, 'the decision');
      await checkRecusals(tx, c, false);
      const clocks = await clocksOf(tx, c);
      let fine: string | null = null;
      if (input.decision === PenaltyCaseDecision.PENALTY) {
        if (!c.notifiedOn) throw caseRules.field('input.decision', 'state', 'a penalty is decided only after the party was notified (行政处罚告知书, 行政处罚法 第四十四条).');
        if (c.status === S.HEARING && !c.hearingHeldOn) throw caseRules.field('input.id', 'hearingDeadline', `the hearing of ${c.hearingOn} is not recorded yet.`);
        if (c.status === S.NOTIFIED && c.hearingRequired && on <= c.hearingRequestDueOn!) throw caseRules.field('input.on', 'hearingDeadline', `the party may request a hearing until ${c.hearingRequestDueOn}: decide after it.`);
        const summary = await penaltyDecisionCheck(tx, c.id);
        if (summary.lineCount === 0) throw caseRules.field('input.decision', 'penaltyLines', 'no penalty line is recorded.');
        if (summary.problems.length) throw caseRules.field(`input.decision`, 'penaltyLines', summary.problems.map((p) => `${p.field}: ${p.message}`).join('; '));
        if (c.notifiedFineYuan !== null && Number(summary.totalFineYuan) > Number(c.notifiedFineYuan)) {
          throw caseRules.field('input.decision', 'noHeavierPenalty', `the fines total ${summary.totalFineYuan} yuan, more than the ${c.notifiedFineYuan} yuan notified: the penalty may not be made heavier for the party's statements (行政处罚法 第四十五条); notify again instead.`);
        }
        fine = summary.totalFineYuan;
      }
      if (input.decision === PenaltyCaseDecision.TRANSFER_TO_JUDICIAL && !c.criminalIndicators.length) throw caseRules.field('input.decision', 'required', 'a transfer to the judiciary names the facts suspected of a crime: set the criminal indicators first (setPenaltyCaseCriminalIndicators).');
      const heavy = c.majorOrComplex || c.hearingRequired;
      if ((heavy || c.legalReviewRequired) && !c.reviewedOn) throw caseRules.field('input.id', 'legalReview', 'legal review (法制审核) is required before this decision (行政处罚法 第五十八条).');
      if (heavy && !c.discussedOn) throw caseRules.field('input.id', 'legalReview', 'a collective discussion of the heads (集体讨论) is required before deciding a major or complex case (行政处罚法 第五十七条).');
      const serviceDueOn = await workingDays.add(tx, on, clocks.serviceWorkingDays);
      const patch = { decidedOn: on, decision: input.decision, decisionReason: input.reason, deciderPersonId: decider, decidedFineYuan: fine, serviceDueOn };
      const document = await issueDecision(tx, { ...c, ...patch }, clocks);
      return { ...patch, decisionDocumentNumber: document?.number ?? null };
    }, async (tx, c) => {
      if (c.decision === PenaltyCaseDecision.TRANSFER_TO_JUDICIAL) await flagReferral(tx, { caseId: c.id, organizationId: c.enterpriseId }, reasonsOf(c.criminalIndicators));
    });
  }

  /** 送达: the receipt issued; a fine falls due the rule's calendar days after service. */
  serve(ctx: RequestContext, data: ServePenaltyCaseInput): Promise<PenaltyCase> {
    return this.step(ctx, 'serve', data, async (tx, c, on) => {
      if (on < c.decidedOn!) throw caseRules.field('input.on', 'range', `must not be before the decision (${c.decidedOn}).`);
      const clocks = await clocksOf(tx, c);
      const payable = c.decision === PenaltyCaseDecision.PENALTY && Number(c.decidedFineYuan ?? 0) > 0;
      return { servedOn: on, serviceMethod: data.method, serviceRecipient: data.recipient, paymentDueOn: payable ? addDays(on, clocks.paymentDays) : null };
    }, async (tx, c) => {
      await issueCaseDocument(tx, c, EnforcementDocumentKind.SERVICE_RECEIPT, c.servedOn!, {
        caseCode: c.code,
        documentNumber: c.decisionDocumentNumber ?? c.code,
        method: SERVICE_ZH[c.serviceMethod!],
        recipient: c.serviceRecipient!,
        servedOn: c.servedOn!,
      } satisfies ServiceReceiptFields);
    });
  }

  execute(ctx: RequestContext, input: PenaltyCaseStepInput): Promise<PenaltyCase> {
    return this.step(ctx, 'execute', input, async (_tx, c, on) => {
      if (c.decision !== PenaltyCaseDecision.PENALTY) throw caseRules.field('input.id', 'state', 'only a penalty is executed; close this case instead.');
      return { executionStartedOn: on };
    });
  }

  /** 结案: approved by the head; a penalty's fine must be settled (penalties part) unless execution ended otherwise. */
  close(ctx: RequestContext, input: ClosePenaltyCaseInput): Promise<PenaltyCase> {
    return this.step(ctx, 'close', input, async (tx, c, on) => {
      const approver = independentPerson(tx, c, 'the closure (结案审批)');
      if (c.decision === PenaltyCaseDecision.PENALTY && !input.executionEndedOtherwise) {
        const payment = await casePaymentState(tx, c.id, on);
        if (!payment.settled) throw caseRules.field('input.id', 'settled', `the fine is not settled: ${payment.paidYuan} of ${payment.dueYuan} yuan paid (surcharge ${payment.surchargeYuan}); record the payments, or close with executionEndedOtherwise when execution ended otherwise.`);
      }
      return { closedOn: on, closureReason: input.reason, closureApproverPersonId: approver };
    }, async (tx, c) => {
      const execution = c.decision !== PenaltyCaseDecision.PENALTY ? '无需执行' : input.executionEndedOtherwise ? '执行终结' : '已履行完毕';
      await issueCaseDocument(tx, c, EnforcementDocumentKind.CASE_CLOSURE, c.closedOn!, { caseCode: c.code, decision: DECISION_ZH[c.decision!], execution, reason: c.closureReason!, approver: await personName(tx, c.closureApproverPersonId!), closedOn: c.closedOn! } satisfies CaseClosureFields);
    });
  }

  archive(ctx: RequestContext, input: PenaltyCaseStepInput): Promise<PenaltyCase> {
    return this.step(ctx, 'archive', input, async (_tx, _c, on) => ({ archivedOn: on }));
  }

  /** 中止: the decision clock stops; at most one open suspension. */
  suspend(ctx: RequestContext, input: PenaltyCaseReasonInput): Promise<PenaltyCase> {
    return this.clockChange(ctx, input, CasePermission.Manage, async (tx, c, on) => {
      if (c.suspended) throw caseRules.field('input.id', 'clock', 'the case is suspended already: resume it first.');
      await createRecord(tx, PenaltyCaseSuspension, 'PenaltyCaseSuspension', { caseId: c.id, suspendedOn: on, reason: input.reason }, { action: 'enforcement.case.suspension' });
      return { patch: { suspended: true }, action: 'enforcement.case.suspend', event: E['enforcement.case.suspended'] };
    });
  }

  /** 恢复: the open suspension ends; its days are added to the decision date. */
  resume(ctx: RequestContext, input: PenaltyCaseReasonInput): Promise<PenaltyCase> {
    return this.clockChange(ctx, input, CasePermission.Manage, async (tx, c, on) => {
      const [open] = await unscoped(tx, PenaltyCaseSuspensions, 'the case\'s open suspension').where(sql`t.case_id = ${c.id} AND t.resumed_on IS NULL`).list({ keys: [{ column: 't.id', direction: SortDirection.ASC }], limit: 1 });
      if (!open) throw caseRules.field('input.id', 'clock', 'the case is not suspended.');
      if (on < open.suspendedOn) throw caseRules.field('input.on', 'range', `must not be before the suspension (${open.suspendedOn}).`);
      await updateRecord(tx, PenaltyCaseSuspension, 'PenaltyCaseSuspension', open, open.version, { resumedOn: on, resumeReason: input.reason }, { action: 'enforcement.case.suspension' });
      return { patch: { suspended: false }, action: 'enforcement.case.resume', event: E['enforcement.case.resumed'] };
    });
  }

  /** 延期: once, approved by the head (not an enforcer); a second is refused. */
  extend(ctx: RequestContext, input: ExtendPenaltyCaseInput): Promise<PenaltyCase> {
    return this.clockChange(ctx, input, CasePermission.Decide, async (tx, c, on) => {
      const approver = independentPerson(tx, c, 'the extension (延期审批)');
      if (c.extensionDays !== null) throw caseRules.field('input.id', 'clock', `the decision period was extended already on ${c.extendedOn} by ${c.extensionDays} days: only one extension is allowed.`);
      return { patch: { extensionDays: input.days, extensionReason: input.reason, extensionApproverPersonId: approver, extendedOn: on }, action: 'enforcement.case.extend', event: E['enforcement.case.extended'] };
    });
  }

  /** Sets the criminal indicators; new ones flag a referral (referrals part) in the same transaction. */
  setIndicators(ctx: RequestContext, input: SetPenaltyCaseIndicatorsInput): Promise<PenaltyCase> {
    return transaction(ctx, async (tx) => {
      const c = await records(tx, PenaltyCases, CasePermission.Manage).lock(input.id);
      if ([S.CLOSED, S.ARCHIVED].includes(c.status)) throw caseRules.field('input.id', 'state', `the case is ${c.status}.`);
      const indicators = [...new Set(input.criminalIndicators)];
      const added = indicators.filter((i) => !c.criminalIndicators.includes(i));
      const updated = await updateRecord(tx, PenaltyCase, 'PenaltyCase', c, input.version, { criminalIndicators: indicators }, { action: 'enforcement.case.setIndicators', ...recordEvent(E['enforcement.case.updated'], casePayload) });
      if (added.length) await flagReferral(tx, { caseId: c.id, organizationId: c.enterpriseId }, reasonsOf(added));
      return updated;
    });
  }

  /** The clock's changes (suspend, resume, extend): before the decision, the case locked at its version. */
  private clockChange(
    ctx: RequestContext,
    input: { readonly id: string; readonly version: number; readonly on?: string },
    permission: string,
    build: (tx: RequestContext, c: PenaltyCase, on: string) => Promise<{ patch: Patch<PenaltyCase>; action: string; event: (typeof E)[keyof typeof E] }>,
  ): Promise<PenaltyCase> {
    const today = ctx.clock.today();
    const on = input.on ?? today;
    assertNotFuture(on, 'input.on', today);
    return transaction(ctx, async (tx) => {
      const c = await records(tx, PenaltyCases, permission).lock(input.id);
      assertVersion('PenaltyCase', c, input.version);
      if (!OPEN_BEFORE_DECISION.includes(c.status)) throw caseRules.field('input.id', 'state', `the decision clock runs only before the decision; this case is ${c.status}.`);
      if (on < c.filedOn) throw caseRules.field('input.on', 'range', `must not be before the filing day (${c.filedOn}).`);
      const change = await build(tx, c, on);
      return updateRecord(tx, PenaltyCase, 'PenaltyCase', c, input.version, change.patch, { action: change.action, changes: { ...change.patch, on }, ...recordEvent(change.event, casePayload) });
    });
  }

  /**
   * One workflow step: the case locked within the step's permission scope (else NOT_FOUND), at the
   * version read (else CONFLICT), in a state the step starts from (else `state`), on a day not in the
   * future nor before the filing; then the step's own checks and patch (`build`); the change, audit
   * entry and event commit together with what the step issues after it (`after`: a document).
   */
  private step(
    ctx: RequestContext,
    name: CaseStep,
    input: { readonly id: string; readonly version: number; readonly on?: string },
    build: (tx: RequestContext, current: PenaltyCase, on: string) => Promise<StepPatch>,
    after?: (tx: RequestContext, stepped: PenaltyCase) => Promise<unknown>,
  ): Promise<PenaltyCase> {
    const today = ctx.clock.today();
    const on = input.on ?? today;
    assertNotFuture(on, 'input.on', today);
    return transaction(ctx, async (tx) => {
      const current = await records(tx, PenaltyCases, CASE_WORKFLOW.permissionOf(name)).lock(input.id);
      const stepped = await applyStep(tx, CASE_WORKFLOW, name, {
        current,
        version: input.version,
        patch: () => {
          if (on < current.filedOn) throw caseRules.field('input.on', 'range', `must not be before the filing day (${current.filedOn}).`);
          return build(tx, current, on);
        },
      });
      await after?.(tx, stepped);
      return stepped;
    });
  }
}

/** The decision document (行政处罚决定书 or 不予行政处罚决定书) of a case as decided; none for a transfer (the referrals part issues its own). */
async function issueDecision(tx: RequestContext, c: PenaltyCase, clocks: CaseClocks): Promise<EnforcementDocument | null> {
  if (c.decision === PenaltyCaseDecision.TRANSFER_TO_JUDICIAL) return null;
  const decider = await personName(tx, c.deciderPersonId!);
  if (c.decision === PenaltyCaseDecision.PENALTY) {
    return issueCaseDocument(tx, c, EnforcementDocumentKind.PENALTY_DECISION, c.decidedOn!, {
      caseCode: c.code,
      facts: c.investigationSummary ?? c.facts,
      basis: c.noticeBasis ?? '',
      penalty: c.intendedPenalty ?? DECISION_ZH.PENALTY,
      fineYuan: c.decidedFineYuan ?? '0.00',
      paymentDays: String(clocks.paymentDays),
      remedies: REMEDIES,
      decider,
      decidedOn: c.decidedOn!,
    } satisfies PenaltyDecisionFields);
  }
  return issueCaseDocument(tx, c, EnforcementDocumentKind.NO_PENALTY_DECISION, c.decidedOn!, { caseCode: c.code, facts: c.investigationSummary ?? c.facts, reason: `${DECISION_ZH[c.decision!]}：${c.decisionReason}`, decider, decidedOn: c.decidedOn! } satisfies NoPenaltyDecisionFields);
}
