import { Arg, Args, Ctx, FieldResolver, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { Connection, PageArgs, ReadsRelation, RequirePermission, UUIDScalar, records, selectsField, type ConnectionResult, type RequestContext } from '@platform/core';
import { Organization, OrganizationReference, Person, PersonReference, organizationById, personById } from '@platform/directory';
import { ExpertVisit } from './expert-visit.entity';
import { ExpertVisitListArgs, RecordExpertVisitInput } from './expert-visit.inputs';
import { ExpertVisitService } from './expert-visit.service';
import { ExpertVisitHazards } from './expert-visit.loaders';
import { Hazard } from '../hazards/hazard.entity';
import { HazardConnection } from '../hazards/hazard.resolver';
import { ExpertVisits } from '../risk.entities';
import { RiskPermission } from '../permissions';

export const ExpertVisitConnection = Connection(ExpertVisit, '专家指导记录');
const input = { description: '输入。The fields of the request.' };

@Resolver(() => ExpertVisit)
export class ExpertVisitResolver {
  private readonly service = new ExpertVisitService();

  @Query(() => ExpertVisit, { nullable: true, description: '专家指导详情。One expert visit by id; null when there is none at an enterprise in your hazard scope.' })
  @RequirePermission(RiskPermission.HazardRead)
  expertVisit(@Ctx() ctx: RequestContext, @Arg('id', () => UUIDScalar, { description: '标识。Expert visit id.' }) id: string): Promise<ExpertVisit | null> {
    return records(ctx, ExpertVisits).one(id);
  }

  @Query(() => ExpertVisitConnection, { description: '专家指导列表。Expert visits to enterprises in your hazard scope, newest first; filter by subtree and period.' })
  @RequirePermission(RiskPermission.HazardRead)
  expertVisits(@Ctx() ctx: RequestContext, @Args(() => ExpertVisitListArgs) args: ExpertVisitListArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<ExpertVisit>> {
    return this.service.list(ctx, args, selectsField(info, 'totalCount'));
  }

  @Mutation(() => ExpertVisit, { description: '记录专家指导。Records an expert visit to an enterprise and reports the hazards it raised (source EXPERT_VISIT), all or nothing.' })
  @RequirePermission(RiskPermission.ExpertVisitWrite)
  recordExpertVisit(@Ctx() ctx: RequestContext, @Arg('input', () => RecordExpertVisitInput, input) data: RecordExpertVisitInput): Promise<ExpertVisit> {
    return this.service.record(ctx, data);
  }

  @FieldResolver(() => Organization, { nullable: true, description: '受检企业。The enterprise visited; null when you may not read organizations there.' })
  @ReadsRelation(OrganizationReference, 'organizationId')
  organization(@Ctx() ctx: RequestContext, @Root() v: ExpertVisit): Promise<Organization | null> {
    return organizationById(ctx).load(v.organizationId);
  }

  @FieldResolver(() => Person, { nullable: true, description: '专家。The expert in the person directory; null when not registered or when you may not read persons there.' })
  @ReadsRelation(PersonReference, 'expertPersonId')
  expert(@Ctx() ctx: RequestContext, @Root() v: ExpertVisit): Promise<Person | null> | null {
    return v.expertPersonId ? personById(ctx).load(v.expertPersonId) : null;
  }

  @FieldResolver(() => HazardConnection, { description: '发现隐患。Hazards the visit raised that you may read, newest found first.' })
  @ReadsRelation(ExpertVisitHazards)
  hazards(@Ctx() ctx: RequestContext, @Root() v: ExpertVisit, @Args(() => PageArgs) page: PageArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<Hazard>> {
    return ExpertVisitHazards.load(ctx, v.id, page, info);
  }
}
