/*
 * The sensors part's entities with their row scope and permissions, declared once: every read and
 * write goes through `records(ctx, <declaration>)`, which applies the scope.
 */
import { defineScopedEntity } from '@platform/core';
import { SensorThing } from './sensor-thing.entity';
import { Datastream } from './datastream.entity';
import { Observation } from './observation.entity';
import { SensorPermission } from './sensors.permissions';

/** A thing belongs to the enterprise it monitors, else the village. */
export const SensorThings = defineScopedEntity(SensorThing, {
  table: 'sensor_thing',
  scope: { organizationColumn: 'organization_id' },
  read: SensorPermission.Read,
  write: SensorPermission.Manage,
});

/** A datastream carries its thing's organization (copied when registered). */
export const Datastreams = defineScopedEntity(Datastream, {
  table: 'sensor_datastream',
  scope: { organizationColumn: 'organization_id' },
  read: SensorPermission.Read,
  write: SensorPermission.Manage,
});

/** An observation is in scope when its datastream is. */
export const Observations = defineScopedEntity(Observation, {
  table: 'sensor_observation',
  scope: { through: { entity: Datastreams, column: 'datastream_id' } },
  read: SensorPermission.Read,
  write: SensorPermission.Ingest,
});

/** The declarations reachable by `node(nodeId:)`. */
export const sensorNodeEntities = [SensorThings, Datastreams];
