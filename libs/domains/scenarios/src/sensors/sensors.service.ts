import { SortDirection, assertVersion, createRecord, emitEvent, locationColumns, recordEvent, records, sql, transaction, unscoped, updateRecord, whereChanged, type ConnectionResult, type Patch, type RequestContext } from '@platform/core';
import { OrganizationKind, Organizations, organizationIdWithinSubtree } from '@platform/directory';
import { ApiClients } from '@platform/access';
import { RiskPoints } from '@domains/risk';
import { Datastreams, SensorThings } from './sensors.entities';
import { sensorEvents } from './sensors.events';
import { SensorPermission } from './sensors.permissions';
import { sensorsRules } from './sensors.rules';
import { SensorStatus } from './sensor.enums';
import { OBSERVED_PROPERTIES } from './observed-properties';
import { DatastreamOrder, SensorThingOrder } from './sensors.orders';
import { SensorThing } from './sensor-thing.entity';
import { Datastream } from './datastream.entity';
import { retireDatastreamsOfThing } from './sensors.sql';
import type { DatastreamListArgs, RegisterDatastreamInput, RegisterSensorThingInput, RetireDatastreamInput, RetireSensorThingInput, SensorThingListArgs, UpdateDatastreamInput, UpdateSensorThingInput } from './sensors.inputs';

/** The organizations a device may belong to: a village or community, or an enterprise (then its enterprise too). */
const DEVICE_ORGANIZATIONS: readonly string[] = [OrganizationKind.VILLAGE, OrganizationKind.COMMUNITY, OrganizationKind.ENTERPRISE, OrganizationKind.TOWN_GOVERNMENT];

const thingPayload = (t: SensorThing) => ({ id: t.id, organizationId: t.organizationId, kind: t.kind, status: t.status });
const datastreamPayload = (d: Datastream) => ({ id: d.id, thingId: d.thingId, organizationId: d.organizationId, observedProperty: d.observedProperty, status: d.status });

/** Refuses a feed client that is missing or disabled (whoever registers the device: the client is named, not read). */
async function assertFeedClient(tx: RequestContext, id: string | null | undefined, field: string): Promise<void> {
  if (!id) return;
  const client = await unscoped(tx, ApiClients, 'a device names the API client that feeds it: any registrar may name an existing, active one').one(id, ['id', 'status']);
  if (!client || client.status !== 'ACTIVE') throw sensorsRules.field(field, 'feedClient', `API client ${id} is missing or disabled.`);
}

/** Refuses a unit symbol the observed property does not use (rule `unit`). */
function assertUnit(observedProperty: keyof typeof OBSERVED_PROPERTIES, unitSymbol: string): void {
  const info = OBSERVED_PROPERTIES[observedProperty];
  if (!info.units.includes(unitSymbol)) throw sensorsRules.field('input.unitSymbol', 'unit', `${info.name} is measured in ${info.units.join(' or ')}, not ${unitSymbol}.`);
}

/** Monitoring devices (STA Things) and their datastreams: reads within scope, registration, changes, retirement. */
export class SensorService {
  thing(ctx: RequestContext, id: string, properties: readonly string[] | null = null): Promise<SensorThing | null> {
    return records(ctx, SensorThings).one(id, properties);
  }

  things(ctx: RequestContext, args: SensorThingListArgs, withCount: boolean, properties: readonly string[] | null = null): Promise<ConnectionResult<SensorThing>> {
    const f = args.filter ?? {};
    let rows = records(ctx, SensorThings);
    if (f.organizationId) rows = rows.where(organizationIdWithinSubtree('t.organization_id', f.organizationId));
    if (f.riskPointId) rows = rows.where(sql`t.risk_point_id = ${f.riskPointId}`);
    if (f.kinds?.length) rows = rows.where(sql`t.kind = ANY(${f.kinds})`);
    if (f.statuses?.length) rows = rows.where(sql`t.status = ANY(${f.statuses})`);
    return whereChanged(rows, f).page({ keys: SensorThingOrder.keys(args.orderBy), page: args, withCount, properties });
  }

  datastream(ctx: RequestContext, id: string, properties: readonly string[] | null = null): Promise<Datastream | null> {
    return records(ctx, Datastreams).one(id, properties);
  }

  datastreams(ctx: RequestContext, args: DatastreamListArgs, withCount: boolean, properties: readonly string[] | null = null): Promise<ConnectionResult<Datastream>> {
    const f = args.filter ?? {};
    let rows = records(ctx, Datastreams);
    if (f.thingId) rows = rows.where(sql`t.thing_id = ${f.thingId}`);
    if (f.observedProperties?.length) rows = rows.where(sql`t.observed_property = ANY(${f.observedProperties})`);
    if (f.statuses?.length) rows = rows.where(sql`t.status = ANY(${f.statuses})`);
    if (f.silentSince) rows = rows.where(sql`(t.last_phenomenon_time IS NULL OR t.last_phenomenon_time < ${f.silentSince})`);
    return whereChanged(rows, f).page({ keys: DatastreamOrder.keys(args.orderBy), page: args, withCount, properties });
  }

