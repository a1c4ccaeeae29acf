import { Arg, Args, Ctx, FieldResolver, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { Attachment, BusinessRuleVersion, BusinessRuleVersionReference, Connection, attachmentsOf, PageArgs, ReadsColumns, ReadsRelation, RequirePermission, UUIDScalar, businessRules, selectedProperties, selectsField, type ConnectionResult, type RequestContext } from '@platform/core';
import { Organization, OrganizationReference, Person, PersonReference, organizationById, personById } from '@platform/directory';
import { Hazard, HazardReference, hazardById } from '@domains/risk';
import { SupervisionAction, SupervisionActionHazard, SupervisionActionStep } from './supervision-action.entity';
import { SupervisionExtensionStatus } from './supervision.enums';
import {
  DecideSupervisionExtensionInput,
  IssueSupervisionActionInput,
  RequestSupervisionExtensionInput,
  SupervisionActionListArgs,
  SupervisionFiguresArgs,
  SupervisionReasonInput,
  SupervisionStepInput,
} from './supervision.inputs';
import { SUPERVISION_KEY_PROPERTIES, SupervisionService, supervisionOverdue } from './supervision.service';
import { SupervisionActionHazardPages, SupervisionActionReference, SupervisionActionTimeline, supervisionActionById } from './supervision.loaders';
import { SUPERVISION_WORKFLOW } from './supervision-workflow';
import { SUPERVISION_RULES } from './supervision-rules';
import { SupervisionPermission } from './supervision.permissions';
import { SupervisionFigures, SupervisionRuleTerms } from './supervision.types';

export const SupervisionActionConnection = Connection(SupervisionAction, '督办事项');
export const SupervisionActionStepConnection = Connection(SupervisionActionStep, '督办记录');
export const SupervisionActionHazardConnection = Connection(SupervisionActionHazard, '督办关联隐患');
const input = { description: '输入。The fields of the request.' };
/** Where a connection's nodes are in its selection. */
const NODE = ['edges', 'node'] as const;
const SELF = [] as const;


@Resolver(() => SupervisionAction)
export class SupervisionActionResolver {
  private readonly service = new SupervisionService();

  @Query(() => SupervisionAction, { nullable: true, description: '督办事项详情。One supervision action by id; null when there is none in your scope.' })
  @RequirePermission(SupervisionPermission.Read)
  supervisionAction(@Ctx() ctx: RequestContext, @Arg('id', () => UUIDScalar, { description: '标识。Action id.' }) id: string, @Info() info: GraphQLResolveInfo): Promise<SupervisionAction | null> {
    return this.service.byId(ctx, id, selectedProperties(ctx.manager, SupervisionAction, info, SELF));
  }

  @Query(() => SupervisionActionConnection, { description: '督办事项。Supervision actions addressed to organizations in your scope, newest issued first; filter by kinds, statuses, subtree, issue days, overdue and listed supervision with open hazards.' })
  @RequirePermission(SupervisionPermission.Read)
  supervisionActions(@Ctx() ctx: RequestContext, @Args(() => SupervisionActionListArgs) args: SupervisionActionListArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<SupervisionAction>> {
    return this.service.list(ctx, args, selectsField(info, 'totalCount'), selectedProperties(ctx.manager, SupervisionAction, info, NODE, SUPERVISION_KEY_PROPERTIES));
  }

  @Query(() => SupervisionFigures, { description: '督办闭环统计。Per kind over a period, within your scope: actions due, closed on time, open past their deadline, closed, and the median working days from issue to close.' })
  @RequirePermission(SupervisionPermission.Read)
  supervisionFigures(@Ctx() ctx: RequestContext, @Args(() => SupervisionFiguresArgs) args: SupervisionFiguresArgs): Promise<SupervisionFigures> {
    return this.service.figures(ctx, args);
  }

  @FieldResolver(() => Boolean, { description: '是否逾期。True when the action is open (not closed or escalated) and its deadline for closing is before today (China time).' })
  @ReadsColumns('status', 'dueOn')
  overdue(@Ctx() ctx: RequestContext, @Root() a: SupervisionAction): boolean {
    return supervisionOverdue(a, ctx.clock.today());
  }

  @FieldResolver(() => SupervisionExtensionStatus, { description: '延期状态。NONE, PENDING (decision due by extensionDecisionDueOn), APPROVED, DENIED, or LAPSED (undecided past its decision day: counts as denied).' })
  @ReadsColumns('extensionRequestedOn', 'extensionApproved', 'extensionDecisionDueOn')
  extensionStatus(@Ctx() ctx: RequestContext, @Root() a: SupervisionAction): SupervisionExtensionStatus {
    if (!a.extensionRequestedOn) return SupervisionExtensionStatus.NONE;
    if (a.extensionApproved !== null) return a.extensionApproved ? SupervisionExtensionStatus.APPROVED : SupervisionExtensionStatus.DENIED;
    return a.extensionDecisionDueOn! < ctx.clock.today() ? SupervisionExtensionStatus.LAPSED : SupervisionExtensionStatus.PENDING;
  }

  @FieldResolver(() => SupervisionRuleTerms, { description: '督办规则。The values of the kind\'s rule version the action keeps (set when it was issued; later versions do not change it).' })
  @ReadsColumns('kind', 'ruleVersionId')
  async rule(@Ctx() ctx: RequestContext, @Root() a: SupervisionAction): Promise<SupervisionRuleTerms> {
    const { version, value } = await businessRules.stored(ctx, SUPERVISION_RULES[a.kind], a.ruleVersionId);
    return Object.assign(new SupervisionRuleTerms(), value, { ruleCode: version.ruleCode, documentNumber: version.documentNumber, note: version.note });
  }

  @FieldResolver(() => BusinessRuleVersion, { nullable: true, description: '规则版本。The version of its kind\'s rule the action keeps (see `rule` for its values); null when you may not read business rules.' })
  @ReadsColumns('ruleVersionId')
  ruleVersion(@Ctx() ctx: RequestContext, @Root() a: SupervisionAction): Promise<BusinessRuleVersion | null> {
    return BusinessRuleVersionReference.byId(ctx).load(a.ruleVersionId);
  }

  @FieldResolver(() => Organization, { nullable: true, description: '被督办单位。The department, village or community addressed; null when you may not read it.' })
  @ReadsColumns('addresseeOrganizationId')
  @ReadsRelation(OrganizationReference, 'addresseeOrganizationId')
  addresseeOrganization(@Ctx() ctx: RequestContext, @Root() a: SupervisionAction): Promise<Organization | null> {
    return organizationById(ctx).load(a.addresseeOrganizationId);
  }

  @FieldResolver(() => Person, { nullable: true, description: '责任人。The official answerable; null when none is named or you may not read persons there.' })
  @ReadsColumns('responsiblePersonId')
  @ReadsRelation(PersonReference, 'responsiblePersonId')
  responsiblePerson(@Ctx() ctx: RequestContext, @Root() a: SupervisionAction): Promise<Person | null> {
    return a.responsiblePersonId ? personById(ctx).load(a.responsiblePersonId) : Promise.resolve(null);
  }

  @FieldResolver(() => SupervisionActionStepConnection, { description: '督办记录。Its timeline: the issue, each step and the extension request and decision, in the order written.' })
  @ReadsColumns('id')
  @ReadsRelation(SupervisionActionTimeline)
  timeline(@Ctx() ctx: RequestContext, @Root() a: SupervisionAction, @Args(() => PageArgs) page: PageArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<SupervisionActionStep>> {
    return SupervisionActionTimeline.load(ctx, a.id, page, info);
  }

  @FieldResolver(() => SupervisionActionHazardConnection, { description: '关联隐患。The major hazards tied to a listed supervision, in the order linked (each hazard as you may read it in the risk module).' })
  @ReadsColumns('id')
  @ReadsRelation(SupervisionActionHazardPages)
  hazards(@Ctx() ctx: RequestContext, @Root() a: SupervisionAction, @Args(() => PageArgs) page: PageArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<SupervisionActionHazard>> {
    return SupervisionActionHazardPages.load(ctx, a.id, page, info);
  }

  @Mutation(() => SupervisionAction, { description: '下发督办事项。Issues a supervision action to a department, village or community; its deadlines come from the kind\'s rule version in force on the issue day, which it keeps.' })
  @RequirePermission(SupervisionPermission.Manage)
  issueSupervisionAction(@Ctx() ctx: RequestContext, @Arg('input', () => IssueSupervisionActionInput, input) data: IssueSupervisionActionInput): Promise<SupervisionAction> {
    return this.service.issue(ctx, data);
  }

  @Mutation(() => SupervisionAction, { description: '签收督办。The addressee acknowledges an issued action.' })
  @RequirePermission(SUPERVISION_WORKFLOW.permissionOf('acknowledge'))
  acknowledgeSupervisionAction(@Ctx() ctx: RequestContext, @Arg('input', () => SupervisionStepInput, input) data: SupervisionStepInput): Promise<SupervisionAction> {
    return this.service.acknowledge(ctx, data);
  }

  @Mutation(() => SupervisionAction, { description: '报送整改方案。The addressee submits the written reply or rectification plan (due by responseDueOn).' })
  @RequirePermission(SUPERVISION_WORKFLOW.permissionOf('submitPlan'))
  submitSupervisionPlan(@Ctx() ctx: RequestContext, @Arg('input', () => SupervisionStepInput, input) data: SupervisionStepInput): Promise<SupervisionAction> {
    return this.service.submitPlan(ctx, data);
  }

  @Mutation(() => SupervisionAction, { description: '开始整改。The addressee starts rectifying.' })
  @RequirePermission(SUPERVISION_WORKFLOW.permissionOf('startRectifying'))
  startSupervisionRectification(@Ctx() ctx: RequestContext, @Arg('input', () => SupervisionStepInput, input) data: SupervisionStepInput): Promise<SupervisionAction> {
    return this.service.startRectifying(ctx, data);
  }

  @Mutation(() => SupervisionAction, { description: '申请验收。The addressee reports the rectification done; the office\'s acceptance is due within the rule\'s acceptance window.' })
  @RequirePermission(SUPERVISION_WORKFLOW.permissionOf('requestAcceptance'))
  requestSupervisionAcceptance(@Ctx() ctx: RequestContext, @Arg('input', () => SupervisionStepInput, input) data: SupervisionStepInput): Promise<SupervisionAction> {
    return this.service.requestAcceptance(ctx, data);
  }

  @Mutation(() => SupervisionAction, { description: '验收通过。The office accepts the rectification.' })
  @RequirePermission(SUPERVISION_WORKFLOW.permissionOf('verify'))
  verifySupervisionAction(@Ctx() ctx: RequestContext, @Arg('input', () => SupervisionStepInput, input) data: SupervisionStepInput): Promise<SupervisionAction> {
    return this.service.verify(ctx, data);
  }

  @Mutation(() => SupervisionAction, { description: '验收不通过。The office refuses the acceptance with a reason: back to rectifying, the failure count grows.' })
  @RequirePermission(SUPERVISION_WORKFLOW.permissionOf('failVerification'))
  failSupervisionVerification(@Ctx() ctx: RequestContext, @Arg('input', () => SupervisionReasonInput, input) data: SupervisionReasonInput): Promise<SupervisionAction> {
    return this.service.failVerification(ctx, data);
  }

  @Mutation(() => SupervisionAction, { description: '销号（摘牌）。Closes an accepted action; a listed supervision is delisted only once every linked hazard is closed in the risk module.' })
  @RequirePermission(SUPERVISION_WORKFLOW.permissionOf('close'))
  closeSupervisionAction(@Ctx() ctx: RequestContext, @Arg('input', () => SupervisionStepInput, input) data: SupervisionStepInput): Promise<SupervisionAction> {
    return this.service.close(ctx, data);
  }

  @Mutation(() => SupervisionAction, { description: '升级督办。Escalates an action to the upper level, with a reason, after the failed acceptances its rule asks for.' })
  @RequirePermission(SUPERVISION_WORKFLOW.permissionOf('escalate'))
  escalateSupervisionAction(@Ctx() ctx: RequestContext, @Arg('input', () => SupervisionReasonInput, input) data: SupervisionReasonInput): Promise<SupervisionAction> {
    return this.service.escalate(ctx, data);
  }

  @Mutation(() => SupervisionAction, { description: '申请延期。The addressee requests the one extension the kind\'s rule allows, at least its lead time before the deadline; the decision is due within the rule\'s decision clock.' })
  @RequirePermission(SupervisionPermission.Respond)
  requestSupervisionExtension(@Ctx() ctx: RequestContext, @Arg('input', () => RequestSupervisionExtensionInput, input) data: RequestSupervisionExtensionInput): Promise<SupervisionAction> {
    return this.service.requestExtension(ctx, data);
  }

  @Mutation(() => SupervisionAction, { description: '延期决定。The office approves (with a new deadline) or denies a pending extension request, by its decision day.' })
  @RequirePermission(SupervisionPermission.Manage)
  decideSupervisionExtension(@Ctx() ctx: RequestContext, @Arg('input', () => DecideSupervisionExtensionInput, input) data: DecideSupervisionExtensionInput): Promise<SupervisionAction> {
    return this.service.decideExtension(ctx, data);
  }
}

@Resolver(() => SupervisionActionStep)
export class SupervisionActionStepResolver {
  @FieldResolver(() => [Attachment], { description: '佐证材料。Files attached to the step as evidence (at most 20).' })
  @ReadsColumns('id')
  attachments(@Ctx() ctx: RequestContext, @Root() s: SupervisionActionStep): Promise<Attachment[]> {
    return attachmentsOf(ctx, 'SupervisionActionStep').load(s.id);
  }

  @FieldResolver(() => SupervisionAction, { nullable: true, description: '督办事项。The action (read with the entry, so null only for one that no longer exists).' })
  @ReadsColumns('supervisionActionId')
  @ReadsRelation(SupervisionActionReference, 'supervisionActionId')
  supervisionAction(@Ctx() ctx: RequestContext, @Root() s: SupervisionActionStep): Promise<SupervisionAction | null> {
    return supervisionActionById(ctx).load(s.supervisionActionId);
  }
}

@Resolver(() => SupervisionActionHazard)
export class SupervisionActionHazardResolver {
  @FieldResolver(() => SupervisionAction, { nullable: true, description: '督办事项。The listed supervision (read with the link, so null only for one that no longer exists).' })
  @ReadsColumns('supervisionActionId')
  @ReadsRelation(SupervisionActionReference, 'supervisionActionId')
  supervisionAction(@Ctx() ctx: RequestContext, @Root() l: SupervisionActionHazard): Promise<SupervisionAction | null> {
    return supervisionActionById(ctx).load(l.supervisionActionId);
  }

  @FieldResolver(() => Hazard, { nullable: true, description: '隐患。The hazard itself with its status in the risk module; null when outside your hazard read scope.' })
  @ReadsRelation(HazardReference, 'hazardId')
  hazard(@Ctx() ctx: RequestContext, @Root() l: SupervisionActionHazard): Promise<Hazard | null> {
    return hazardById(ctx).load(l.hazardId);
  }
}
