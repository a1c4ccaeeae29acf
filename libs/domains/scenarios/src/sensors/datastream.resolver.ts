import { Arg, Args, Ctx, FieldResolver, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { Organization, OrganizationReference, organizationById } from '@platform/directory';
import { ApiClient, apiClientById } from '@platform/access';
import { Connection, ReadsColumns, ReadsRelation, RequirePermission, UUIDScalar, selectedProperties, selectsField, type ConnectionResult, type RequestContext } from '@platform/core';
import { Datastream } from './datastream.entity';
import { SensorThing } from './sensor-thing.entity';
import { Observation } from './observation.entity';
import { SensorPermission } from './sensors.permissions';
import { SensorService } from './sensors.service';
import { DatastreamObservationPages, SensorThingReference, sensorThingById } from './sensors.loaders';
import { DatastreamListArgs, ObservationPageArgs, RegisterDatastreamInput, RetireDatastreamInput, UpdateDatastreamInput } from './sensors.inputs';
import { DatastreamConnection } from './sensor-thing.resolver';
import { ObservedProperty, UnitOfMeasurement } from './sensor.types';
import { OBSERVED_PROPERTIES } from './observed-properties';

export const ObservationConnection = Connection(Observation, '观测值');
const input = { description: '输入。The fields of the request.' };
const NODE = ['edges', 'node'] as const;
const SELF = [] as const;
const DATASTREAM_KEY_PROPERTIES = ['name'];

@Resolver(() => Datastream)
export class DatastreamResolver {
  private readonly service = new SensorService();

  @Query(() => Datastream, { nullable: true, description: '数据流详情。One datastream by id; null when there is none in your scope.' })
  @RequirePermission(SensorPermission.Read)
  datastream(@Ctx() ctx: RequestContext, @Arg('id', () => UUIDScalar, { description: '标识。Datastream id.' }) id: string, @Info() info: GraphQLResolveInfo): Promise<Datastream | null> {
    return this.service.datastream(ctx, id, selectedProperties(ctx.manager, Datastream, info, SELF));
  }

  @Query(() => DatastreamConnection, { description: '数据流。Datastreams (STA Datastreams) in your scope, by name; filter by thing, observed property, status and silence since an instant.' })
  @RequirePermission(SensorPermission.Read)
  datastreams(@Ctx() ctx: RequestContext, @Args(() => DatastreamListArgs) args: DatastreamListArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<Datastream>> {
    return this.service.datastreams(ctx, args, selectsField(info, 'totalCount'), selectedProperties(ctx.manager, Datastream, info, NODE, DATASTREAM_KEY_PROPERTIES));
  }

  @FieldResolver(() => SensorThing, { nullable: true, description: '设备。The thing it belongs to; null when out of your scope.' })
  @ReadsColumns('thingId')
  @ReadsRelation(SensorThingReference, 'thingId')
  thing(@Ctx() ctx: RequestContext, @Root() d: Datastream): Promise<SensorThing | null> {
    return sensorThingById(ctx).load(d.thingId);
  }

  @FieldResolver(() => Organization, { nullable: true, description: '所属单位。The thing\'s organization (the enterprise it monitors, else the village); null when you may not read organizations there.' })
  @ReadsColumns('organizationId')
  @ReadsRelation(OrganizationReference, 'organizationId')
  organization(@Ctx() ctx: RequestContext, @Root() d: Datastream): Promise<Organization | null> {
    return organizationById(ctx).load(d.organizationId);
  }

  @FieldResolver(() => ApiClient, { nullable: true, description: '接入客户端。The API client that may ingest its observations; null when only staff ingest, or when you may not read API clients (access.api-client:read).' })
  @ReadsColumns('ownerClientId')
  ownerClient(@Ctx() ctx: RequestContext, @Root() d: Datastream): Promise<ApiClient | null> {
    return d.ownerClientId ? apiClientById(ctx).load(d.ownerClientId) : Promise.resolve(null);
  }

  @FieldResolver(() => ObservedProperty, { description: '观测要素详情。Its observed property with names and definition (STA ObservedProperty).' })
  @ReadsColumns('observedProperty')
  observedPropertyInfo(@Root() d: Datastream): ObservedProperty {
    const p = OBSERVED_PROPERTIES[d.observedProperty];
    return Object.assign(new ObservedProperty(), { code: p.code, nameZh: p.nameZh, name: p.name, definition: p.definition });
  }

  @FieldResolver(() => UnitOfMeasurement, { description: '计量单位。Its unit of measurement (STA unitOfMeasurement).' })
  @ReadsColumns('unitName', 'unitSymbol', 'unitDefinition')
  unitOfMeasurement(@Root() d: Datastream): UnitOfMeasurement {
    return Object.assign(new UnitOfMeasurement(), { name: d.unitName, symbol: d.unitSymbol, definition: d.unitDefinition });
  }

  @FieldResolver(() => ObservationConnection, { description: '观测值。Its observations, the latest first; filter by phenomenon time.' })
  @ReadsColumns('id')
  @ReadsRelation(DatastreamObservationPages)
  observations(@Ctx() ctx: RequestContext, @Root() d: Datastream, @Args(() => ObservationPageArgs) args: ObservationPageArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<Observation>> {
    return DatastreamObservationPages.load(ctx, d.id, args, info);
  }

  @Mutation(() => Datastream, { description: '登记数据流。Registers a datastream of a device in your scope that is not retired; its unit must suit the observed property (rule unit).' })
  @RequirePermission(SensorPermission.Manage)
  registerDatastream(@Ctx() ctx: RequestContext, @Arg('input', () => RegisterDatastreamInput, input) data: RegisterDatastreamInput): Promise<Datastream> {
    return this.service.registerDatastream(ctx, data);
  }

  @Mutation(() => Datastream, { description: '更改数据流。Changes a datastream that is not retired (name, sampling interval, sensor, status ACTIVE/MAINTENANCE, feed client).' })
  @RequirePermission(SensorPermission.Manage)
  updateDatastream(@Ctx() ctx: RequestContext, @Arg('input', () => UpdateDatastreamInput, input) data: UpdateDatastreamInput): Promise<Datastream> {
    return this.service.updateDatastream(ctx, data);
  }

  @Mutation(() => Datastream, { description: '停用数据流。Retires a datastream: no more data is accepted; stored observations stay.' })
  @RequirePermission(SensorPermission.Manage)
  retireDatastream(@Ctx() ctx: RequestContext, @Arg('input', () => RetireDatastreamInput, input) data: RetireDatastreamInput): Promise<Datastream> {
    return this.service.retireDatastream(ctx, data);
  }
}