  /** 登记设备: of a village (community, the town) or an enterprise in the caller's scope; the risk point in scope; the feed client active. */
  registerThing(ctx: RequestContext, input: RegisterSensorThingInput): Promise<SensorThing> {
    return transaction(ctx, async (tx) => {
      const org = await records(tx, Organizations, SensorPermission.Manage).reference(input.organizationId, 'input.organizationId', { properties: ['id', 'kind', 'name'] });
      if (!DEVICE_ORGANIZATIONS.includes(org.kind)) throw sensorsRules.field('input.organizationId', 'organizationKind', `${org.name} is a ${org.kind}: a device belongs to a village, a community, the town or an enterprise.`);
      if (input.riskPointId) await records(tx, RiskPoints, SensorPermission.Manage).reference(input.riskPointId, 'input.riskPointId', { properties: ['id'] });
      await assertFeedClient(tx, input.ownerClientId, 'input.ownerClientId');
      return createRecord(
        tx,
        SensorThing,
        'SensorThing',
        {
          organizationId: org.id,
          enterpriseId: org.kind === OrganizationKind.ENTERPRISE ? org.id : null,
          riskPointId: input.riskPointId ?? null,
          name: input.name,
          description: input.description ?? '',
          kind: input.kind,
          ...locationColumns(input.location),
          status: SensorStatus.ACTIVE,
          ownerClientId: input.ownerClientId ?? null,
          properties: input.properties ?? {},
        },
        { action: 'scenarios.sensor-thing.register', ...recordEvent(sensorEvents['scenarios.sensor-thing.registered'], thingPayload) },
      );
    });
  }

  /** 更改设备: not retired; a new feed client is followed by the datastreams that had the old one. */
  updateThing(ctx: RequestContext, input: UpdateSensorThingInput): Promise<SensorThing> {
    return transaction(ctx, async (tx) => {
      const current = await records(tx, SensorThings, SensorPermission.Manage).lock(input.id);
      assertVersion('SensorThing', current, input.version);
      if (current.status === SensorStatus.RETIRED) throw sensorsRules.field('input.id', 'state', 'the device is retired: register a new one instead.');
      const patch: Patch<SensorThing> = {};
      if (input.name !== undefined) patch.name = input.name;
      if (input.description !== undefined) patch.description = input.description;
      if (input.location !== undefined) Object.assign(patch, locationColumns(input.location));
      if (input.status !== undefined) patch.status = input.status;
      if (input.properties !== undefined) patch.properties = input.properties;
      if (input.riskPointId !== undefined) {
        if (input.riskPointId) await records(tx, RiskPoints, SensorPermission.Manage).reference(input.riskPointId, 'input.riskPointId', { properties: ['id'] });
        patch.riskPointId = input.riskPointId;
      }
      if (input.ownerClientId !== undefined && input.ownerClientId !== current.ownerClientId) {
        await assertFeedClient(tx, input.ownerClientId, 'input.ownerClientId');
        patch.ownerClientId = input.ownerClientId;
        const followers = await records(tx, Datastreams, SensorPermission.Manage)
          .where(sql`t.thing_id = ${current.id} AND t.owner_client_id IS NOT DISTINCT FROM ${current.ownerClientId} AND t.status <> 'RETIRED'`)
          .list({ keys: [{ column: 't.id', direction: SortDirection.ASC }], limit: 1000 });
        for (const d of followers) {
          await updateRecord(tx, Datastream, 'Datastream', d, d.version, { ownerClientId: input.ownerClientId }, { action: 'scenarios.datastream.update', ...recordEvent(sensorEvents['scenarios.datastream.updated'], datastreamPayload) });
        }
      }
      return updateRecord(tx, SensorThing, 'SensorThing', current, input.version, patch, { action: 'scenarios.sensor-thing.update', ...recordEvent(sensorEvents['scenarios.sensor-thing.updated'], thingPayload) });
    });
  }

