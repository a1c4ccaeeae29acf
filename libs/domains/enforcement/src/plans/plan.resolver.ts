import { Arg, Args, Ctx, FieldResolver, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import {
  BusinessRuleVersion,
  BusinessRuleVersionReference,
  Connection,
  ReadsColumns,
  ReadsRelation,
  RequirePermission,
  UUIDScalar,
  selectedProperties,
  selectsField,
  type ConnectionResult,
  type RequestContext,
} from '@platform/core';
import { Organization, OrganizationReference, organizationById } from '@platform/directory';
import { Actor, actorOf, type ActorRecord } from '@platform/access';
import { InspectionPlan, InspectionPlanEntry } from './inspection-plan.entity';
import { CALCULATION_COLUMNS, InspectionPlanCalculation, calculationOf } from './plan-calculation';
import {
  ApproveInspectionPlanInput,
  CreateInspectionPlanInput,
  DeriveInspectionPlanEntriesInput,
  InspectionPlanEntryArgs,
  InspectionPlanListArgs,
  InspectionPlanPreviewInput,
  RemoveInspectionPlanEntryInput,
  ReviseInspectionPlanInput,
  UpdateInspectionPlanEntryInput,
  UpdateInspectionPlanInput,
} from './plan.inputs';
import { InspectionPlanEntryPages, InspectionPlanReference } from './plan.loaders';
import { InspectionPlanService, PLAN_KEY_PROPERTIES } from './plan.service';
import { InspectionPlanEntryService } from './plan-entry.service';
import { PLAN_WORKFLOW } from './plan-workflow';
import { PlanPermission } from './plans.permissions';

export const InspectionPlanConnection = Connection(InspectionPlan, '年度监督检查计划');
export const InspectionPlanEntryConnection = Connection(InspectionPlanEntry, '检查计划企业');
const input = { description: '输入。The fields of the request.' };
/** Where a connection's nodes are in its selection. */
const NODE = ['edges', 'node'] as const;
const SELF = [] as const;

@Resolver(() => InspectionPlan)
export class InspectionPlanResolver {
  private readonly service = new InspectionPlanService();
  private readonly entryService = new InspectionPlanEntryService();

  @Query(() => InspectionPlan, { nullable: true, description: '年度监督检查计划详情。One plan by id; null when there is none in your scope.' })
  @RequirePermission(PlanPermission.Read)
  inspectionPlan(@Ctx() ctx: RequestContext, @Arg('id', () => UUIDScalar, { description: '标识。Plan id.' }) id: string, @Info() info: GraphQLResolveInfo): Promise<InspectionPlan | null> {
    return this.service.byId(ctx, id, selectedProperties(ctx.manager, InspectionPlan, info, SELF));
  }

  @Query(() => InspectionPlanConnection, { description: '年度监督检查计划。The plans in your scope, the latest year first and its latest revision first; filter by legal subject, year and status.' })
  @RequirePermission(PlanPermission.Read)
  inspectionPlans(@Ctx() ctx: RequestContext, @Args(() => InspectionPlanListArgs) args: InspectionPlanListArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<InspectionPlan>> {
    return this.service.list(ctx, args, selectsField(info, 'totalCount'), selectedProperties(ctx.manager, InspectionPlan, info, NODE, PLAN_KEY_PROPERTIES));
  }

  @Query(() => InspectionPlanCalculation, {
    description: '检查计划预算。The plan calculator without saving anything: the period\'s legal working days on the kernel calendar, the inspection working days from the inputs (negative ones refused with rule inspectionDays), the days per inspection of the rule in force on the period\'s last day, and a key list to try.',
  })
  @RequirePermission(PlanPermission.Read)
  inspectionPlanPreview(@Ctx() ctx: RequestContext, @Arg('input', () => InspectionPlanPreviewInput, input) data: InspectionPlanPreviewInput): Promise<InspectionPlanCalculation> {
    return this.service.preview(ctx, data);
  }

  @FieldResolver(() => InspectionPlanCalculation, { description: '测算。The calculator with the figures the plan stored when last saved (安监总政法〔2017〕150号), to check by hand.' })
  @ReadsColumns(...CALCULATION_COLUMNS)
  calculation(@Root() p: InspectionPlan): InspectionPlanCalculation {
    return calculationOf(p);
  }

  @FieldResolver(() => InspectionPlanEntryConnection, { description: '企业名单。The plan\'s enterprises, key ones first, then by place in the list; filter by class and by a month with a planned inspection.' })
  @ReadsColumns('id')
  @ReadsRelation(InspectionPlanEntryPages)
  entries(@Ctx() ctx: RequestContext, @Root() p: InspectionPlan, @Args(() => InspectionPlanEntryArgs) args: InspectionPlanEntryArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<InspectionPlanEntry>> {
    return InspectionPlanEntryPages.load(ctx, p.id, args, info, selectedProperties(ctx.manager, InspectionPlanEntry, info, NODE, ['enterpriseClass', 'position']));
  }

  @FieldResolver(() => Organization, { nullable: true, description: '执法主体。The legal subject; null when you may not read it.' })
  @ReadsColumns('organizationId')
  @ReadsRelation(OrganizationReference, 'organizationId')
  organization(@Ctx() ctx: RequestContext, @Root() p: InspectionPlan): Promise<Organization | null> {
    return organizationById(ctx).load(p.organizationId);
  }

  @FieldResolver(() => InspectionPlan, { nullable: true, description: '上一版。The approved plan this one revises; null for a first plan.' })
  @ReadsColumns('previousId')
  @ReadsRelation(InspectionPlanReference, 'previousId')
  previous(@Ctx() ctx: RequestContext, @Root() p: InspectionPlan): Promise<InspectionPlan | null> {
    return p.previousId ? InspectionPlanReference.byId(ctx).load(p.previousId) : Promise.resolve(null);
  }

  @FieldResolver(() => BusinessRuleVersion, { nullable: true, description: '工作日测算规则版本。The version of enforcement.inspection-workload the plan applied; null when you may not read business rules.' })
  @ReadsColumns('workloadRuleVersionId')
  workloadRuleVersion(@Ctx() ctx: RequestContext, @Root() p: InspectionPlan): Promise<BusinessRuleVersion | null> {
    return BusinessRuleVersionReference.byId(ctx).load(p.workloadRuleVersionId);
  }

  @FieldResolver(() => BusinessRuleVersion, { nullable: true, description: '检查频次上限规则版本。The version of enforcement.inspection-frequency whose yearly caps the entries are checked against; null when you may not read business rules.' })
  @ReadsColumns('frequencyRuleVersionId')
  frequencyRuleVersion(@Ctx() ctx: RequestContext, @Root() p: InspectionPlan): Promise<BusinessRuleVersion | null> {
    return BusinessRuleVersionReference.byId(ctx).load(p.frequencyRuleVersionId);
  }

  @FieldResolver(() => Actor, { nullable: true, description: '批准操作者。The user or API client that approved the plan; null for a draft, the system (seed), or when you may not read that account (access.user:read) or client (access.api-client:read).' })
  @ReadsColumns('approvedByKind', 'approvedById')
  approvedBy(@Ctx() ctx: RequestContext, @Root() p: InspectionPlan): Promise<ActorRecord | null> | null {
    return p.approvedByKind ? actorOf(ctx, p.approvedByKind, p.approvedById) : null;
  }

  @Mutation(() => InspectionPlan, { description: '编制年度监督检查计划。Draws up a draft plan of a legal subject (the town government or one of its departments) for a year and computes it: legal working days on the kernel calendar, inspection working days (negative refused), rule versions in force on the period\'s last day. A year with a plan is revised instead.' })
  @RequirePermission(PlanPermission.Manage)
  createInspectionPlan(@Ctx() ctx: RequestContext, @Arg('input', () => CreateInspectionPlanInput, input) data: CreateInspectionPlanInput): Promise<InspectionPlan> {
    return this.service.create(ctx, data);
  }

  @Mutation(() => InspectionPlan, { description: '修改检查计划。Changes a draft plan\'s period and inputs and recomputes it (an approved plan is refused with `state`); needs the version you read.' })
  @RequirePermission(PlanPermission.Manage)
  updateInspectionPlan(@Ctx() ctx: RequestContext, @Arg('input', () => UpdateInspectionPlanInput, input) data: UpdateInspectionPlanInput): Promise<InspectionPlan> {
    return this.service.update(ctx, data);
  }

  @Mutation(() => InspectionPlan, { description: '推定检查企业名单。Derives a draft plan\'s enterprise list from the directory and risk: every active enterprise of the legal subject\'s town, KEY when its sector is high-risk or it has a risk point graded red (重大) or orange (较大), else ORDINARY, with the reason; entries an officer moved keep their class.' })
  @RequirePermission(PlanPermission.Manage)
  deriveInspectionPlanEntries(@Ctx() ctx: RequestContext, @Arg('input', () => DeriveInspectionPlanEntriesInput, input) data: DeriveInspectionPlanEntriesInput): Promise<InspectionPlan> {
    return this.entryService.derive(ctx, data);
  }

  @Mutation(() => InspectionPlan, { description: '批准检查计划。Approves a draft plan that lists enterprises and has no key shortfall (rule keyShortfall); an approved plan of the same year is superseded. No longer edited after.' })
  @RequirePermission(PLAN_WORKFLOW.permissionOf('approve'))
  approveInspectionPlan(@Ctx() ctx: RequestContext, @Arg('input', () => ApproveInspectionPlanInput, input) data: ApproveInspectionPlanInput): Promise<InspectionPlan> {
    return this.service.approve(ctx, data);
  }

  @Mutation(() => InspectionPlan, { description: '修订检查计划。A new draft revision of the approved plan in force, its inputs and enterprise list copied and recomputed; approving it supersedes the plan it revises.' })
  @RequirePermission(PlanPermission.Manage)
  reviseInspectionPlan(@Ctx() ctx: RequestContext, @Arg('input', () => ReviseInspectionPlanInput, input) data: ReviseInspectionPlanInput): Promise<InspectionPlan> {
    return this.service.revise(ctx, data);
  }

  @Mutation(() => InspectionPlan, { description: '删除检查计划企业。Removes an enterprise from a draft plan; answers the plan with its figures recomputed.' })
  @RequirePermission(PlanPermission.Manage)
  removeInspectionPlanEntry(@Ctx() ctx: RequestContext, @Arg('input', () => RemoveInspectionPlanEntryInput, input) data: RemoveInspectionPlanEntryInput): Promise<InspectionPlan> {
    return this.entryService.remove(ctx, data);
  }
}

@Resolver(() => InspectionPlanEntry)
export class InspectionPlanEntryResolver {
  private readonly service = new InspectionPlanEntryService();

  @FieldResolver(() => InspectionPlan, { nullable: true, description: '计划。The plan (read with the entry, so null only for one that no longer exists).' })
  @ReadsColumns('planId')
  @ReadsRelation(InspectionPlanReference, 'planId')
  plan(@Ctx() ctx: RequestContext, @Root() e: InspectionPlanEntry): Promise<InspectionPlan | null> {
    return InspectionPlanReference.byId(ctx).load(e.planId);
  }

  @FieldResolver(() => Organization, { nullable: true, description: '企业。The enterprise; null when you may not read it.' })
  @ReadsColumns('enterpriseId')
  @ReadsRelation(OrganizationReference, 'enterpriseId')
  enterprise(@Ctx() ctx: RequestContext, @Root() e: InspectionPlanEntry): Promise<Organization | null> {
    return organizationById(ctx).load(e.enterpriseId);
  }

  @Mutation(() => InspectionPlanEntry, { description: '修改检查计划企业。Moves an enterprise of a draft plan between key and ordinary (with a reason when away from the derived class) and sets its planned inspections and months, at most its class\'s yearly cap (rule frequencyCap); needs the entry\'s version.' })
  @RequirePermission(PlanPermission.Manage)
  updateInspectionPlanEntry(@Ctx() ctx: RequestContext, @Arg('input', () => UpdateInspectionPlanEntryInput, input) data: UpdateInspectionPlanEntryInput): Promise<InspectionPlanEntry> {
    return this.service.update(ctx, data);
  }
}
