import { Arg, Args, Ctx, FieldResolver, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { Connection, PageArgs, ReadsColumns, ReadsRelation, RequirePermission, UUIDScalar, selectsField, type ConnectionResult, type RequestContext } from '@platform/core';
import { Organization, OrganizationReference, Person, PersonReference, organizationById, personById } from '@platform/directory';
import { Hazard, HazardReference, hazardById } from '@domains/risk';
import { Drill, DrillProblem } from './drill.entity';
import { EmergencyPlan } from './emergency-plan.entity';
import { CompleteDrillProblemInput, DrillListArgs, RecordDrillInput, UpdateDrillInput } from './drill.inputs';
import { DrillService } from './drill.service';
import { DrillProblemsFound, DrillReference, PlanReference, drillById, planById } from './plans.loaders';
import { PreparednessPermission } from '../permissions';

export const DrillConnection = Connection(Drill, '应急演练');
export const DrillProblemConnection = Connection(DrillProblem, '演练发现问题');
const input = { description: '输入。The fields of the request.' };

@Resolver(() => Drill)
export class DrillResolver {
  private readonly service = new DrillService();

  @Query(() => Drill, { nullable: true, description: '演练详情。One drill by id; null when there is none in your scope.' })
  @RequirePermission(PreparednessPermission.PlanRead)
  drill(@Ctx() ctx: RequestContext, @Arg('id', () => UUIDScalar, { description: '标识。Drill id.' }) id: string): Promise<Drill | null> {
    return this.service.byId(ctx, id);
  }

  @Query(() => DrillConnection, { description: '演练列表。Drills in your scope, latest held first; filter by subtree, forms, days or plan.' })
  @RequirePermission(PreparednessPermission.PlanRead)
  drills(@Ctx() ctx: RequestContext, @Args(() => DrillListArgs) args: DrillListArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<Drill>> {
    return this.service.list(ctx, args, selectsField(info, 'totalCount'));
  }

  @Mutation(() => Drill, { description: '记录演练。Records a drill held by an organization in your scope with the problems it found (tasks, hazards reported with source DRILL); all or nothing.' })
  @RequirePermission(PreparednessPermission.PlanWrite)
  recordDrill(@Ctx() ctx: RequestContext, @Arg('input', () => RecordDrillInput, input) data: RecordDrillInput): Promise<Drill> {
    return this.service.record(ctx, data);
  }

  @Mutation(() => Drill, { description: '修改演练。Changes a drill\'s details; needs the version you read (a stale one is refused with CONFLICT).' })
  @RequirePermission(PreparednessPermission.PlanWrite)
  updateDrill(@Ctx() ctx: RequestContext, @Arg('input', () => UpdateDrillInput, input) data: UpdateDrillInput): Promise<Drill> {
    return this.service.update(ctx, data);
  }

  @Mutation(() => DrillProblem, { description: '完成整改任务。Marks a drill problem\'s open follow-up task done on a day; needs the version you read.' })
  @RequirePermission(PreparednessPermission.PlanWrite)
  completeDrillProblem(@Ctx() ctx: RequestContext, @Arg('input', () => CompleteDrillProblemInput, input) data: CompleteDrillProblemInput): Promise<DrillProblem> {
    return this.service.completeProblem(ctx, data);
  }

  @FieldResolver(() => EmergencyPlan, { nullable: true, description: '演练预案。The plan drilled; null when none or you may not read it.' })
  @ReadsRelation(PlanReference, 'planId')
  plan(@Ctx() ctx: RequestContext, @Root() d: Drill): Promise<EmergencyPlan | null> | null {
    return d.planId ? planById(ctx).load(d.planId) : null;
  }

  @FieldResolver(() => Organization, { nullable: true, description: '组织单位。The organization that held it; null when you may not read organizations there.' })
  @ReadsRelation(OrganizationReference, 'organizationId')
  organization(@Ctx() ctx: RequestContext, @Root() d: Drill): Promise<Organization | null> {
    return organizationById(ctx).load(d.organizationId);
  }

  @FieldResolver(() => DrillProblemConnection, { description: '发现问题。The problems the drill found, in the order recorded.' })
  @ReadsRelation(DrillProblemsFound)
  problems(@Ctx() ctx: RequestContext, @Root() d: Drill, @Args(() => PageArgs) page: PageArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<DrillProblem>> {
    return DrillProblemsFound.load(ctx, d.id, page, info);
  }
}

@Resolver(() => DrillProblem)
export class DrillProblemResolver {
  @FieldResolver(() => Person, { nullable: true, description: '责任人。Owner of the follow-up task; null when none or you may not read the person.' })
  @ReadsRelation(PersonReference, 'ownerPersonId')
  owner(@Ctx() ctx: RequestContext, @Root() p: DrillProblem): Promise<Person | null> | null {
    return p.ownerPersonId ? personById(ctx).load(p.ownerPersonId) : null;
  }

  @FieldResolver(() => Hazard, { nullable: true, description: '隐患。The hazard reported for the problem; null when none or outside your hazard read scope (risk.hazard:read).' })
  @ReadsRelation(HazardReference, 'hazardId')
  hazard(@Ctx() ctx: RequestContext, @Root() p: DrillProblem): Promise<Hazard | null> | null {
    return p.hazardId ? hazardById(ctx).load(p.hazardId) : null;
  }

  @FieldResolver(() => Drill, { nullable: true, description: '演练。The drill that found the problem (needs rescue.plan:read); null when it is outside your scope.' })
  @RequirePermission(PreparednessPermission.PlanRead)
  @ReadsColumns('drillId')
  @ReadsRelation(DrillReference, 'drillId')
  drill(@Ctx() ctx: RequestContext, @Root() p: DrillProblem): Promise<Drill | null> {
    return drillById(ctx).load(p.drillId);
  }
}
