import { Arg, Args, Ctx, FieldResolver, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { ObjectLiteral } from 'typeorm';
import {
  Attachment,
  attachmentsOf,
  BusinessRuleVersion,
  BusinessRuleVersionReference,
  Connection,
  Node,
  PageArgs,
  ReadsColumns,
  ReadsRelation,
  RequirePermission,
  UUIDScalar,
  nodeById,
  selectedProperties,
  selectsField,
  type ConnectionResult,
  type RequestContext,
} from '@platform/core';
import { Organization, OrganizationReference, Person, PersonReference, organizationById, personById } from '@platform/directory';
import { Actor, actorOf, type ActorRecord } from '@platform/access';
import { Problem, ProblemReview, ProblemUpdate } from './problem.entity';
import { ProblemRepeatFigure } from './problem.types';
import type { RepeatFigure } from './problem.orders';
import { CloseProblemInput, ProblemListArgs, ProblemReviewListArgs, RecordProblemInput, RecordProblemReviewInput, RepeatFigureArgs, ReportProblemRectificationInput, VerifyProblemEffectivenessInput } from './problem.inputs';
import { PROBLEM_KEY_PROPERTIES, PROBLEM_REVIEW_KEY_PROPERTIES, ProblemService, problemOverdue } from './problem.service';
import { ProblemReference, ProblemReviewPages, ProblemUpdatePages, ReviewProblemPages, problemById, repeatOfId } from './problem.loaders';
import { PROBLEM_WORKFLOW } from './problem-workflow';
import { ProblemPermission } from './problems.permissions';

export const ProblemConnection = Connection(Problem, '问题清单');
export const ProblemUpdateConnection = Connection(ProblemUpdate, '问题整改记录');
export const ProblemReviewConnection = Connection(ProblemReview, '复盘');
export const ProblemRepeatFigureConnection = Connection(ProblemRepeatFigure, '重复问题统计');
const input = { description: '输入。The fields of the request.' };
/** Where a connection's nodes are in its selection. */
const NODE = ['edges', 'node'] as const;
const SELF = [] as const;


@Resolver(() => Problem)
export class ProblemResolver {
  private readonly service = new ProblemService();

  @Query(() => Problem, { nullable: true, description: '问题详情。One problem by id; null when there is none in your scope.' })
  @RequirePermission(ProblemPermission.ProblemRead)
  problem(@Ctx() ctx: RequestContext, @Arg('id', () => UUIDScalar, { description: '标识。Problem id.' }) id: string, @Info() info: GraphQLResolveInfo): Promise<Problem | null> {
    return this.service.byId(ctx, id, selectedProperties(ctx.manager, Problem, info, SELF));
  }

  @Query(() => ProblemConnection, { description: '问题清单。Problems in your scope, the most recently found first; filter by statuses, categories, source kinds, subtree, overdue and repeats.' })
  @RequirePermission(ProblemPermission.ProblemRead)
  problems(@Ctx() ctx: RequestContext, @Args(() => ProblemListArgs) args: ProblemListArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<Problem>> {
    return this.service.list(ctx, args, selectsField(info, 'totalCount'), selectedProperties(ctx.manager, Problem, info, NODE, PROBLEM_KEY_PROPERTIES));
  }

  @Query(() => ProblemRepeatFigureConnection, {
    description:
      '重复问题统计。For a period (both days included): by organization and category in your scope, the problems found and how many repeat an earlier one (same organization and category within the window of rule responsibility.problem.repeat), most repeats first. At most one figure per organization and category.',
  })
  @RequirePermission(ProblemPermission.ProblemRead)
  problemRepeatFigures(@Ctx() ctx: RequestContext, @Args(() => RepeatFigureArgs) args: RepeatFigureArgs): Promise<ConnectionResult<RepeatFigure>> {
    return this.service.repeatFigures(ctx, args);
  }

  @FieldResolver(() => Boolean, { description: '是否逾期。True when the problem is OPEN or RECTIFYING and its deadline is before today (China time).' })
  @ReadsColumns('status', 'dueOn')
  overdue(@Ctx() ctx: RequestContext, @Root() p: Problem): boolean {
    return problemOverdue(p, ctx.clock.today());
  }

  @FieldResolver(() => Boolean, { description: '是否重复问题。True when the same organization has an earlier problem of the same category found within the window before this one (12 months as seeded: one found on D counts up to D + 12 months − 1 day).' })
  @ReadsColumns('id')
  async isRepeat(@Ctx() ctx: RequestContext, @Root() p: Problem): Promise<boolean> {
    return (await repeatOfId(ctx, p.id)) !== null;
  }

  @FieldResolver(() => Problem, { nullable: true, description: '重复于。The most recent earlier problem this one repeats; null when it is no repeat.' })
  @ReadsColumns('id')
  async repeatOf(@Ctx() ctx: RequestContext, @Root() p: Problem): Promise<Problem | null> {
    const id = await repeatOfId(ctx, p.id);
    return id ? problemById(ctx).load(id) : null;
  }

  @FieldResolver(() => Node, { nullable: true, description: '来源记录。The record the problem came from (by `sourceNodeId`); null for an upstream finding, or when you may not read it.' })
  @ReadsColumns('sourceNodeId')
  source(@Ctx() ctx: RequestContext, @Root() p: Problem): Promise<ObjectLiteral | null> | null {
    return p.sourceNodeId ? nodeById(ctx).load(p.sourceNodeId) : null;
  }

  @FieldResolver(() => ProblemUpdateConnection, { description: '整改记录。Its timeline: rectification, closure and effectiveness checks, in the order written.' })
  @ReadsColumns('id')
  @ReadsRelation(ProblemUpdatePages)
  updates(@Ctx() ctx: RequestContext, @Root() p: Problem, @Args(() => PageArgs) page: PageArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<ProblemUpdate>> {
    return ProblemUpdatePages.load(ctx, p.id, page, info);
  }

  @FieldResolver(() => ProblemReviewConnection, { description: '相关复盘。The reviews in your scope that raised the problem, the most recent first.' })
  @ReadsColumns('id')
  @ReadsRelation(ProblemReviewPages)
  reviews(@Ctx() ctx: RequestContext, @Root() p: Problem, @Args(() => PageArgs) page: PageArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<ProblemReview>> {
    return ProblemReviewPages.load(ctx, p.id, page, info);
  }

  @FieldResolver(() => Organization, { nullable: true, description: '问题所属单位。The organization it was found in; null when you may not read it.' })
  @ReadsColumns('organizationId')
  @ReadsRelation(OrganizationReference, 'organizationId')
  organization(@Ctx() ctx: RequestContext, @Root() p: Problem): Promise<Organization | null> {
    return organizationById(ctx).load(p.organizationId);
  }

  @FieldResolver(() => Organization, { nullable: true, description: '整改责任单位。The organization that owns the rectification; null when you may not read it.' })
  @ReadsColumns('ownerOrganizationId')
  @ReadsRelation(OrganizationReference, 'ownerOrganizationId')
  ownerOrganization(@Ctx() ctx: RequestContext, @Root() p: Problem): Promise<Organization | null> {
    return organizationById(ctx).load(p.ownerOrganizationId);
  }

  @FieldResolver(() => Actor, { nullable: true, description: '销号人。The user or API client who closed it; null before closure, for the system, or when you may not read that account (access.user:read) or client (access.api-client:read).' })
  @ReadsColumns('closedById', 'closedByKind')
  closedBy(@Ctx() ctx: RequestContext, @Root() p: Problem): Promise<ActorRecord | null> | null {
    return p.closedByKind ? actorOf(ctx, p.closedByKind, p.closedById) : null;
  }

  @FieldResolver(() => Actor, { nullable: true, description: '验证人。The user or API client who made the latest effectiveness check; null before one, or when you may not read that account or client.' })
  @ReadsColumns('checkedById', 'checkedByKind')
  checkedBy(@Ctx() ctx: RequestContext, @Root() p: Problem): Promise<ActorRecord | null> | null {
    return p.checkedByKind ? actorOf(ctx, p.checkedByKind, p.checkedById) : null;
  }

  @FieldResolver(() => BusinessRuleVersion, { nullable: true, description: '成效验证规则版本。The version of responsibility.problem.effectiveness applied at closure; null before closure or when you may not read business rules.' })
  @ReadsColumns('effectivenessRuleVersionId')
  effectivenessRuleVersion(@Ctx() ctx: RequestContext, @Root() p: Problem): Promise<BusinessRuleVersion | null> {
    return p.effectivenessRuleVersionId ? BusinessRuleVersionReference.byId(ctx).load(p.effectivenessRuleVersionId) : Promise.resolve(null);
  }

  @FieldResolver(() => BusinessRuleVersion, { nullable: true, description: '重复判定规则版本。The version of responsibility.problem.repeat the problem keeps; null when you may not read business rules.' })
  @ReadsColumns('repeatRuleVersionId')
  repeatRuleVersion(@Ctx() ctx: RequestContext, @Root() p: Problem): Promise<BusinessRuleVersion | null> {
    return BusinessRuleVersionReference.byId(ctx).load(p.repeatRuleVersionId);
  }

  @FieldResolver(() => Person, { nullable: true, description: '整改责任人。The official responsible; null when none is named or you may not read persons there.' })
  @ReadsColumns('ownerPersonId')
  @ReadsRelation(PersonReference, 'ownerPersonId')
  owner(@Ctx() ctx: RequestContext, @Root() p: Problem): Promise<Person | null> {
    return p.ownerPersonId ? personById(ctx).load(p.ownerPersonId) : Promise.resolve(null);
  }

  @Mutation(() => Problem, { description: '登记问题。Records a problem found in an organization of your scope, from a record you may read (by global id) or an upstream finding (by reference); it keeps the repeat rule version in force today.' })
  @RequirePermission(ProblemPermission.ProblemManage)
  recordProblem(@Ctx() ctx: RequestContext, @Arg('input', () => RecordProblemInput, input) data: RecordProblemInput): Promise<Problem> {
    return this.service.record(ctx, data);
  }

  @Mutation(() => Problem, { description: '报告整改。Reports rectification of an OPEN or RECTIFYING problem (a timeline entry); OPEN becomes RECTIFYING.' })
  @RequirePermission(PROBLEM_WORKFLOW.permissionOf('rectify'))
  reportProblemRectification(@Ctx() ctx: RequestContext, @Arg('input', () => ReportProblemRectificationInput, input) data: ReportProblemRectificationInput): Promise<Problem> {
    return this.service.rectify(ctx, data);
  }

  @Mutation(() => Problem, { description: '销号。Closes an OPEN or RECTIFYING problem with the criteria of its effectiveness check and the day it is due (default by rule responsibility.problem.effectiveness, in working days).' })
  @RequirePermission(PROBLEM_WORKFLOW.permissionOf('close'))
  closeProblem(@Ctx() ctx: RequestContext, @Arg('input', () => CloseProblemInput, input) data: CloseProblemInput): Promise<Problem> {
    return this.service.close(ctx, data);
  }

  @Mutation(() => Problem, { description: '整改成效验证。Checks a CLOSED problem against its criteria, by someone other than who closed it: EFFECTIVE, or INEFFECTIVE which reopens it to RECTIFYING.' })
  @RequirePermission(PROBLEM_WORKFLOW.permissionOf('confirmEffective'))
  verifyProblemEffectiveness(@Ctx() ctx: RequestContext, @Arg('input', () => VerifyProblemEffectivenessInput, input) data: VerifyProblemEffectivenessInput): Promise<Problem> {
    return this.service.verify(ctx, data);
  }
}

@Resolver(() => ProblemUpdate)
export class ProblemUpdateResolver {
  @FieldResolver(() => [Attachment], { description: '佐证材料。Files attached to the entry as evidence (at most 20).' })
  @ReadsColumns('id')
  attachments(@Ctx() ctx: RequestContext, @Root() u: ProblemUpdate): Promise<Attachment[]> {
    return attachmentsOf(ctx, 'ProblemUpdate').load(u.id);
  }

  @FieldResolver(() => Problem, { nullable: true, description: '问题。The problem (read with the entry, so null only for one that no longer exists).' })
  @ReadsColumns('problemId')
  @ReadsRelation(ProblemReference, 'problemId')
  problem(@Ctx() ctx: RequestContext, @Root() u: ProblemUpdate): Promise<Problem | null> {
    return problemById(ctx).load(u.problemId);
  }
}

@Resolver(() => ProblemReview)
export class ProblemReviewResolver {
  private readonly service = new ProblemService();

  @Query(() => ProblemReview, { nullable: true, description: '复盘详情。One post-event review by id; null when there is none in your scope.' })
  @RequirePermission(ProblemPermission.ProblemRead)
  problemReview(@Ctx() ctx: RequestContext, @Arg('id', () => UUIDScalar, { description: '标识。Review id.' }) id: string, @Info() info: GraphQLResolveInfo): Promise<ProblemReview | null> {
    return this.service.reviewById(ctx, id, selectedProperties(ctx.manager, ProblemReview, info, SELF));
  }

  @Query(() => ProblemReviewConnection, { description: '复盘。Post-event reviews in your scope, the most recent first; filter by subtree and period.' })
  @RequirePermission(ProblemPermission.ProblemRead)
  problemReviews(@Ctx() ctx: RequestContext, @Args(() => ProblemReviewListArgs) args: ProblemReviewListArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<ProblemReview>> {
    return this.service.reviews(ctx, args, selectsField(info, 'totalCount'), selectedProperties(ctx.manager, ProblemReview, info, NODE, PROBLEM_REVIEW_KEY_PROPERTIES));
  }

  @FieldResolver(() => ProblemConnection, { description: '提出的问题。The problems in your scope the review raised, the most recently found first.' })
  @ReadsColumns('id')
  @ReadsRelation(ReviewProblemPages)
  problems(@Ctx() ctx: RequestContext, @Root() r: ProblemReview, @Args(() => PageArgs) page: PageArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<Problem>> {
    return ReviewProblemPages.load(ctx, r.id, page, info, selectedProperties(ctx.manager, Problem, info, NODE, PROBLEM_KEY_PROPERTIES));
  }

  @FieldResolver(() => Node, { nullable: true, description: '复盘对象。What was reviewed (by `subjectNodeId`); null when none is named or you may not read it.' })
  @ReadsColumns('subjectNodeId')
  subject(@Ctx() ctx: RequestContext, @Root() r: ProblemReview): Promise<ObjectLiteral | null> | null {
    return r.subjectNodeId ? nodeById(ctx).load(r.subjectNodeId) : null;
  }

  @FieldResolver(() => Organization, { nullable: true, description: '组织单位。The organization that held the review; null when you may not read it.' })
  @ReadsColumns('organizationId')
  @ReadsRelation(OrganizationReference, 'organizationId')
  organization(@Ctx() ctx: RequestContext, @Root() r: ProblemReview): Promise<Organization | null> {
    return organizationById(ctx).load(r.organizationId);
  }

  @Mutation(() => ProblemReview, { description: '登记复盘。Records a post-event review held by an organization of your scope, with its subject (by global id, which you must be able to read), findings, lessons and the problems it raised.' })
  @RequirePermission(ProblemPermission.ProblemManage)
  recordProblemReview(@Ctx() ctx: RequestContext, @Arg('input', () => RecordProblemReviewInput, input) data: RecordProblemReviewInput): Promise<ProblemReview> {
    return this.service.recordReview(ctx, data);
  }
}

@Resolver(() => ProblemRepeatFigure)
export class ProblemRepeatFigureResolver {
  @FieldResolver(() => Organization, { nullable: true, description: '单位。The organization; null when you may not read it.' })
  organization(@Ctx() ctx: RequestContext, @Root() f: ProblemRepeatFigure): Promise<Organization | null> {
    return organizationById(ctx).load(f.organizationId);
  }
}
