import { Arg, Args, Ctx, FieldResolver, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { Connection, ReadsColumns, ReadsRelation, RequirePermission, UUIDScalar, defineReference, selectedProperties, selectsField, type ConnectionResult, type RequestContext } from '@platform/core';
import { Organization, OrganizationReference, Person, PersonReference, organizationById, personById } from '@platform/directory';
import { Warning, WarningReference, warningById } from '@domains/warnings';
import { PublicityActivity } from './publicity-activity.entity';
import { EvacuationCommendation } from './evacuation-commendation.entity';
import { PublicityPermission } from './publicity.permissions';
import { PublicityCoverageRow } from './publicity.types';
import { PublicityCoverageOrder } from './publicity.orders';
import { coveragePage } from './publicity.sql';
import {
  CommendationListArgs,
  PublicityActivityListArgs,
  PublicityCoverageArgs,
  RecordEvacuationCommendationInput,
  RecordPublicityActivityInput,
  RemovePublicityActivityInput,
  UpdatePublicityActivityInput,
} from './publicity.inputs';
import { ACTIVITY_KEY_PROPERTIES, COMMENDATION_KEY_PROPERTIES, PublicityService } from './publicity.service';
import { PublicityActivities } from './publicity.entities';

export const PublicityActivityConnection = Connection(PublicityActivity, '安全宣传活动');
export const EvacuationCommendationConnection = Connection(EvacuationCommendation, '预警转移表扬');
export const PublicityCoverageRowConnection = Connection(PublicityCoverageRow, '五进覆盖行');
/** Activities by id, within the caller's read scope. */
export const PublicityActivityReference = defineReference(PublicityActivities, 'reporting.publicityActivity.byId');
const input = { description: '输入。The fields of the request.' };
const NODE = ['edges', 'node'] as const;
const SELF = [] as const;

@Resolver(() => PublicityActivity)
export class PublicityActivityResolver {
  private readonly service = new PublicityService();

  @Query(() => PublicityActivity, { nullable: true, description: '宣传活动详情。One publicity activity by id; null when there is none in your scope.' })
  @RequirePermission(PublicityPermission.Read)
  publicityActivity(@Ctx() ctx: RequestContext, @Arg('id', () => UUIDScalar, { description: '标识。Activity id.' }) id: string, @Info() info: GraphQLResolveInfo): Promise<PublicityActivity | null> {
    return this.service.activityById(ctx, id, selectedProperties(ctx.manager, PublicityActivity, info, SELF));
  }

  @Query(() => PublicityActivityConnection, { description: '宣传活动。Publicity activities held in your scope (removed ones only in a change feed), latest first; filter by kind, 五进 target, organization subtree and days.' })
  @RequirePermission(PublicityPermission.Read)
  publicityActivities(@Ctx() ctx: RequestContext, @Args(() => PublicityActivityListArgs) args: PublicityActivityListArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<PublicityActivity>> {
    return this.service.activities(ctx, args, selectsField(info, 'totalCount'), selectedProperties(ctx.manager, PublicityActivity, info, NODE, ACTIVITY_KEY_PROPERTIES));
  }

  @Query(() => PublicityCoverageRowConnection, { description: '五进覆盖矩阵。The villages and communities in your scope by name, each with the year\'s activities and audience per 宣传五进 target (held at it or anywhere in it) and the targets without any (gaps); filter rows with gaps.' })
  @RequirePermission(PublicityPermission.Read)
  publicityCoverage(@Ctx() ctx: RequestContext, @Args(() => PublicityCoverageArgs) args: PublicityCoverageArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<PublicityCoverageRow>> {
    return coveragePage(ctx, args.year, args.filter?.withGaps, args, selectsField(info, 'totalCount'), PublicityCoverageOrder.keys(args.orderBy));
  }

  @FieldResolver(() => Organization, { nullable: true, description: '举办单位。Where it was held; null when you may not read organizations there.' })
  @ReadsColumns('organizationId')
  @ReadsRelation(OrganizationReference, 'organizationId')
  organization(@Ctx() ctx: RequestContext, @Root() a: PublicityActivity): Promise<Organization | null> {
    return organizationById(ctx).load(a.organizationId);
  }

  @Mutation(() => PublicityActivity, { description: '登记宣传活动。Records an activity held at an organization in your scope; campaign kinds in their period (rule calendar), FIVE_INTO with a target.' })
  @RequirePermission(PublicityPermission.Manage)
  recordPublicityActivity(@Ctx() ctx: RequestContext, @Arg('input', () => RecordPublicityActivityInput, input) data: RecordPublicityActivityInput): Promise<PublicityActivity> {
    return this.service.recordActivity(ctx, data);
  }

  @Mutation(() => PublicityActivity, { description: '更正宣传活动。Corrects an activity that is not removed.' })
  @RequirePermission(PublicityPermission.Manage)
  updatePublicityActivity(@Ctx() ctx: RequestContext, @Arg('input', () => UpdatePublicityActivityInput, input) data: UpdatePublicityActivityInput): Promise<PublicityActivity> {
    return this.service.updateActivity(ctx, data);
  }

  @Mutation(() => PublicityActivity, { description: '删除宣传活动。Removes an activity recorded by mistake: kept for the audit, no longer listed or counted.' })
  @RequirePermission(PublicityPermission.Manage)
  removePublicityActivity(@Ctx() ctx: RequestContext, @Arg('input', () => RemovePublicityActivityInput, input) data: RemovePublicityActivityInput): Promise<PublicityActivity> {
    return this.service.removeActivity(ctx, data);
  }
}

@Resolver(() => PublicityCoverageRow)
export class PublicityCoverageRowResolver {
  @FieldResolver(() => Organization, { nullable: true, description: '村社区。The village or community; null when you may not read organizations there.' })
  organization(@Ctx() ctx: RequestContext, @Root() r: PublicityCoverageRow): Promise<Organization | null> {
    return organizationById(ctx).load(r.organizationId);
  }
}

@Resolver(() => EvacuationCommendation)
export class EvacuationCommendationResolver {
  private readonly service = new PublicityService();

  @Query(() => EvacuationCommendation, { nullable: true, description: '预警转移表扬详情。One commendation by id; null when there is none in your scope.' })
  @RequirePermission(PublicityPermission.Read)
  evacuationCommendation(@Ctx() ctx: RequestContext, @Arg('id', () => UUIDScalar, { description: '标识。Commendation id.' }) id: string, @Info() info: GraphQLResolveInfo): Promise<EvacuationCommendation | null> {
    return this.service.commendationById(ctx, id, selectedProperties(ctx.manager, EvacuationCommendation, info, SELF));
  }

  @Query(() => EvacuationCommendationConnection, { description: '预警转移表扬。Commendations for successful early-warning evacuations of organizations in your scope, latest first; filter by warning and organization.' })
  @RequirePermission(PublicityPermission.Read)
  evacuationCommendations(@Ctx() ctx: RequestContext, @Args(() => CommendationListArgs) args: CommendationListArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<EvacuationCommendation>> {
    return this.service.commendations(ctx, args, selectsField(info, 'totalCount'), selectedProperties(ctx.manager, EvacuationCommendation, info, NODE, COMMENDATION_KEY_PROPERTIES));
  }

  @FieldResolver(() => Warning, { nullable: true, description: '预警。The warning the evacuation answered; null when you may not read it.' })
  @ReadsColumns('warningId')
  @ReadsRelation(WarningReference, 'warningId')
  warning(@Ctx() ctx: RequestContext, @Root() c: EvacuationCommendation): Promise<Warning | null> {
    return warningById(ctx).load(c.warningId);
  }

  @FieldResolver(() => Organization, { nullable: true, description: '受表扬单位。The organization commended; null when you may not read organizations there.' })
  @ReadsColumns('organizationId')
  @ReadsRelation(OrganizationReference, 'organizationId')
  organization(@Ctx() ctx: RequestContext, @Root() c: EvacuationCommendation): Promise<Organization | null> {
    return organizationById(ctx).load(c.organizationId);
  }

  @FieldResolver(() => Person, { nullable: true, description: '受表扬人员。The person commended; null when the organization is, or when you may not read persons there.' })
  @ReadsColumns('personId')
  @ReadsRelation(PersonReference, 'personId')
  person(@Ctx() ctx: RequestContext, @Root() c: EvacuationCommendation): Promise<Person | null> {
    return c.personId ? personById(ctx).load(c.personId) : Promise.resolve(null);
  }

  @Mutation(() => EvacuationCommendation, { description: '登记预警转移表扬。Records a commendation for a successful early-warning evacuation, linked to the warning; dated not before the warning was sent (rule beforeWarning).' })
  @RequirePermission(PublicityPermission.Manage)
  recordEvacuationCommendation(@Ctx() ctx: RequestContext, @Arg('input', () => RecordEvacuationCommendationInput, input) data: RecordEvacuationCommendationInput): Promise<EvacuationCommendation> {
    return this.service.recordCommendation(ctx, data);
  }
}
