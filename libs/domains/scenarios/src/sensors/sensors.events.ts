import { defineEvents, payload } from '@platform/core';
import { Datastreams, SensorThings } from './sensors.entities';

/** What a thing's events carry. */
export type SensorThingPayload = { id: string; organizationId: string; kind: string; status: string };
/** What a datastream's events carry. */
export type DatastreamPayload = { id: string; thingId: string; organizationId: string; observedProperty: string; status: string };
/**
 * What `scenarios.observation.ingest` carries, published after an ingestion commits with at least one
 * accepted row: the datastreams that got new observations and the span of their phenomenon times (ISO).
 */
export type ObservationIngestPayload = { datastreamIds: string[]; earliest: string; latest: string };

/** Every event of the sensors part (ids and spans only). */
export const sensorEvents = defineEvents({
  'scenarios.sensor-thing.registered': payload<SensorThingPayload>(SensorThings),
  'scenarios.sensor-thing.updated': payload<SensorThingPayload>(SensorThings),
  'scenarios.sensor-thing.retired': payload<SensorThingPayload>(SensorThings),
  'scenarios.datastream.registered': payload<DatastreamPayload>(Datastreams),
  'scenarios.datastream.updated': payload<DatastreamPayload>(Datastreams),
  'scenarios.datastream.retired': payload<DatastreamPayload>(Datastreams),
  'scenarios.observation.ingest': payload<ObservationIngestPayload>(),
});

export type SensorEvents = typeof sensorEvents;