  /** 停用设备: the device and its datastreams are RETIRED (no more data accepted; the stored observations stay). */
  retireThing(ctx: RequestContext, input: RetireSensorThingInput): Promise<SensorThing> {
    return transaction(ctx, async (tx) => {
      const current = await records(tx, SensorThings, SensorPermission.Manage).lock(input.id);
      assertVersion('SensorThing', current, input.version);
      if (current.status === SensorStatus.RETIRED) throw sensorsRules.field('input.id', 'state', 'the device is retired already.');
      const retired = await retireDatastreamsOfThing(tx, current.id);
      for (const d of retired) await emitEvent(tx, sensorEvents, 'scenarios.datastream.retired', { id: d.id, thingId: current.id, organizationId: current.organizationId, observedProperty: d.observedProperty, status: SensorStatus.RETIRED });
      return updateRecord(tx, SensorThing, 'SensorThing', current, input.version, { status: SensorStatus.RETIRED }, {
        action: 'scenarios.sensor-thing.retire',
        changes: { status: [current.status, SensorStatus.RETIRED], reason: input.reason, datastreamsRetired: retired.map((d) => d.id) },
        ...recordEvent(sensorEvents['scenarios.sensor-thing.retired'], thingPayload),
      });
    });
  }

  /** 登记数据流: of a device in the caller's scope that is not retired; its unit suits the observed property. */
  registerDatastream(ctx: RequestContext, input: RegisterDatastreamInput): Promise<Datastream> {
    assertUnit(input.observedProperty, input.unitSymbol);
    return transaction(ctx, async (tx) => {
      const thing = await records(tx, SensorThings, SensorPermission.Manage).reference(input.thingId, 'input.thingId', { lock: 'share' });
      if (thing.status === SensorStatus.RETIRED) throw sensorsRules.field('input.thingId', 'state', 'the device is retired.');
      await assertFeedClient(tx, input.ownerClientId, 'input.ownerClientId');
      return createRecord(
        tx,
        Datastream,
        'Datastream',
        {
          thingId: thing.id,
          organizationId: thing.organizationId,
          observedProperty: input.observedProperty,
          name: input.name,
          description: input.description ?? '',
          unitName: input.unitName,
          unitSymbol: input.unitSymbol,
          unitDefinition: input.unitDefinition,
          ...(input.observationType ? { observationType: input.observationType } : {}),
          samplingIntervalSeconds: input.samplingIntervalSeconds,
          sensorName: input.sensorName ?? null,
          sensorMetadata: input.sensorMetadata ?? null,
          status: SensorStatus.ACTIVE,
          ownerClientId: input.ownerClientId ?? thing.ownerClientId,
        },
        { action: 'scenarios.datastream.register', ...recordEvent(sensorEvents['scenarios.datastream.registered'], datastreamPayload) },
      );
    });
  }

  /** 更改数据流: not retired. */
  updateDatastream(ctx: RequestContext, input: UpdateDatastreamInput): Promise<Datastream> {
    return transaction(ctx, async (tx) => {
      const current = await records(tx, Datastreams, SensorPermission.Manage).lock(input.id);
      assertVersion('Datastream', current, input.version);
      if (current.status === SensorStatus.RETIRED) throw sensorsRules.field('input.id', 'state', 'the datastream is retired: register a new one instead.');
      const patch: Patch<Datastream> = {};
      if (input.name !== undefined) patch.name = input.name;
      if (input.description !== undefined) patch.description = input.description;
      if (input.samplingIntervalSeconds !== undefined) patch.samplingIntervalSeconds = input.samplingIntervalSeconds;
      if (input.sensorName !== undefined) patch.sensorName = input.sensorName;
      if (input.sensorMetadata !== undefined) patch.sensorMetadata = input.sensorMetadata;
      if (input.status !== undefined) patch.status = input.status;
      if (input.ownerClientId !== undefined) {
        await assertFeedClient(tx, input.ownerClientId, 'input.ownerClientId');
        patch.ownerClientId = input.ownerClientId;
      }
      return updateRecord(tx, Datastream, 'Datastream', current, input.version, patch, { action: 'scenarios.datastream.update', ...recordEvent(sensorEvents['scenarios.datastream.updated'], datastreamPayload) });
    });
  }

  /** 停用数据流: RETIRED, no more data accepted. */
  retireDatastream(ctx: RequestContext, input: RetireDatastreamInput): Promise<Datastream> {
    return transaction(ctx, async (tx) => {
      const current = await records(tx, Datastreams, SensorPermission.Manage).lock(input.id);
      assertVersion('Datastream', current, input.version);
      if (current.status === SensorStatus.RETIRED) throw sensorsRules.field('input.id', 'state', 'the datastream is retired already.');
      return updateRecord(tx, Datastream, 'Datastream', current, input.version, { status: SensorStatus.RETIRED }, {
        action: 'scenarios.datastream.retire',
        changes: { status: [current.status, SensorStatus.RETIRED], reason: input.reason },
        ...recordEvent(sensorEvents['scenarios.datastream.retired'], datastreamPayload),
      });
    });
  }
}
