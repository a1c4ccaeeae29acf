import { Arg, Args, Ctx, FieldResolver, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { ArchiveInput, Attachment, Connection, PageArgs, ReadsRelation, RequirePermission, UUIDScalar, attachmentsOf, selectsField, type ConnectionResult, type RequestContext } from '@platform/core';
import { Organization, OrganizationReference, organizationById } from '@platform/directory';
import { EmergencyPlan } from './emergency-plan.entity';
import { ApproveEmergencyPlanInput, CreateEmergencyPlanInput, EmergencyPlanListArgs, ReviewEmergencyPlanInput, ReviseEmergencyPlanInput, UpdateEmergencyPlanInput } from './emergency-plan.inputs';
import { EmergencyPlanService, PLAN_ENTITY, reviewOverdue } from './emergency-plan.service';
import { PlanReference, PlanRevisions, planById } from './plans.loaders';
import { PreparednessPermission } from '../permissions';

export const EmergencyPlanConnection = Connection(EmergencyPlan, '应急预案');
const input = { description: '输入。The fields of the request.' };

@Resolver(() => EmergencyPlan)
export class EmergencyPlanResolver {
  private readonly service = new EmergencyPlanService();

  @Query(() => EmergencyPlan, { nullable: true, description: '应急预案详情。One plan revision by id (any status); null when there is none in your scope.' })
  @RequirePermission(PreparednessPermission.PlanRead)
  emergencyPlan(@Ctx() ctx: RequestContext, @Arg('id', () => UUIDScalar, { description: '标识。Plan revision id.' }) id: string): Promise<EmergencyPlan | null> {
    return this.service.byId(ctx, id);
  }

  @Query(() => EmergencyPlanConnection, { description: '应急预案列表。Plan revisions in your scope by title, newest revision first; superseded ones only when asked; filter by subtree, types, statuses or overdue review.' })
  @RequirePermission(PreparednessPermission.PlanRead)
  emergencyPlans(@Ctx() ctx: RequestContext, @Args(() => EmergencyPlanListArgs) args: EmergencyPlanListArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<EmergencyPlan>> {
    return this.service.list(ctx, args, selectsField(info, 'totalCount'));
  }

  @Mutation(() => EmergencyPlan, { description: '新建应急预案。Starts a plan as a draft of revision 1 under an organization in your scope whose kind fits the type.' })
  @RequirePermission(PreparednessPermission.PlanWrite)
  createEmergencyPlan(@Ctx() ctx: RequestContext, @Arg('input', () => CreateEmergencyPlanInput, input) data: CreateEmergencyPlanInput): Promise<EmergencyPlan> {
    return this.service.create(ctx, data);
  }

  @Mutation(() => EmergencyPlan, { description: '修改应急预案草案。Changes a draft\'s title or topic and adds attachments; needs the version you read (a stale one is refused with CONFLICT).' })
  @RequirePermission(PreparednessPermission.PlanWrite)
  updateEmergencyPlan(@Ctx() ctx: RequestContext, @Arg('input', () => UpdateEmergencyPlanInput, input) data: UpdateEmergencyPlanInput): Promise<EmergencyPlan> {
    return this.service.update(ctx, data);
  }

  @Mutation(() => EmergencyPlan, { description: '批准应急预案。Puts a draft into force with its approval, filing and next review day; the revision it supersedes becomes SUPERSEDED.' })
  @RequirePermission(PreparednessPermission.PlanWrite)
  approveEmergencyPlan(@Ctx() ctx: RequestContext, @Arg('input', () => ApproveEmergencyPlanInput, input) data: ApproveEmergencyPlanInput): Promise<EmergencyPlan> {
    return this.service.approve(ctx, data);
  }

  @Mutation(() => EmergencyPlan, { description: '修订应急预案。Starts a new draft (next revision number) from an effective revision; a plan has at most one open draft.' })
  @RequirePermission(PreparednessPermission.PlanWrite)
  reviseEmergencyPlan(@Ctx() ctx: RequestContext, @Arg('input', () => ReviseEmergencyPlanInput, input) data: ReviseEmergencyPlanInput): Promise<EmergencyPlan> {
    return this.service.revise(ctx, data);
  }

  @Mutation(() => EmergencyPlan, { description: '评审应急预案。Records a review of an effective revision and sets the next review day.' })
  @RequirePermission(PreparednessPermission.PlanWrite)
  reviewEmergencyPlan(@Ctx() ctx: RequestContext, @Arg('input', () => ReviewEmergencyPlanInput, input) data: ReviewEmergencyPlanInput): Promise<EmergencyPlan> {
    return this.service.review(ctx, data);
  }

  @Mutation(() => EmergencyPlan, { description: '归档应急预案。Withdraws a draft or an effective revision; the record is kept.' })
  @RequirePermission(PreparednessPermission.PlanWrite)
  archiveEmergencyPlan(@Ctx() ctx: RequestContext, @Arg('input', () => ArchiveInput, input) data: ArchiveInput): Promise<EmergencyPlan> {
    return this.service.archive(ctx, data);
  }

  @FieldResolver(() => Boolean, { description: '评审逾期。True when the revision is effective and its next review day is before today (China time).' })
  reviewOverdue(@Ctx() ctx: RequestContext, @Root() p: EmergencyPlan): boolean {
    return reviewOverdue(p, ctx.clock.today());
  }

  @FieldResolver(() => EmergencyPlan, { nullable: true, description: '被替代版本。The previous revision this one replaces; null for the first.' })
  @ReadsRelation(PlanReference, 'supersedesId')
  supersedes(@Ctx() ctx: RequestContext, @Root() p: EmergencyPlan): Promise<EmergencyPlan | null> | null {
    return p.supersedesId ? planById(ctx).load(p.supersedesId) : null;
  }

  @FieldResolver(() => EmergencyPlanConnection, { description: '全部版本。Every revision of this plan (this one included), newest first.' })
  @ReadsRelation(PlanRevisions, 'chainId')
  revisions(@Ctx() ctx: RequestContext, @Root() p: EmergencyPlan, @Args(() => PageArgs) page: PageArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<EmergencyPlan>> {
    return PlanRevisions.load(ctx, p.chainId, page, info);
  }

  @FieldResolver(() => Organization, { nullable: true, description: '编制单位。The organization keeping the plan; null when you may not read organizations there.' })
  @ReadsRelation(OrganizationReference, 'organizationId')
  organization(@Ctx() ctx: RequestContext, @Root() p: EmergencyPlan): Promise<Organization | null> {
    return organizationById(ctx).load(p.organizationId);
  }

  @FieldResolver(() => [Attachment], { description: '附件。The plan text and annexes (at most 20 per update).' })
  attachments(@Ctx() ctx: RequestContext, @Root() p: EmergencyPlan): Promise<Attachment[]> {
    return attachmentsOf(ctx, PLAN_ENTITY).load(p.id);
  }
}
