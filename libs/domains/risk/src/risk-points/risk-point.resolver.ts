import { Arg, Args, Ctx, FieldResolver, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { ArchiveInput, Connection, GeoPoint, ReadsColumns, ReadsRelation, RequirePermission, UUIDScalar, records, selectsField, type ConnectionResult, type RequestContext } from '@platform/core';
import { DirectoryPermission, Organization, OrganizationReference, Person, PersonReference, organizationById, personById } from '@platform/directory';
import { ControlMeasure, RiskPoint } from './risk-point.entity';
import { CreateRiskPointInput, RiskPointListArgs, UpdateRiskPointInput } from './risk-point.inputs';
import { RiskPointService } from './risk-point.service';
import { controlMeasures } from './risk-point.loaders';
import { RiskPoints } from '../risk.entities';
import { RiskPermission } from '../permissions';

export const RiskPointConnection = Connection(RiskPoint, '风险点');
const input = { description: '输入。The fields of the request.' };

@Resolver(() => RiskPoint)
export class RiskPointResolver {
  private readonly service = new RiskPointService();

  @Query(() => RiskPoint, { nullable: true, description: '风险点详情。One risk point by id; null when there is none in your scope.' })
  @RequirePermission(RiskPermission.RiskPointRead)
  riskPoint(@Ctx() ctx: RequestContext, @Arg('id', () => UUIDScalar, { description: '标识。Risk point id.' }) id: string): Promise<RiskPoint | null> {
    return records(ctx, RiskPoints).one(id);
  }

  @Query(() => RiskPointConnection, { description: '风险点列表。Active risk points in your scope, red first; filter by colour, category, subtree or overdue review.' })
  @RequirePermission(RiskPermission.RiskPointRead)
  riskPoints(@Ctx() ctx: RequestContext, @Args(() => RiskPointListArgs) args: RiskPointListArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<RiskPoint>> {
    return this.service.list(ctx, args, selectsField(info, 'totalCount'));
  }

  @Mutation(() => RiskPoint, { description: '新建风险点。Registers an assessed risk point with its control measures.' })
  @RequirePermission(RiskPermission.RiskPointWrite)
  createRiskPoint(@Ctx() ctx: RequestContext, @Arg('input', () => CreateRiskPointInput, input) data: CreateRiskPointInput): Promise<RiskPoint> {
    return this.service.create(ctx, data);
  }

  @Mutation(() => RiskPoint, { description: '修改风险点。Re-grades or changes a risk point; given measures replace the old ones.' })
  @RequirePermission(RiskPermission.RiskPointWrite)
  updateRiskPoint(@Ctx() ctx: RequestContext, @Arg('input', () => UpdateRiskPointInput, input) data: UpdateRiskPointInput): Promise<RiskPoint> {
    return this.service.update(ctx, data);
  }

  @Mutation(() => RiskPoint, { description: '归档风险点。Archives a risk point that no longer exists; records are kept.' })
  @RequirePermission(RiskPermission.RiskPointWrite)
  archiveRiskPoint(@Ctx() ctx: RequestContext, @Arg('input', () => ArchiveInput, input) data: ArchiveInput): Promise<RiskPoint> {
    return this.service.archive(ctx, data);
  }

  @FieldResolver(() => GeoPoint, { nullable: true, description: '位置。Where the point is (WGS 84), with GeoJSON for maps.' })
  location(@Root() r: RiskPoint): GeoPoint | null {
    return GeoPoint.of(r.longitude, r.latitude);
  }

  @FieldResolver(() => [ControlMeasure], { description: '管控措施。The control measures (at most 30).' })
  measures(@Ctx() ctx: RequestContext, @Root() r: RiskPoint): Promise<ControlMeasure[]> {
    return controlMeasures(ctx).load(r.id);
  }

  @FieldResolver(() => Organization, { nullable: true, description: '所属单位。The responsible organization; null when you may not read it.' })
  @ReadsRelation(OrganizationReference, 'organizationId')
  organization(@Ctx() ctx: RequestContext, @Root() r: RiskPoint): Promise<Organization | null> {
    return organizationById(ctx).load(r.organizationId);
  }

  @FieldResolver(() => Person, {
    nullable: true,
    description: '监测责任人。The person who watches the point (群测群防), phone and ID number masked as everywhere (needs directory.person:read); null when none is named or the person is outside your scope.',
  })
  @RequirePermission(DirectoryPermission.PersonRead)
  @ReadsColumns('monitorPersonId')
  @ReadsRelation(PersonReference, 'monitorPersonId')
  monitorPerson(@Ctx() ctx: RequestContext, @Root() r: RiskPoint): Promise<Person | null> | null {
    return r.monitorPersonId ? personById(ctx).load(r.monitorPersonId) : null;
  }
}

@Resolver(() => ControlMeasure)
export class ControlMeasureResolver {
  @FieldResolver(() => Person, { nullable: true, description: '责任人。The person who carries out the measure (needs directory.person:read); null when none is named or the person is outside your scope.' })
  @RequirePermission(DirectoryPermission.PersonRead)
  @ReadsColumns('ownerPersonId')
  @ReadsRelation(PersonReference, 'ownerPersonId')
  owner(@Ctx() ctx: RequestContext, @Root() m: ControlMeasure): Promise<Person | null> | null {
    return m.ownerPersonId ? personById(ctx).load(m.ownerPersonId) : null;
  }
}
