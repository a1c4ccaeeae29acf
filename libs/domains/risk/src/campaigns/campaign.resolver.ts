import { Arg, Args, Ctx, FieldResolver, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { Connection, PageArgs, ReadsColumns, ReadsRelation, RequirePermission, UUIDScalar, records, selectsField, type ConnectionResult, type RequestContext } from '@platform/core';
import { Organization, OrganizationReference, organizationById } from '@platform/directory';
import { Campaign, CampaignTarget } from './campaign.entity';
import { CampaignProgress } from './campaign.types';
import { AddCampaignTargetsArgs, CampaignListArgs, CreateCampaignInput, LinkCampaignHazardsArgs, UpdateCampaignInput } from './campaign.inputs';
import { CampaignService } from './campaign.service';
import { CampaignHazards, CampaignReference, CampaignTargetPages, campaignById, campaignProgress } from './campaign.loaders';
import { Hazard } from '../hazards/hazard.entity';
import { HazardConnection } from '../hazards/hazard.resolver';
import { Campaigns } from '../risk.entities';
import { RiskPermission } from '../permissions';

export const CampaignConnection = Connection(Campaign, '专项整治');
export const CampaignTargetConnection = Connection(CampaignTarget, '整治对象');
const input = { description: '输入。The fields of the request.' };

@Resolver(() => Campaign)
export class CampaignResolver {
  private readonly service = new CampaignService();

  @Query(() => Campaign, { nullable: true, description: '专项整治详情。One campaign by id (archived ones too); null when there is none.' })
  @RequirePermission(RiskPermission.HazardRead)
  campaign(@Ctx() ctx: RequestContext, @Arg('id', () => UUIDScalar, { description: '标识。Campaign id.' }) id: string): Promise<Campaign | null> {
    return records(ctx, Campaigns).one(id);
  }

  @Query(() => CampaignConnection, { description: '专项整治列表。Current campaigns, latest start first; filter by a day they run on.' })
  @RequirePermission(RiskPermission.HazardRead)
  campaigns(@Ctx() ctx: RequestContext, @Args(() => CampaignListArgs) args: CampaignListArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<Campaign>> {
    return this.service.list(ctx, args, selectsField(info, 'totalCount'));
  }

  @Mutation(() => Campaign, { description: '发起专项整治。Starts a campaign for a sector (or all) over a period.' })
  @RequirePermission(RiskPermission.CampaignWrite)
  createCampaign(@Ctx() ctx: RequestContext, @Arg('input', () => CreateCampaignInput, input) data: CreateCampaignInput): Promise<Campaign> {
    return this.service.create(ctx, data);
  }

  @Mutation(() => Campaign, { description: '修改专项整治。Changes a campaign; needs the version you read (a stale one is refused with CONFLICT).' })
  @RequirePermission(RiskPermission.CampaignWrite)
  updateCampaign(@Ctx() ctx: RequestContext, @Arg('input', () => UpdateCampaignInput, input) data: UpdateCampaignInput): Promise<Campaign> {
    return this.service.update(ctx, data);
  }

  @Mutation(() => Campaign, { description: '添加整治对象。Adds organizations to a campaign\'s targets; the campaign itself and its version are not changed.' })
  @RequirePermission(RiskPermission.CampaignWrite)
  addCampaignTargets(@Ctx() ctx: RequestContext, @Args(() => AddCampaignTargetsArgs) args: AddCampaignTargetsArgs): Promise<Campaign> {
    return this.service.addTargets(ctx, args);
  }

  @Mutation(() => Campaign, { description: '关联隐患。Links hazards you may read to a campaign, to follow their rectification; the campaign\'s version is not changed.' })
  @RequirePermission(RiskPermission.CampaignWrite)
  linkCampaignHazards(@Ctx() ctx: RequestContext, @Args(() => LinkCampaignHazardsArgs) args: LinkCampaignHazardsArgs): Promise<Campaign> {
    return this.service.linkHazards(ctx, args);
  }

  @FieldResolver(() => CampaignProgress, { description: '整治进展。Targets and linked hazards counted over your hazard scope: with hazards, closed, open, overdue, closed share.' })
  progress(@Ctx() ctx: RequestContext, @Root() c: Campaign): Promise<CampaignProgress> {
    return campaignProgress(ctx).load(c.id);
  }

  @FieldResolver(() => CampaignTargetConnection, { description: '整治对象。Targeted organizations in your hazard scope, in the order they were added.' })
  @ReadsRelation(CampaignTargetPages)
  targets(@Ctx() ctx: RequestContext, @Root() c: Campaign, @Args(() => PageArgs) page: PageArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<CampaignTarget>> {
    return CampaignTargetPages.load(ctx, c.id, page, info);
  }

  @FieldResolver(() => HazardConnection, { description: '关联隐患。Linked hazards you may read, newest found first.' })
  @ReadsRelation(CampaignHazards)
  hazards(@Ctx() ctx: RequestContext, @Root() c: Campaign, @Args(() => PageArgs) page: PageArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<Hazard>> {
    return CampaignHazards.load(ctx, c.id, page, info);
  }
}

@Resolver(() => CampaignTarget)
export class CampaignTargetResolver {
  @FieldResolver(() => Organization, { nullable: true, description: '对象单位。The organization targeted; null when you may not read organizations there.' })
  @ReadsRelation(OrganizationReference, 'organizationId')
  organization(@Ctx() ctx: RequestContext, @Root() t: CampaignTarget): Promise<Organization | null> {
    return organizationById(ctx).load(t.organizationId);
  }

  @FieldResolver(() => Campaign, { nullable: true, description: '专项整治。The campaign that targets the organization (needs risk.hazard:read; campaigns are town-wide, so it is null only for one that no longer exists).' })
  @RequirePermission(RiskPermission.HazardRead)
  @ReadsColumns('campaignId')
  @ReadsRelation(CampaignReference, 'campaignId')
  campaign(@Ctx() ctx: RequestContext, @Root() t: CampaignTarget): Promise<Campaign | null> {
    return campaignById(ctx).load(t.campaignId);
  }
}
