import { Arg, Args, Ctx, FieldResolver, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { ArchiveInput, Connection, GeoPoint, PageArgs, ReadsRelation, RequirePermission, UUIDScalar, records, selectsField, LocalDateScalar, type ConnectionResult, type RequestContext } from '@platform/core';
import { Organization, OrganizationReference, Person, PersonReference, organizationById, personById } from '@platform/directory';
import { Shelter } from './shelter.entity';
import { ShelterInspection } from './shelter-inspection.entity';
import { CreateShelterInput, RecordShelterInspectionInput, ShelterListArgs, UpdateShelterInput } from './shelter.inputs';
import { ShelterService } from './shelter.service';
import { ShelterInspectionPages, ShelterReference, shelterById, shelterLastInspectedOn } from './shelter.loaders';
import { Shelters } from '../risk.entities';
import { RiskPermission } from '../permissions';

export const ShelterConnection = Connection(Shelter, '应急避难场所');
export const ShelterInspectionConnection = Connection(ShelterInspection, '避难场所检查记录');
const input = { description: '输入。The fields of the request.' };

@Resolver(() => Shelter)
export class ShelterResolver {
  private readonly service = new ShelterService();

  @Query(() => Shelter, { nullable: true, description: '避难场所详情。One shelter by id (archived ones too); null when there is none in your scope.' })
  @RequirePermission(RiskPermission.RegisterRead)
  shelter(@Ctx() ctx: RequestContext, @Arg('id', () => UUIDScalar, { description: '标识。Shelter id.' }) id: string): Promise<Shelter | null> {
    return records(ctx, Shelters).one(id);
  }

  @Query(() => ShelterConnection, { description: '避难场所列表。Registered shelters in your scope, by name; filter by subtree, status, dual use or capacity.' })
  @RequirePermission(RiskPermission.RegisterRead)
  shelters(@Ctx() ctx: RequestContext, @Args(() => ShelterListArgs) args: ShelterListArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<Shelter>> {
    return this.service.list(ctx, args, selectsField(info, 'totalCount'));
  }

  @Mutation(() => Shelter, { description: '登记避难场所。Puts a shelter on the register under an organization in your scope.' })
  @RequirePermission(RiskPermission.RegisterWrite)
  createShelter(@Ctx() ctx: RequestContext, @Arg('input', () => CreateShelterInput, input) data: CreateShelterInput): Promise<Shelter> {
    return this.service.create(ctx, data);
  }

  @Mutation(() => Shelter, { description: '修改避难场所。Changes a shelter; needs the version you read (a stale one is refused with CONFLICT).' })
  @RequirePermission(RiskPermission.RegisterWrite)
  updateShelter(@Ctx() ctx: RequestContext, @Arg('input', () => UpdateShelterInput, input) data: UpdateShelterInput): Promise<Shelter> {
    return this.service.update(ctx, data);
  }

  @Mutation(() => Shelter, { description: '归档避难场所。Takes a shelter off the register; it and its inspections are kept.' })
  @RequirePermission(RiskPermission.RegisterWrite)
  archiveShelter(@Ctx() ctx: RequestContext, @Arg('input', () => ArchiveInput, input) data: ArchiveInput): Promise<Shelter> {
    return this.service.archive(ctx, data);
  }

  @Mutation(() => ShelterInspection, { description: '记录避难场所检查。Records an inspection of a shelter; the shelter itself and its version are not changed.' })
  @RequirePermission(RiskPermission.RegisterWrite)
  recordShelterInspection(@Ctx() ctx: RequestContext, @Arg('input', () => RecordShelterInspectionInput, input) data: RecordShelterInspectionInput): Promise<ShelterInspection> {
    return this.service.recordInspection(ctx, data);
  }

  @FieldResolver(() => GeoPoint, { nullable: true, description: '位置。Location (WGS 84), with GeoJSON for maps; null when unknown.' })
  location(@Root() s: Shelter): GeoPoint | null {
    return GeoPoint.of(s.longitude, s.latitude);
  }

  @FieldResolver(() => Organization, { nullable: true, description: '管理单位。The managing organization; null when you may not read organizations there.' })
  @ReadsRelation(OrganizationReference, 'organizationId')
  organization(@Ctx() ctx: RequestContext, @Root() s: Shelter): Promise<Organization | null> {
    return organizationById(ctx).load(s.organizationId);
  }

  @FieldResolver(() => ShelterInspectionConnection, { description: '检查记录。Inspections of the shelter, newest first.' })
  @ReadsRelation(ShelterInspectionPages)
  inspections(@Ctx() ctx: RequestContext, @Root() s: Shelter, @Args(() => PageArgs) page: PageArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<ShelterInspection>> {
    return ShelterInspectionPages.load(ctx, s.id, page, info);
  }

  @FieldResolver(() => LocalDateScalar, { nullable: true, description: '最近检查日期。Day of the newest inspection (YYYY-MM-DD); null when never inspected.' })
  lastInspectedOn(@Ctx() ctx: RequestContext, @Root() s: Shelter): Promise<string | null> {
    return shelterLastInspectedOn(ctx).load(s.id);
  }
}

@Resolver(() => ShelterInspection)
export class ShelterInspectionResolver {
  @FieldResolver(() => Shelter, { nullable: true, description: '避难场所。The shelter inspected; null when you can no longer read it.' })
  @ReadsRelation(ShelterReference, 'shelterId')
  shelter(@Ctx() ctx: RequestContext, @Root() i: ShelterInspection): Promise<Shelter | null> {
    return shelterById(ctx).load(i.shelterId);
  }

  @FieldResolver(() => Person, { nullable: true, description: '检查人。The person who inspected; null when not recorded or when you may not read persons there.' })
  @ReadsRelation(PersonReference, 'inspectorPersonId')
  inspector(@Ctx() ctx: RequestContext, @Root() i: ShelterInspection): Promise<Person | null> | null {
    return i.inspectorPersonId ? personById(ctx).load(i.inspectorPersonId) : null;
  }
}
