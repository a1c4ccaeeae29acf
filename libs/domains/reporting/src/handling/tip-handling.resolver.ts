import { Arg, Args, Ctx, FieldResolver, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { BusinessRuleVersion, BusinessRuleVersionReference, Connection, DateTimeScalar, PageArgs, ReadsColumns, ReadsRelation, RequirePermission, SqlForm, UUIDScalar, defineChildPages, selectedProperties, selectsField, type ConnectionResult, type RequestContext } from '@platform/core';
import { Organization, OrganizationReference, Person, PersonReference, organizationById, personById } from '@platform/directory';
import { Actor, actorOf, type ActorRecord } from '@platform/access';
import { Hazard, HazardReference, hazardById } from '@domains/risk';
import { AccidentInvestigation, AccidentInvestigationReference, PenaltyCase, PenaltyCaseReference } from '@domains/enforcement';
import { TrackedTip } from '../intake/public';
import { Tip, TipPermission, TipReference, TIP_WORKFLOW } from '../tips/public';
import { TipAction, TipActionKind } from './tip-action.entity';
import { TipActions } from './tip-actions.entities';
import { TIP_ACTION_KEYS } from './tip.orders';
import {
  AssignTipInput,
  CloseTipInput,
  ExtendTipInput,
  MergeTipInput,
  RecordTipFollowUpInput,
  ReopenTipAsReporterInput,
  TipActionInput,
  TipListArgs,
  TipReasonInput,
  TipStepInput,
  VerifyTipInput,
} from './tip-handling.inputs';
import { TIP_KEY_PROPERTIES, TipHandlingService } from './tip-handling.service';
import { TipClock, TipClockStep } from './tip-handling.types';
import { pastSla, pastSlaSql, runningClock, slaMet, slaMetSql, tipExpectedAt } from '../clocks/public';
import { TipDuplicateSuggestion, duplicateSuggestions } from './tip-duplicates';
import { trackedView } from './tracked-view';

export const TipConnection = Connection(Tip, '举报');
export const TipActionConnection = Connection(TipAction, '举报办理动作');
const input = { description: '输入。The fields of the request.' };
/** Where a connection's nodes are in its selection. */
const NODE = ['edges', 'node'] as const;
const SELF = [] as const;

/** A tip's actions (催办、督办、退单、延期、回访、重新办理、合并), in the order taken. */
export const TipActionPages = defineChildPages(TipActions, { name: 'reporting.tip.actions', parentColumn: 'tip_id', keys: TIP_ACTION_KEYS });

@Resolver(() => Tip)
export class TipHandlingResolver {
  private readonly service = new TipHandlingService();

  @Query(() => Tip, { nullable: true, description: '举报详情。One tip by id; null when there is none in your scope.' })
  @RequirePermission(TipPermission.Read)
  tip(@Ctx() ctx: RequestContext, @Arg('id', () => UUIDScalar, { description: '标识。Tip id.' }) id: string, @Info() info: GraphQLResolveInfo): Promise<Tip | null> {
    return this.service.byId(ctx, id, selectedProperties(ctx.manager, Tip, info, SELF));
  }

  @Query(() => TipConnection, { description: '举报列表。Tips concerning organizations in your scope, latest received first; filter by statuses, channels, categories, organization, enterprise, received period, past their clock, code.' })
  @RequirePermission(TipPermission.Read)
  tips(@Ctx() ctx: RequestContext, @Args(() => TipListArgs) args: TipListArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<Tip>> {
    return this.service.list(ctx, args, selectsField(info, 'totalCount'), selectedProperties(ctx.manager, Tip, info, NODE, TIP_KEY_PROPERTIES));
  }

  @FieldResolver(() => Boolean, { description: '超时。True when it is past its clock now: still received after acceptance was due, or accepted and not closed after handling was due (extensions included). Escalated and finished tips are not.' })
  @ReadsColumns('status', 'acceptDueAt', 'handleDueAt', 'extendedDays')
  @SqlForm((row, ctx) => pastSlaSql(row, ctx.clock.now()))
  pastSla(@Ctx() ctx: RequestContext, @Root() t: Tip): boolean {
    return pastSla(t, ctx.clock.now());
  }

  @FieldResolver(() => Boolean, { nullable: true, description: '按期办结。For a finished tip: true when it was closed, rejected or sent back by its handling due time (extensions included); null while open, and for escalated tips and merged duplicates.' })
  @ReadsColumns('status', 'outcome', 'closedAt', 'handleDueAt', 'extendedDays')
  @SqlForm((row) => slaMetSql(row))
  slaMet(@Root() t: Tip): boolean | null {
    return slaMet(t);
  }

  @FieldResolver(() => TipClock, { nullable: true, description: '当前时限。The clock running now (acceptance, handling or follow-up) with its due time; null when none runs.' })
  @ReadsColumns('status', 'acceptDueAt', 'handleDueAt', 'extendedDays', 'followUpDueAt', 'followUpResult')
  clock(@Ctx() ctx: RequestContext, @Root() t: Tip): TipClock | null {
    const running = runningClock(t);
    if (!running) return null;
    return Object.assign(new TipClock(), { step: running.step as TipClockStep, dueAt: running.dueAt, overdue: running.dueAt.getTime() < ctx.clock.now().getTime() });
  }

  @FieldResolver(() => DateTimeScalar, { nullable: true, description: '预计办结时间。When handling is due, extensions included (Open311 expected_datetime); null before the clocks were set.' })
  @ReadsColumns('handleDueAt', 'extendedDays')
  expectedAt(@Root() t: Tip): Date | null {
    return tipExpectedAt(t);
  }

  @FieldResolver(() => TipActionConnection, { description: '办理动作。Its actions beside the workflow (催办、督办、退单、延期、回访、重新办理、合并), in the order taken.' })
  @ReadsColumns('id')
  @ReadsRelation(TipActionPages)
  actions(@Ctx() ctx: RequestContext, @Root() t: Tip, @Args(() => PageArgs) page: PageArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<TipAction>> {
    return TipActionPages.load(ctx, t.id, page, info, selectedProperties(ctx.manager, TipAction, info, NODE, ['at', 'createdAt']));
  }

  @FieldResolver(() => [TipDuplicateSuggestion], { description: '疑似重复。Open tips you may read that may report the same matter: within the rule\'s radius (50 m), at the same enterprise or QR place, received within its window (30 days); nearest first, then closest in time; at most 10.' })
  @ReadsColumns('id', 'receivedAt', 'longitude', 'latitude', 'enterpriseId', 'placeCode', 'slaRuleVersionId')
  duplicateSuggestions(@Ctx() ctx: RequestContext, @Root() t: Tip): Promise<TipDuplicateSuggestion[]> {
    return duplicateSuggestions(ctx, t);
  }

  @FieldResolver(() => Organization, { nullable: true, description: '所属单位。The organization it concerns and whose scope it is in; null when you may not read organizations there.' })
  @ReadsColumns('organizationId')
  @ReadsRelation(OrganizationReference, 'organizationId')
  organization(@Ctx() ctx: RequestContext, @Root() t: Tip): Promise<Organization | null> {
    return organizationById(ctx).load(t.organizationId);
  }

  @FieldResolver(() => Organization, { nullable: true, description: '被举报企业。The enterprise named; null when none is named or when you may not read organizations there.' })
  @ReadsColumns('enterpriseId')
  @ReadsRelation(OrganizationReference, 'enterpriseId')
  enterprise(@Ctx() ctx: RequestContext, @Root() t: Tip): Promise<Organization | null> {
    return t.enterpriseId ? organizationById(ctx).load(t.enterpriseId) : Promise.resolve(null);
  }

  @FieldResolver(() => Tip, { nullable: true, description: '合并至举报。The earlier tip it was merged into as a duplicate; null when it was not merged or when you may not read that tip.' })
  @ReadsColumns('duplicateOfId')
  @ReadsRelation(TipReference, 'duplicateOfId')
  duplicateOf(@Ctx() ctx: RequestContext, @Root() t: Tip): Promise<Tip | null> {
    return t.duplicateOfId ? TipReference.byId(ctx).load(t.duplicateOfId) : Promise.resolve(null);
  }

  @FieldResolver(() => PenaltyCase, { nullable: true, description: '处罚案件。The enforcement penalty case it led to (its final fine decides a reward); null when none is linked or when you may not read the case.' })
  @ReadsColumns('penaltyCaseId')
  @ReadsRelation(PenaltyCaseReference, 'penaltyCaseId')
  penaltyCase(@Ctx() ctx: RequestContext, @Root() t: Tip): Promise<PenaltyCase | null> {
    return t.penaltyCaseId ? PenaltyCaseReference.byId(ctx).load(t.penaltyCaseId) : Promise.resolve(null);
  }

  @FieldResolver(() => AccidentInvestigation, { nullable: true, description: '事故调查。The accident investigation it led to (a concealed accident\'s grade decides a reward); null when none is linked or when you may not read the investigation.' })
  @ReadsColumns('accidentInvestigationId')
  @ReadsRelation(AccidentInvestigationReference, 'accidentInvestigationId')
  accidentInvestigation(@Ctx() ctx: RequestContext, @Root() t: Tip): Promise<AccidentInvestigation | null> {
    return t.accidentInvestigationId ? AccidentInvestigationReference.byId(ctx).load(t.accidentInvestigationId) : Promise.resolve(null);
  }

  @FieldResolver(() => Hazard, { nullable: true, description: '隐患。The hazard raised when it was verified; null before, or when you may not read hazards there.' })
  @ReadsColumns('hazardId')
  @ReadsRelation(HazardReference, 'hazardId')
  hazard(@Ctx() ctx: RequestContext, @Root() t: Tip): Promise<Hazard | null> {
    return t.hazardId ? hazardById(ctx).load(t.hazardId) : Promise.resolve(null);
  }

  @FieldResolver(() => Organization, { nullable: true, description: '承办单位。The organization assigned to verify it; null until assigned or when you may not read organizations there.' })
  @ReadsColumns('assignedOrganizationId')
  @ReadsRelation(OrganizationReference, 'assignedOrganizationId')
  assignedOrganization(@Ctx() ctx: RequestContext, @Root() t: Tip): Promise<Organization | null> {
    return t.assignedOrganizationId ? organizationById(ctx).load(t.assignedOrganizationId) : Promise.resolve(null);
  }

  @FieldResolver(() => Person, { nullable: true, description: '承办人。The person assigned; null when none or when you may not read persons there.' })
  @ReadsColumns('assignedPersonId')
  @ReadsRelation(PersonReference, 'assignedPersonId')
  assignedPerson(@Ctx() ctx: RequestContext, @Root() t: Tip): Promise<Person | null> {
    return t.assignedPersonId ? personById(ctx).load(t.assignedPersonId) : Promise.resolve(null);
  }

  @FieldResolver(() => BusinessRuleVersion, { nullable: true, description: '时限规则版本。The version of reporting.tip-sla its clocks were set by (the tip keeps it); null before, or when you may not read business rules.' })
  @ReadsColumns('slaRuleVersionId')
  slaRuleVersion(@Ctx() ctx: RequestContext, @Root() t: Tip): Promise<BusinessRuleVersion | null> {
    return t.slaRuleVersionId ? BusinessRuleVersionReference.byId(ctx).load(t.slaRuleVersionId) : Promise.resolve(null);
  }

  @Mutation(() => Tip, { description: '受理举报。Accepts a RECEIVED tip; whether the acceptance clock was met shows in its times.' })
  @RequirePermission(TIP_WORKFLOW.permissionOf('accept'))
  acceptTip(@Ctx() ctx: RequestContext, @Arg('input', () => TipStepInput, input) data: TipStepInput): Promise<Tip> {
    return this.service.accept(ctx, data);
  }

  @Mutation(() => Tip, { description: '不予受理。Rejects a RECEIVED tip with the reason (e.g. a matter for 110/119, litigation, no real claim): outcome REJECTED.' })
  @RequirePermission(TIP_WORKFLOW.permissionOf('reject'))
  rejectTip(@Ctx() ctx: RequestContext, @Arg('input', () => TipReasonInput, input) data: TipReasonInput): Promise<Tip> {
    return this.service.reject(ctx, data);
  }

  @Mutation(() => Tip, { description: '退单。Sends a 12345 ticket (channel HOTLINE_12345 only) back to the hotline with the reason: outcome SENT_BACK, a SEND_BACK action.' })
  @RequirePermission(TIP_WORKFLOW.permissionOf('sendBack'))
  sendBackTip(@Ctx() ctx: RequestContext, @Arg('input', () => TipReasonInput, input) data: TipReasonInput): Promise<Tip> {
    return this.service.sendBack(ctx, data);
  }

  @Mutation(() => Tip, { description: '上报区级。Escalates a tip to the district with the reason (tips involving deaths are escalated at intake); closed with outcome ESCALATED when the district answers.' })
  @RequirePermission(TIP_WORKFLOW.permissionOf('escalate'))
  escalateTip(@Ctx() ctx: RequestContext, @Arg('input', () => TipReasonInput, input) data: TipReasonInput): Promise<Tip> {
    return this.service.escalate(ctx, data);
  }

  @Mutation(() => Tip, { description: '分派举报。Assigns (or reassigns) an ACCEPTED or ASSIGNED tip to an organization and person you may read, to verify it.' })
  @RequirePermission(TIP_WORKFLOW.permissionOf('assign'))
  assignTip(@Ctx() ctx: RequestContext, @Arg('input', () => AssignTipInput, input) data: AssignTipInput): Promise<Tip> {
    return this.service.assign(ctx, data);
  }

  @Mutation(() => Tip, { description: '开始核查。Starts verifying an ASSIGNED tip on site.' })
  @RequirePermission(TIP_WORKFLOW.permissionOf('startVerifying'))
  startVerifyingTip(@Ctx() ctx: RequestContext, @Arg('input', () => TipStepInput, input) data: TipStepInput): Promise<Tip> {
    return this.service.startVerifying(ctx, data);
  }

  @Mutation(() => Tip, { description: '核查属实。Verifies a VERIFYING tip true: raises a hazard in the risk module (source PUBLIC_REPORT, origin this tip) in the same transaction, within your risk.hazard:report scope; the tip closes FIXED when that hazard is closed (销号).' })
  @RequirePermission(TIP_WORKFLOW.permissionOf('verify'))
  verifyTip(@Ctx() ctx: RequestContext, @Arg('input', () => VerifyTipInput, input) data: VerifyTipInput): Promise<Tip> {
    return this.service.verify(ctx, data);
  }

  @Mutation(() => Tip, { description: '核查不属实。Records that a VERIFYING tip was not verified, with the reason; close it then (NOT_VERIFIED, NO_HAZARD_FOUND or NOT_RESPONSIBLE).' })
  @RequirePermission(TIP_WORKFLOW.permissionOf('notVerify'))
  notVerifyTip(@Ctx() ctx: RequestContext, @Arg('input', () => TipReasonInput, input) data: TipReasonInput): Promise<Tip> {
    return this.service.notVerify(ctx, data);
  }

  @Mutation(() => Tip, { description: '处理举报。Marks a VERIFIED tip handled: its hazard is under rectification.' })
  @RequirePermission(TIP_WORKFLOW.permissionOf('handle'))
  handleTip(@Ctx() ctx: RequestContext, @Arg('input', () => TipStepInput, input) data: TipStepInput): Promise<Tip> {
    return this.service.handle(ctx, data);
  }

  @Mutation(() => Tip, { description: '办结举报。Closes a tip with its outcome: FIXED (a HANDLED tip whose hazard is closed; usually automatic), or a closed-not-fixed outcome with its reason (NOT_RESPONSIBLE, NO_HAZARD_FOUND, NOT_VERIFIED, ESCALATED when the district answers); the follow-up falls due.' })
  @RequirePermission(TIP_WORKFLOW.permissionOf('close'))
  closeTip(@Ctx() ctx: RequestContext, @Arg('input', () => CloseTipInput, input) data: CloseTipInput): Promise<Tip> {
    return this.service.close(ctx, data);
  }

  @Mutation(() => Tip, { description: '延期。Extends the handling clock of an accepted, open tip by calendar days with the reason, all extensions within the channel\'s maximum (信访: 30 days); an EXTEND action.' })
  @RequirePermission(TipPermission.Dispatch)
  extendTip(@Ctx() ctx: RequestContext, @Arg('input', () => ExtendTipInput, input) data: ExtendTipInput): Promise<Tip> {
    return this.service.extend(ctx, data);
  }

  @Mutation(() => TipAction, { description: '催办。Urges the handler of an open tip in your handling scope; the state stays.' })
  @RequirePermission(TipPermission.Handle)
  urgeTip(@Ctx() ctx: RequestContext, @Arg('input', () => TipActionInput, input) data: TipActionInput): Promise<TipAction> {
    return this.service.urge(ctx, data, TipActionKind.URGE);
  }

  @Mutation(() => TipAction, { description: '督办。Puts an open tip under the office\'s supervision; the state stays.' })
  @RequirePermission(TipPermission.Dispatch)
  superviseTip(@Ctx() ctx: RequestContext, @Arg('input', () => TipActionInput, input) data: TipActionInput): Promise<TipAction> {
    return this.service.urge(ctx, data, TipActionKind.SUPERVISE);
  }

  @Mutation(() => Tip, { description: '回访。Records the reporter\'s answer to the follow-up of a CLOSED tip: SATISFIED, NO_ANSWER, or NOT_FIXED, which reopens it (handling clock restarted).' })
  @RequirePermission(TipPermission.Handle)
  recordTipFollowUp(@Ctx() ctx: RequestContext, @Arg('input', () => RecordTipFollowUpInput, input) data: RecordTipFollowUpInput): Promise<Tip> {
    return this.service.followUp(ctx, data);
  }

  @Mutation(() => Tip, { description: '合并重复举报。Closes a tip as a DUPLICATE of another open tip (accepting it first when still RECEIVED); the group\'s first valid reporter, for a reward, is its earliest received valid tip.' })
  @RequirePermission(TipPermission.Dispatch)
  mergeTip(@Ctx() ctx: RequestContext, @Arg('input', () => MergeTipInput, input) data: MergeTipInput): Promise<Tip> {
    return this.service.merge(ctx, data);
  }

  @Mutation(() => TrackedTip, { description: '申请重新办理。Reopens your closed tip with the tracking code and secret, within the window after its closing (reporting.tip-sla reporterReopenDays, 30 days); a wrong code or secret answers NOT_FOUND.' })
  @RequirePermission(TipPermission.Track)
  async reopenTipAsReporter(@Ctx() ctx: RequestContext, @Arg('input', () => ReopenTipAsReporterInput, input) data: ReopenTipAsReporterInput): Promise<TrackedTip> {
    return trackedView(await this.service.reopenAsReporter(ctx, data));
  }
}

/** The records a tip action names by id, next to the id: each through a per-request loader, within the caller's scope for the record's own type. */
@Resolver(() => TipAction)
export class TipActionRelationsResolver {
  @FieldResolver(() => Tip, { nullable: true, description: '举报。The tip it is about; null when you may not read that tip.' })
  @ReadsColumns('tipId')
  @ReadsRelation(TipReference, 'tipId')
  tip(@Ctx() ctx: RequestContext, @Root() a: TipAction): Promise<Tip | null> {
    return TipReference.byId(ctx).load(a.tipId);
  }

  @FieldResolver(() => Tip, { nullable: true, description: '关联举报。For MERGE: the other tip of the merge; null for other kinds or when you may not read that tip.' })
  @ReadsColumns('relatedTipId')
  @ReadsRelation(TipReference, 'relatedTipId')
  relatedTip(@Ctx() ctx: RequestContext, @Root() a: TipAction): Promise<Tip | null> {
    return a.relatedTipId ? TipReference.byId(ctx).load(a.relatedTipId) : Promise.resolve(null);
  }

  @FieldResolver(() => Actor, {
    nullable: true,
    description:
      '操作者。The user or API client that took it (by actorKind and actorId); null for the system and the anonymous reporter, and when you may not read that account (access.user:read) or client (access.api-client:read) within your administering reach.',
  })
  @ReadsColumns('actorKind', 'actorId')
  actor(@Ctx() ctx: RequestContext, @Root() a: TipAction): Promise<ActorRecord | null> | null {
    return actorOf(ctx, a.actorKind, a.actorId);
  }
}
