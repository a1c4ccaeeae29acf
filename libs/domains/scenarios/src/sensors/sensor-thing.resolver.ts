import { Arg, Args, Ctx, FieldResolver, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { Connection, GeoPoint, PageArgs, ReadsColumns, ReadsRelation, RequirePermission, UUIDScalar, selectedProperties, selectsField, type ConnectionResult, type RequestContext } from '@platform/core';
import { Organization, OrganizationReference, organizationById } from '@platform/directory';
import { ApiClient, apiClientById } from '@platform/access';
import { RiskPoint } from '@domains/risk';
import { SensorThing } from './sensor-thing.entity';
import { Datastream } from './datastream.entity';
import { SensorPermission } from './sensors.permissions';
import { SensorService } from './sensors.service';
import { ThingDatastreamPages, ThingRiskPointReference } from './sensors.loaders';
import { RegisterSensorThingInput, RetireSensorThingInput, SensorThingListArgs, UpdateSensorThingInput } from './sensors.inputs';

export const SensorThingConnection = Connection(SensorThing, '监测设备');
export const DatastreamConnection = Connection(Datastream, '数据流');
const input = { description: '输入。The fields of the request.' };
const NODE = ['edges', 'node'] as const;
const SELF = [] as const;
/** Properties the default order reads besides the id. */
const THING_KEY_PROPERTIES = ['name'];

@Resolver(() => SensorThing)
export class SensorThingResolver {
  private readonly service = new SensorService();

  @Query(() => SensorThing, { nullable: true, description: '监测设备详情。One monitoring device by id; null when there is none in your scope.' })
  @RequirePermission(SensorPermission.Read)
  sensorThing(@Ctx() ctx: RequestContext, @Arg('id', () => UUIDScalar, { description: '标识。Device id.' }) id: string, @Info() info: GraphQLResolveInfo): Promise<SensorThing | null> {
    return this.service.thing(ctx, id, selectedProperties(ctx.manager, SensorThing, info, SELF));
  }

  @Query(() => SensorThingConnection, { description: '监测设备。Monitoring devices (STA Things) in your scope, by name; filter by organization (with those under it), risk point, kind and status.' })
  @RequirePermission(SensorPermission.Read)
  sensorThings(@Ctx() ctx: RequestContext, @Args(() => SensorThingListArgs) args: SensorThingListArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<SensorThing>> {
    return this.service.things(ctx, args, selectsField(info, 'totalCount'), selectedProperties(ctx.manager, SensorThing, info, NODE, THING_KEY_PROPERTIES));
  }

  @FieldResolver(() => GeoPoint, { nullable: true, description: '位置。Where it stands (WGS 84; the STA Location and feature of interest), with GeoJSON for maps; null when not given.' })
  @ReadsColumns('longitude', 'latitude')
  location(@Root() t: SensorThing): GeoPoint | null {
    return GeoPoint.of(t.longitude, t.latitude);
  }

  @FieldResolver(() => Organization, { nullable: true, description: '所属单位。The village or enterprise it belongs to; null when you may not read organizations there.' })
  @ReadsColumns('organizationId')
  @ReadsRelation(OrganizationReference, 'organizationId')
  organization(@Ctx() ctx: RequestContext, @Root() t: SensorThing): Promise<Organization | null> {
    return organizationById(ctx).load(t.organizationId);
  }

  @FieldResolver(() => Organization, { nullable: true, description: '企业。The enterprise it monitors (then also its organization); null for a village device, or when you may not read organizations there.' })
  @ReadsColumns('enterpriseId')
  @ReadsRelation(OrganizationReference, 'enterpriseId')
  enterprise(@Ctx() ctx: RequestContext, @Root() t: SensorThing): Promise<Organization | null> {
    return t.enterpriseId ? organizationById(ctx).load(t.enterpriseId) : Promise.resolve(null);
  }

  @FieldResolver(() => ApiClient, { nullable: true, description: '接入客户端。The API client (a monitoring platform) that feeds it; null when none is bound, or when you may not read API clients (access.api-client:read).' })
  @ReadsColumns('ownerClientId')
  ownerClient(@Ctx() ctx: RequestContext, @Root() t: SensorThing): Promise<ApiClient | null> {
    return t.ownerClientId ? apiClientById(ctx).load(t.ownerClientId) : Promise.resolve(null);
  }

  @FieldResolver(() => RiskPoint, { nullable: true, description: '风险点。The risk point it watches; null when none or when you may not read risk points there.' })
  @ReadsColumns('riskPointId')
  @ReadsRelation(ThingRiskPointReference, 'riskPointId')
  async riskPoint(@Ctx() ctx: RequestContext, @Root() t: SensorThing): Promise<RiskPoint | null> {
    return t.riskPointId ? ThingRiskPointReference.byId(ctx).load(t.riskPointId) : null;
  }

  @FieldResolver(() => DatastreamConnection, { description: '数据流。Its datastreams by name.' })
  @ReadsColumns('id')
  @ReadsRelation(ThingDatastreamPages)
  datastreams(@Ctx() ctx: RequestContext, @Root() t: SensorThing, @Args(() => PageArgs) page: PageArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<Datastream>> {
    return ThingDatastreamPages.load(ctx, t.id, page, info);
  }

  @Mutation(() => SensorThing, { description: '登记监测设备。Registers a monitoring device of a village or an enterprise in your scope, optionally at a risk point and bound to the API client that feeds it.' })
  @RequirePermission(SensorPermission.Manage)
  registerSensorThing(@Ctx() ctx: RequestContext, @Arg('input', () => RegisterSensorThingInput, input) data: RegisterSensorThingInput): Promise<SensorThing> {
    return this.service.registerThing(ctx, data);
  }

  @Mutation(() => SensorThing, { description: '更改监测设备。Changes a device that is not retired (name, location, risk point, status ACTIVE/MAINTENANCE, feed client, properties).' })
  @RequirePermission(SensorPermission.Manage)
  updateSensorThing(@Ctx() ctx: RequestContext, @Arg('input', () => UpdateSensorThingInput, input) data: UpdateSensorThingInput): Promise<SensorThing> {
    return this.service.updateThing(ctx, data);
  }

  @Mutation(() => SensorThing, { description: '停用监测设备。Retires a device and its datastreams: no more data is accepted; stored observations stay.' })
  @RequirePermission(SensorPermission.Manage)
  retireSensorThing(@Ctx() ctx: RequestContext, @Arg('input', () => RetireSensorThingInput, input) data: RetireSensorThingInput): Promise<SensorThing> {
    return this.service.retireThing(ctx, data);
  }
}
