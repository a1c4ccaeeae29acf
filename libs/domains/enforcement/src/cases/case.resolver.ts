import { Arg, Args, Ctx, FieldResolver, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { BusinessRuleVersion, BusinessRuleVersionReference, Connection, LocalDateScalar, PageArgs, ReadsColumns, ReadsRelation, RequirePermission, SqlForm, UUIDScalar, daysBetween, raw, selectedProperties, selectsField, type ConnectionResult, type RequestContext } from '@platform/core';
import { Organization, OrganizationReference, Person, PersonReference, organizationById, personById } from '@platform/directory';
import { EnforcementItem, EnforcementItemReference } from '../items/public';
import { EnforcementDocument, EnforcementDocumentConnection, documentPagesOf } from '../documents/public';
import { Inspection, InspectionReference } from '../inspections/public';
import { AccidentInvestigation, AccidentInvestigationReference } from '../accidents/public';
import { loadCasePaymentState } from './penalty-state';
import { PenaltyCase } from './penalty-case.entity';
import { PenaltyCaseEvidence, PenaltyCaseRecusal, PenaltyCaseStatement, PenaltyCaseSuspension } from './case-record.entity';
import { OPEN_BEFORE_DECISION, PenaltyCaseStatus, PenaltyCaseWarningKind } from './case.enums';
import {
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
import { CASE_KEY_PROPERTIES, PenaltyCaseService } from './case.service';
import { PenaltyCaseEvidencePages, PenaltyCaseRecusalPages, PenaltyCaseReference, PenaltyCaseStatementPages, PenaltyCaseSuspensionPages, caseClocksOf } from './case.loaders';
import { decisionDueText, targetDueText, type CaseClockRow } from './case.sql';
import { CASE_WORKFLOW } from './case-workflow';
import { CasePermission } from './cases.permissions';
import { PenaltyCaseWarning } from './case.types';

export const PenaltyCaseConnection = Connection(PenaltyCase, '行政处罚案件');
export const PenaltyCaseRecusalConnection = Connection(PenaltyCaseRecusal, '回避声明');
export const PenaltyCaseEvidenceConnection = Connection(PenaltyCaseEvidence, '证据');
export const PenaltyCaseStatementConnection = Connection(PenaltyCaseStatement, '陈述申辩');
export const PenaltyCaseSuspensionConnection = Connection(PenaltyCaseSuspension, '案件中止');
const input = { description: '输入。The fields of the request.' };
const NODE = ['edges', 'node'] as const;
const SELF = [] as const;
/** A case's documents, in the order issued (the documents part's relation for subjects of type PenaltyCase). */
const CaseDocuments = documentPagesOf('PenaltyCase');

/** The warnings of one case as of `today` from its clocks. */
export async function caseWarnings(ctx: RequestContext, c: PenaltyCase, clock: CaseClockRow | null, today: string): Promise<PenaltyCaseWarning[]> {
  const out: PenaltyCaseWarning[] = [];
  const warn = (kind: PenaltyCaseWarningKind, dueOn: string, message: string) => out.push(Object.assign(new PenaltyCaseWarning(), { kind, dueOn, daysLeft: daysBetween(today, dueOn), message }));
  const near = (dueOn: string) => daysBetween(today, dueOn) <= c.warnDaysBefore;
  if (clock && OPEN_BEFORE_DECISION.includes(c.status)) {
    const due = clock.decisionDueOn;
    if (due < today) warn(PenaltyCaseWarningKind.DECISION_OVERDUE, due, `案件已超过法定办案期限（${due}）未作出决定`);
    else if (near(due)) warn(PenaltyCaseWarningKind.DECISION_DUE, due, `距法定办案期限（${due}）还有${daysBetween(today, due)}日`);
  }
  if (c.status === PenaltyCaseStatus.NOTIFIED && c.hearingRequired && c.hearingRequestDueOn && c.hearingRequestDueOn >= today && near(c.hearingRequestDueOn)) {
    warn(PenaltyCaseWarningKind.HEARING_REQUEST_DUE, c.hearingRequestDueOn, `当事人听证申请期限至${c.hearingRequestDueOn}，期满前不得作出处罚决定`);
  }
  if (c.status === PenaltyCaseStatus.DECIDED && c.serviceDueOn) {
    if (c.serviceDueOn < today) warn(PenaltyCaseWarningKind.SERVICE_OVERDUE, c.serviceDueOn, `决定书应于${c.serviceDueOn}前送达，已超期`);
    else if (near(c.serviceDueOn)) warn(PenaltyCaseWarningKind.SERVICE_DUE, c.serviceDueOn, `决定书应于${c.serviceDueOn}前送达`);
  }
  if ((c.status === PenaltyCaseStatus.SERVED || c.status === PenaltyCaseStatus.EXECUTING) && c.paymentDueOn && (c.paymentDueOn < today || near(c.paymentDueOn))) {
    const payment = await loadCasePaymentState(ctx, c.id, today);
    if (payment && !payment.settled) {
      if (c.paymentDueOn < today) warn(PenaltyCaseWarningKind.PAYMENT_OVERDUE, c.paymentDueOn, `罚款缴纳期限${c.paymentDueOn}已过，尚欠${payment.dueYuan}元，每日加处罚款`);
      else warn(PenaltyCaseWarningKind.PAYMENT_DUE, c.paymentDueOn, `罚款应于${c.paymentDueOn}前缴纳`);
    }
  }
  return out;
}

@Resolver(() => PenaltyCase)
export class PenaltyCaseResolver {
  private readonly service = new PenaltyCaseService();

  @Query(() => PenaltyCase, { nullable: true, description: '行政处罚案件详情。One case by id; null when there is none in your scope.' })
  @RequirePermission(CasePermission.Read)
  penaltyCase(@Ctx() ctx: RequestContext, @Arg('id', () => UUIDScalar, { description: '标识。Case id.' }) id: string, @Info() info: GraphQLResolveInfo): Promise<PenaltyCase | null> {
    return this.service.byId(ctx, id, selectedProperties(ctx.manager, PenaltyCase, info, SELF));
  }

  @Query(() => PenaltyCaseConnection, { description: '行政处罚案件列表。Cases against enterprises in your scope, latest filed first; filter by enterprise, statuses, inspection and late decision.' })
  @RequirePermission(CasePermission.Read)
  penaltyCases(@Ctx() ctx: RequestContext, @Args(() => PenaltyCaseListArgs) args: PenaltyCaseListArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<PenaltyCase>> {
    return this.service.list(ctx, args, selectsField(info, 'totalCount'), selectedProperties(ctx.manager, PenaltyCase, info, NODE, CASE_KEY_PROPERTIES));
  }

  @Query(() => PenaltyCaseConnection, { description: '案件办理期限排序。Open cases (before their decision) in your scope by days left on the legal decision clock, fewest (or most overdue) first; optionally only those with at most maxDaysLeft.' })
  @RequirePermission(CasePermission.Read)
  penaltyCasesByDaysLeft(@Ctx() ctx: RequestContext, @Args(() => PenaltyCaseClockArgs) args: PenaltyCaseClockArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<PenaltyCase>> {
    return this.service.byDaysLeft(ctx, args, selectsField(info, 'totalCount'), selectedProperties(ctx.manager, PenaltyCase, info, NODE, CASE_KEY_PROPERTIES));
  }

  @FieldResolver(() => LocalDateScalar, { description: '法定决定期限。The legal decision date: filing day + decisionDays + days suspended (an open suspension counted up to today) + the approved extension (行政处罚法 第六十条).' })
  @ReadsColumns('id', 'filedOn', 'decisionDays', 'extensionDays')
  @SqlForm((row, ctx) => raw(`${decisionDueText(row, ctx.clock.today())}::text`))
  async decisionDueOn(@Ctx() ctx: RequestContext, @Root() c: PenaltyCase): Promise<string> {
    return (await caseClocksOf(ctx).load(c.id))!.decisionDueOn;
  }

  @FieldResolver(() => LocalDateScalar, { description: '内部目标期限。The office\'s internal target: filing day + targetDays + days suspended; not a legal date.' })
  @ReadsColumns('id', 'filedOn', 'targetDays')
  @SqlForm((row, ctx) => raw(`${targetDueText(row, ctx.clock.today())}::text`))
  async targetDueOn(@Ctx() ctx: RequestContext, @Root() c: PenaltyCase): Promise<string> {
    return (await caseClocksOf(ctx).load(c.id))!.targetDueOn;
  }

  @FieldResolver(() => Int, { nullable: true, description: '剩余天数。Calendar days from today to the legal decision date (negative when overdue); null once decided.' })
  @ReadsColumns('id', 'status')
  async daysLeft(@Ctx() ctx: RequestContext, @Root() c: PenaltyCase): Promise<number | null> {
    if (!OPEN_BEFORE_DECISION.includes(c.status)) return null;
    return daysBetween(ctx.clock.today(), (await caseClocksOf(ctx).load(c.id))!.decisionDueOn);
  }

  @FieldResolver(() => Int, { description: '中止天数。Days the case has been suspended (an open suspension up to today): they do not count on the decision clock.' })
  @ReadsColumns('id')
  async suspendedDays(@Ctx() ctx: RequestContext, @Root() c: PenaltyCase): Promise<number> {
    return (await caseClocksOf(ctx).load(c.id))!.suspendedDays;
  }

  @FieldResolver(() => [PenaltyCaseWarning], { description: '时限预警。Deadlines near (within warnDaysBefore) or past: decision, hearing request, service and payment (unsettled fines only).' })
  @ReadsColumns('id', 'status', 'warnDaysBefore', 'hearingRequired', 'hearingRequestDueOn', 'serviceDueOn', 'paymentDueOn')
  async warnings(@Ctx() ctx: RequestContext, @Root() c: PenaltyCase): Promise<PenaltyCaseWarning[]> {
    return caseWarnings(ctx, c, await caseClocksOf(ctx).load(c.id), ctx.clock.today());
  }

  @FieldResolver(() => Organization, { nullable: true, description: '执法主体。The legal subject handling the case; null when you may not read organizations there.' })
  @ReadsColumns('legalSubjectId')
  @ReadsRelation(OrganizationReference, 'legalSubjectId')
  legalSubject(@Ctx() ctx: RequestContext, @Root() c: PenaltyCase): Promise<Organization | null> {
    return organizationById(ctx).load(c.legalSubjectId);
  }

  @FieldResolver(() => Organization, { nullable: true, description: '当事人单位。The party enterprise; null when you may not read organizations there.' })
  @ReadsColumns('enterpriseId')
  @ReadsRelation(OrganizationReference, 'enterpriseId')
  enterprise(@Ctx() ctx: RequestContext, @Root() c: PenaltyCase): Promise<Organization | null> {
    return organizationById(ctx).load(c.enterpriseId);
  }

  @FieldResolver(() => EnforcementItem, { nullable: true, description: '执法事项。The penalty item (of the list version) it was filed under; null when you may not read enforcement items.' })
  @ReadsColumns('enforcementItemId')
  @ReadsRelation(EnforcementItemReference, 'enforcementItemId')
  enforcementItem(@Ctx() ctx: RequestContext, @Root() c: PenaltyCase): Promise<EnforcementItem | null> {
    return EnforcementItemReference.byId(ctx).load(c.enforcementItemId);
  }

  @FieldResolver(() => Inspection, { nullable: true, description: '来源检查。The inspection it was opened from; null otherwise or when you may not read it.' })
  @ReadsColumns('inspectionId')
  @ReadsRelation(InspectionReference, 'inspectionId')
  inspection(@Ctx() ctx: RequestContext, @Root() c: PenaltyCase): Promise<Inspection | null> {
    return c.inspectionId ? InspectionReference.byId(ctx).load(c.inspectionId) : Promise.resolve(null);
  }

  @FieldResolver(() => AccidentInvestigation, { nullable: true, description: '来源事故调查。The accident investigation the case is linked to; null otherwise or when you may not read it.' })
  @ReadsColumns('accidentInvestigationId')
  @ReadsRelation(AccidentInvestigationReference, 'accidentInvestigationId')
  accidentInvestigation(@Ctx() ctx: RequestContext, @Root() c: PenaltyCase): Promise<AccidentInvestigation | null> {
    return c.accidentInvestigationId ? AccidentInvestigationReference.byId(ctx).load(c.accidentInvestigationId) : Promise.resolve(null);
  }

  @FieldResolver(() => [Person], { description: '承办人。The enforcers, those you may read as persons (in the order named).' })
  @ReadsColumns('enforcerPersonIds')
  async enforcers(@Ctx() ctx: RequestContext, @Root() c: PenaltyCase): Promise<Person[]> {
    const found = await personById(ctx).loadMany(c.enforcerPersonIds);
    return found.filter((p): p is Person => p !== null && !(p instanceof Error));
  }

  @FieldResolver(() => Person, { nullable: true, description: '决定人。The head who decided; null before the decision or when you may not read persons there.' })
  @ReadsColumns('deciderPersonId')
  @ReadsRelation(PersonReference, 'deciderPersonId')
  decider(@Ctx() ctx: RequestContext, @Root() c: PenaltyCase): Promise<Person | null> {
    return c.deciderPersonId ? personById(ctx).load(c.deciderPersonId) : Promise.resolve(null);
  }

  @FieldResolver(() => Person, { nullable: true, description: '立案审批人。The head who approved the filing; null when you may not read persons there.' })
  @ReadsColumns('filingApproverPersonId')
  @ReadsRelation(PersonReference, 'filingApproverPersonId')
  filingApprover(@Ctx() ctx: RequestContext, @Root() c: PenaltyCase): Promise<Person | null> {
    return personById(ctx).load(c.filingApproverPersonId);
  }

  @FieldResolver(() => Person, { nullable: true, description: '法制审核人。The legal reviewer; null before the review or when you may not read persons there.' })
  @ReadsColumns('reviewerPersonId')
  @ReadsRelation(PersonReference, 'reviewerPersonId')
  reviewer(@Ctx() ctx: RequestContext, @Root() c: PenaltyCase): Promise<Person | null> {
    return c.reviewerPersonId ? personById(ctx).load(c.reviewerPersonId) : Promise.resolve(null);
  }

  @FieldResolver(() => Person, { nullable: true, description: '延期批准人。The head who approved the extension; null when none or when you may not read persons there.' })
  @ReadsColumns('extensionApproverPersonId')
  @ReadsRelation(PersonReference, 'extensionApproverPersonId')
  extensionApprover(@Ctx() ctx: RequestContext, @Root() c: PenaltyCase): Promise<Person | null> {
    return c.extensionApproverPersonId ? personById(ctx).load(c.extensionApproverPersonId) : Promise.resolve(null);
  }

  @FieldResolver(() => Person, { nullable: true, description: '听证主持人。The hearing chair; null before a hearing is notified or when you may not read persons there.' })
  @ReadsColumns('hearingChairPersonId')
  @ReadsRelation(PersonReference, 'hearingChairPersonId')
  hearingChair(@Ctx() ctx: RequestContext, @Root() c: PenaltyCase): Promise<Person | null> {
    return c.hearingChairPersonId ? personById(ctx).load(c.hearingChairPersonId) : Promise.resolve(null);
  }

  @FieldResolver(() => Person, { nullable: true, description: '结案审批人。The head who approved the closure; null before it or when you may not read persons there.' })
  @ReadsColumns('closureApproverPersonId')
  @ReadsRelation(PersonReference, 'closureApproverPersonId')
  closureApprover(@Ctx() ctx: RequestContext, @Root() c: PenaltyCase): Promise<Person | null> {
    return c.closureApproverPersonId ? personById(ctx).load(c.closureApproverPersonId) : Promise.resolve(null);
  }

  @FieldResolver(() => BusinessRuleVersion, { nullable: true, description: '时限规则版本。The version of enforcement.case-clocks kept at filing; null when you may not read business rules.' })
  @ReadsColumns('clockRuleVersionId')
  clockRuleVersion(@Ctx() ctx: RequestContext, @Root() c: PenaltyCase): Promise<BusinessRuleVersion | null> {
    return BusinessRuleVersionReference.byId(ctx).load(c.clockRuleVersionId);
  }

  @FieldResolver(() => PenaltyCaseRecusalConnection, { description: '回避声明。The enforcers\' declarations in the order made.' })
  @ReadsColumns('id')
  @ReadsRelation(PenaltyCaseRecusalPages)
  recusals(@Ctx() ctx: RequestContext, @Root() c: PenaltyCase, @Args(() => PageArgs) page: PageArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<PenaltyCaseRecusal>> {
    return PenaltyCaseRecusalPages.load(ctx, c.id, page, info);
  }

  @FieldResolver(() => PenaltyCaseEvidenceConnection, { description: '证据。The evidence items in their order.' })
  @ReadsColumns('id')
  @ReadsRelation(PenaltyCaseEvidencePages)
  evidence(@Ctx() ctx: RequestContext, @Root() c: PenaltyCase, @Args(() => PageArgs) page: PageArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<PenaltyCaseEvidence>> {
    return PenaltyCaseEvidencePages.load(ctx, c.id, page, info);
  }

  @FieldResolver(() => PenaltyCaseStatementConnection, { description: '陈述申辩。The party\'s statements in their order.' })
  @ReadsColumns('id')
  @ReadsRelation(PenaltyCaseStatementPages)
  statements(@Ctx() ctx: RequestContext, @Root() c: PenaltyCase, @Args(() => PageArgs) page: PageArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<PenaltyCaseStatement>> {
    return PenaltyCaseStatementPages.load(ctx, c.id, page, info);
  }

  @FieldResolver(() => PenaltyCaseSuspensionConnection, { description: '中止记录。The suspensions of the decision clock in the order made.' })
  @ReadsColumns('id')
  @ReadsRelation(PenaltyCaseSuspensionPages)
  suspensions(@Ctx() ctx: RequestContext, @Root() c: PenaltyCase, @Args(() => PageArgs) page: PageArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<PenaltyCaseSuspension>> {
    return PenaltyCaseSuspensionPages.load(ctx, c.id, page, info);
  }

  @FieldResolver(() => EnforcementDocumentConnection, { description: '执法文书。Its numbered documents in the order issued (立案审批表, 告知书, 听证通知书, 决定书, 送达回执, 结案审批表), those you may read; kept permanently.' })
  @ReadsColumns('id')
  @ReadsRelation(CaseDocuments)
  documents(@Ctx() ctx: RequestContext, @Root() c: PenaltyCase, @Args(() => PageArgs) page: PageArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<EnforcementDocument>> {
    return CaseDocuments.load(ctx, c.id, page, info);
  }

  @Mutation(() => PenaltyCase, { description: '立案。Files a penalty case after checking the item, legal subject, party, two certified enforcers, and the limitation (行政处罚法 第三十六条), by the head (负责人, enforcement.case:decide) who approves the filing and is not one of the enforcers; issues the 立案审批表, whose number is the case code.' })
  @RequirePermission(CasePermission.Decide)
  filePenaltyCase(@Ctx() ctx: RequestContext, @Arg('input', () => FilePenaltyCaseInput, input) data: FilePenaltyCaseInput): Promise<PenaltyCase> {
    return this.service.file(ctx, data);
  }

  @Mutation(() => PenaltyCase, { description: '回避声明。Records an enforcer\'s declaration on conflict of interest; a recused enforcer is replaced by a certified person.' })
  @RequirePermission(CasePermission.Manage)
  declarePenaltyCaseRecusal(@Ctx() ctx: RequestContext, @Arg('input', () => DeclarePenaltyCaseRecusalInput, input) data: DeclarePenaltyCaseRecusalInput): Promise<PenaltyCase> {
    return this.service.declareRecusal(ctx, data);
  }

  @Mutation(() => PenaltyCaseEvidence, { description: '登记证据。Adds an evidence item of one of the eight legal kinds, with its files.' })
  @RequirePermission(CasePermission.Manage)
  addPenaltyCaseEvidence(@Ctx() ctx: RequestContext, @Arg('input', () => AddPenaltyCaseEvidenceInput, input) data: AddPenaltyCaseEvidenceInput): Promise<PenaltyCaseEvidence> {
    return this.service.addEvidence(ctx, data);
  }

  @Mutation(() => PenaltyCase, { description: '开始调查取证。Starts the investigation once every enforcer has declared on conflict of interest.' })
  @RequirePermission(CASE_WORKFLOW.permissionOf('investigate'))
  startPenaltyCaseInvestigation(@Ctx() ctx: RequestContext, @Arg('input', () => PenaltyCaseStepInput, input) data: PenaltyCaseStepInput): Promise<PenaltyCase> {
    return this.service.investigate(ctx, data);
  }

  @Mutation(() => PenaltyCase, { description: '调查终结。Ends the investigation with its findings (evidence required); to LEGAL_REVIEW.' })
  @RequirePermission(CASE_WORKFLOW.permissionOf('endInvestigation'))
  endPenaltyCaseInvestigation(@Ctx() ctx: RequestContext, @Arg('input', () => EndPenaltyCaseInvestigationInput, input) data: EndPenaltyCaseInvestigationInput): Promise<PenaltyCase> {
    return this.service.endInvestigation(ctx, data);
  }

  @Mutation(() => PenaltyCase, { description: '法制审核。Records the legal review, as the person linked to your account, who is not one of the enforcers.' })
  @RequirePermission(CASE_WORKFLOW.permissionOf('review'))
  reviewPenaltyCase(@Ctx() ctx: RequestContext, @Arg('input', () => ReviewPenaltyCaseInput, input) data: ReviewPenaltyCaseInput): Promise<PenaltyCase> {
    return this.service.review(ctx, data);
  }

  @Mutation(() => PenaltyCase, { description: '集体讨论。Records the collective discussion of the heads (required before deciding a major or complex case or one with a hearing).' })
  @RequirePermission(CasePermission.Decide)
  recordPenaltyCaseDiscussion(@Ctx() ctx: RequestContext, @Arg('input', () => RecordPenaltyCaseDiscussionInput, input) data: RecordPenaltyCaseDiscussionInput): Promise<PenaltyCase> {
    return this.service.recordDiscussion(ctx, data);
  }

  @Mutation(() => PenaltyCase, { description: '告知。Notifies the party of the facts, basis, intended penalty (totals from the penalty lines) and rights; sets the hearing-request deadline in working days; issues the 行政处罚告知书.' })
  @RequirePermission(CASE_WORKFLOW.permissionOf('notify'))
  notifyPenaltyCase(@Ctx() ctx: RequestContext, @Arg('input', () => NotifyPenaltyCaseInput, input) data: NotifyPenaltyCaseInput): Promise<PenaltyCase> {
    return this.service.notify(ctx, data);
  }

  @Mutation(() => PenaltyCaseStatement, { description: '陈述申辩。Records a statement or defence of the party with the office\'s review.' })
  @RequirePermission(CasePermission.Manage)
  recordPenaltyCaseStatement(@Ctx() ctx: RequestContext, @Arg('input', () => RecordPenaltyCaseStatementInput, input) data: RecordPenaltyCaseStatementInput): Promise<PenaltyCaseStatement> {
    return this.service.recordStatement(ctx, data);
  }

  @Mutation(() => PenaltyCase, { description: '听证通知。Records a hearing requested in time and notifies it at least the notice period (working days) ahead, chaired by someone who did not investigate; issues the 听证通知书.' })
  @RequirePermission(CASE_WORKFLOW.permissionOf('notifyHearing'))
  notifyPenaltyCaseHearing(@Ctx() ctx: RequestContext, @Arg('input', () => NotifyPenaltyCaseHearingInput, input) data: NotifyPenaltyCaseHearingInput): Promise<PenaltyCase> {
    return this.service.notifyHearing(ctx, data);
  }

  @Mutation(() => PenaltyCase, { description: '听证记录。Records the hearing held.' })
  @RequirePermission(CASE_WORKFLOW.permissionOf('recordHearing'))
  recordPenaltyCaseHearing(@Ctx() ctx: RequestContext, @Arg('input', () => RecordPenaltyCaseHearingInput, input) data: RecordPenaltyCaseHearingInput): Promise<PenaltyCase> {
    return this.service.recordHearing(ctx, data);
  }

  @Mutation(() => PenaltyCase, { description: '决定。Decides the case as the head linked to your account (not an enforcer): penalty (valid lines, no heavier than notified), no penalty, or transfer (flags a referral); issues the decision document.' })
  @RequirePermission(CASE_WORKFLOW.permissionOf('decide'))
  decidePenaltyCase(@Ctx() ctx: RequestContext, @Arg('input', () => DecidePenaltyCaseInput, input) data: DecidePenaltyCaseInput): Promise<PenaltyCase> {
    return this.service.decide(ctx, data);
  }

  @Mutation(() => PenaltyCase, { description: '送达。Records service of the decision; a fine falls due; issues the 送达回执.' })
  @RequirePermission(CASE_WORKFLOW.permissionOf('serve'))
  servePenaltyCase(@Ctx() ctx: RequestContext, @Arg('input', () => ServePenaltyCaseInput, input) data: ServePenaltyCaseInput): Promise<PenaltyCase> {
    return this.service.serve(ctx, data);
  }

  @Mutation(() => PenaltyCase, { description: '执行。Starts the execution of a served penalty.' })
  @RequirePermission(CASE_WORKFLOW.permissionOf('execute'))
  executePenaltyCase(@Ctx() ctx: RequestContext, @Arg('input', () => PenaltyCaseStepInput, input) data: PenaltyCaseStepInput): Promise<PenaltyCase> {
    return this.service.execute(ctx, data);
  }

  @Mutation(() => PenaltyCase, { description: '结案。Closes the case with the head\'s approval (not an enforcer); a fine must be settled unless execution ended otherwise; issues the 结案审批表.' })
  @RequirePermission(CASE_WORKFLOW.permissionOf('close'))
  closePenaltyCase(@Ctx() ctx: RequestContext, @Arg('input', () => ClosePenaltyCaseInput, input) data: ClosePenaltyCaseInput): Promise<PenaltyCase> {
    return this.service.close(ctx, data);
  }

  @Mutation(() => PenaltyCase, { description: '归档。Archives a closed case; its file and documents are kept permanently.' })
  @RequirePermission(CASE_WORKFLOW.permissionOf('archive'))
  archivePenaltyCase(@Ctx() ctx: RequestContext, @Arg('input', () => PenaltyCaseStepInput, input) data: PenaltyCaseStepInput): Promise<PenaltyCase> {
    return this.service.archive(ctx, data);
  }

  @Mutation(() => PenaltyCase, { description: '中止。Suspends the decision clock with a reason; at most one open suspension.' })
  @RequirePermission(CasePermission.Manage)
  suspendPenaltyCase(@Ctx() ctx: RequestContext, @Arg('input', () => PenaltyCaseReasonInput, input) data: PenaltyCaseReasonInput): Promise<PenaltyCase> {
    return this.service.suspend(ctx, data);
  }

  @Mutation(() => PenaltyCase, { description: '恢复。Resumes a suspended case; the days suspended are added to the decision date.' })
  @RequirePermission(CasePermission.Manage)
  resumePenaltyCase(@Ctx() ctx: RequestContext, @Arg('input', () => PenaltyCaseReasonInput, input) data: PenaltyCaseReasonInput): Promise<PenaltyCase> {
    return this.service.resume(ctx, data);
  }

  @Mutation(() => PenaltyCase, { description: '延期。Extends the decision period once, approved by the head linked to your account (not an enforcer); a second extension is refused.' })
  @RequirePermission(CasePermission.Decide)
  extendPenaltyCase(@Ctx() ctx: RequestContext, @Arg('input', () => ExtendPenaltyCaseInput, input) data: ExtendPenaltyCaseInput): Promise<PenaltyCase> {
    return this.service.extend(ctx, data);
  }

  @Mutation(() => PenaltyCase, { description: '设置涉嫌犯罪情形。Sets the case\'s criminal indicators; new ones flag a criminal referral in the same transaction.' })
  @RequirePermission(CasePermission.Manage)
  setPenaltyCaseCriminalIndicators(@Ctx() ctx: RequestContext, @Arg('input', () => SetPenaltyCaseIndicatorsInput, input) data: SetPenaltyCaseIndicatorsInput): Promise<PenaltyCase> {
    return this.service.setIndicators(ctx, data);
  }
}

/** The case a row of its file belongs to (in scope when the row is). */
const caseOf = (ctx: RequestContext, caseId: string): Promise<PenaltyCase | null> => PenaltyCaseReference.byId(ctx).load(caseId);
const CASE_FIELD = { nullable: true, description: '案件。The penalty case it belongs to; null when you may not read it.' } as const;

@Resolver(() => PenaltyCaseRecusal)
export class PenaltyCaseRecusalResolver {
  @FieldResolver(() => PenaltyCase, CASE_FIELD)
  @ReadsColumns('caseId')
  @ReadsRelation(PenaltyCaseReference, 'caseId')
  case(@Ctx() ctx: RequestContext, @Root() r: PenaltyCaseRecusal): Promise<PenaltyCase | null> {
    return caseOf(ctx, r.caseId);
  }

  @FieldResolver(() => Person, { nullable: true, description: '执法人员。The enforcer who declared; null when you may not read persons there.' })
  @ReadsColumns('personId')
  @ReadsRelation(PersonReference, 'personId')
  person(@Ctx() ctx: RequestContext, @Root() r: PenaltyCaseRecusal): Promise<Person | null> {
    return personById(ctx).load(r.personId);
  }

  @FieldResolver(() => Person, { nullable: true, description: '替换人员。The enforcer who replaced a recused one; null when none or when you may not read persons there.' })
  @ReadsColumns('replacedByPersonId')
  @ReadsRelation(PersonReference, 'replacedByPersonId')
  replacedBy(@Ctx() ctx: RequestContext, @Root() r: PenaltyCaseRecusal): Promise<Person | null> {
    return r.replacedByPersonId ? personById(ctx).load(r.replacedByPersonId) : Promise.resolve(null);
  }
}

@Resolver(() => PenaltyCaseEvidence)
export class PenaltyCaseEvidenceResolver {
  @FieldResolver(() => PenaltyCase, CASE_FIELD)
  @ReadsColumns('caseId')
  @ReadsRelation(PenaltyCaseReference, 'caseId')
  case(@Ctx() ctx: RequestContext, @Root() e: PenaltyCaseEvidence): Promise<PenaltyCase | null> {
    return caseOf(ctx, e.caseId);
  }

  @FieldResolver(() => [Person], { description: '取证人。The enforcers who collected it, those you may read as persons.' })
  @ReadsColumns('collectorPersonIds')
  async collectors(@Ctx() ctx: RequestContext, @Root() e: PenaltyCaseEvidence): Promise<Person[]> {
    const found = await personById(ctx).loadMany(e.collectorPersonIds);
    return found.filter((p): p is Person => p !== null && !(p instanceof Error));
  }
}

@Resolver(() => PenaltyCaseStatement)
export class PenaltyCaseStatementResolver {
  @FieldResolver(() => PenaltyCase, CASE_FIELD)
  @ReadsColumns('caseId')
  @ReadsRelation(PenaltyCaseReference, 'caseId')
  case(@Ctx() ctx: RequestContext, @Root() st: PenaltyCaseStatement): Promise<PenaltyCase | null> {
    return caseOf(ctx, st.caseId);
  }
}

@Resolver(() => PenaltyCaseSuspension)
export class PenaltyCaseSuspensionResolver {
  @FieldResolver(() => PenaltyCase, CASE_FIELD)
  @ReadsColumns('caseId')
  @ReadsRelation(PenaltyCaseReference, 'caseId')
  case(@Ctx() ctx: RequestContext, @Root() su: PenaltyCaseSuspension): Promise<PenaltyCase | null> {
    return caseOf(ctx, su.caseId);
  }
}
