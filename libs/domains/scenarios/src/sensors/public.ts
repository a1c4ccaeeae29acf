// The sensors part's public face (re-exported by the module's index.ts). Other parts and modules read
// things, datastreams and observations through these declarations, never by SQL on the part's tables.
export { SensorThing } from './sensor-thing.entity';
export { Datastream } from './datastream.entity';
export { Observation } from './observation.entity';
export { IngestRowOutcome, ObservationType, ObservedPropertyCode, SensorStatus, SensorThingKind } from './sensor.enums';
export { Datastreams, Observations, SensorThings } from './sensors.entities';
export { SensorPermission } from './sensors.permissions';
export { sensorEvents, type SensorEvents, type ObservationIngestPayload } from './sensors.events';
export { SensorThingReference, sensorThingById, DatastreamReference, datastreamById, ThingDatastreamPages, DatastreamObservationPages, datastreamsOfThings } from './sensors.loaders';
export { OBSERVED_PROPERTIES, type ObservedPropertyInfo } from './observed-properties';
export { SensorThingConnection, DatastreamConnection } from './sensor-thing.resolver';
export { ObservationConnection } from './datastream.resolver';
export { sensorsRules, type SensorsRule } from './sensors.rules';
export { STA_BASE } from './sta.routes';
export { sensorThingSeedId, datastreamSeedId, DEMO_WEEK, RAINSTORM, RAINSTORM_ORANGE_AT, GNSS_LAST_REPORT, GAS_PEAK } from './sensors.seed';
