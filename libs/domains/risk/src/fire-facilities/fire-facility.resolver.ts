import { Arg, Args, Ctx, FieldResolver, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { ArchiveInput, Connection, GeoPoint, ReadsRelation, RequirePermission, UUIDScalar, records, selectsField, type ConnectionResult, type RequestContext } from '@platform/core';
import { Organization, OrganizationReference, organizationById } from '@platform/directory';
import { FireFacility } from './fire-facility.entity';
import { CreateFireFacilityInput, FireFacilityListArgs, RecordFireFacilityInspectionInput, UpdateFireFacilityInput } from './fire-facility.inputs';
import { FireFacilityService, inspectionOverdue } from './fire-facility.service';
import { FireFacilities } from '../risk.entities';
import { RiskPermission } from '../permissions';

export const FireFacilityConnection = Connection(FireFacility, '社区消防设施');
const input = { description: '输入。The fields of the request.' };

@Resolver(() => FireFacility)
export class FireFacilityResolver {
  private readonly service = new FireFacilityService();

  @Query(() => FireFacility, { nullable: true, description: '消防设施详情。One fire facility by id (archived ones too); null when there is none in your scope.' })
  @RequirePermission(RiskPermission.RegisterRead)
  fireFacility(@Ctx() ctx: RequestContext, @Arg('id', () => UUIDScalar, { description: '标识。Fire facility id.' }) id: string): Promise<FireFacility | null> {
    return records(ctx, FireFacilities).one(id);
  }

  @Query(() => FireFacilityConnection, { description: '消防设施列表。Registered fire facilities in your scope, by kind and description; filter by subtree, kinds, status or overdue inspection.' })
  @RequirePermission(RiskPermission.RegisterRead)
  fireFacilities(@Ctx() ctx: RequestContext, @Args(() => FireFacilityListArgs) args: FireFacilityListArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<FireFacility>> {
    return this.service.list(ctx, args, selectsField(info, 'totalCount'));
  }

  @Mutation(() => FireFacility, { description: '登记消防设施。Puts a fire facility on the register under an organization in your scope.' })
  @RequirePermission(RiskPermission.RegisterWrite)
  createFireFacility(@Ctx() ctx: RequestContext, @Arg('input', () => CreateFireFacilityInput, input) data: CreateFireFacilityInput): Promise<FireFacility> {
    return this.service.create(ctx, data);
  }

  @Mutation(() => FireFacility, { description: '修改消防设施。Changes a fire facility; needs the version you read (a stale one is refused with CONFLICT).' })
  @RequirePermission(RiskPermission.RegisterWrite)
  updateFireFacility(@Ctx() ctx: RequestContext, @Arg('input', () => UpdateFireFacilityInput, input) data: UpdateFireFacilityInput): Promise<FireFacility> {
    return this.service.update(ctx, data);
  }

  @Mutation(() => FireFacility, { description: '归档消防设施。Takes a fire facility off the register; the record is kept.' })
  @RequirePermission(RiskPermission.RegisterWrite)
  archiveFireFacility(@Ctx() ctx: RequestContext, @Arg('input', () => ArchiveInput, input) data: ArchiveInput): Promise<FireFacility> {
    return this.service.archive(ctx, data);
  }

  @Mutation(() => FireFacility, { description: '记录消防设施检查。Records an inspection: the day (restarting the interval) and the condition found; needs the version you read.' })
  @RequirePermission(RiskPermission.RegisterWrite)
  recordFireFacilityInspection(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => RecordFireFacilityInspectionInput, input) data: RecordFireFacilityInspectionInput,
  ): Promise<FireFacility> {
    return this.service.recordInspection(ctx, data);
  }

  @FieldResolver(() => Boolean, { description: '检查逾期。True when never inspected, or the last inspection plus the interval is before today (China time).' })
  inspectionOverdue(@Ctx() ctx: RequestContext, @Root() f: FireFacility): boolean {
    return inspectionOverdue(f, ctx.clock.today());
  }

  @FieldResolver(() => GeoPoint, { nullable: true, description: '位置。Location (WGS 84), with GeoJSON for maps; null when unknown.' })
  location(@Root() f: FireFacility): GeoPoint | null {
    return GeoPoint.of(f.longitude, f.latitude);
  }

  @FieldResolver(() => Organization, { nullable: true, description: '管理单位。The organization that keeps it; null when you may not read organizations there.' })
  @ReadsRelation(OrganizationReference, 'organizationId')
  organization(@Ctx() ctx: RequestContext, @Root() f: FireFacility): Promise<Organization | null> {
    return organizationById(ctx).load(f.organizationId);
  }
}
