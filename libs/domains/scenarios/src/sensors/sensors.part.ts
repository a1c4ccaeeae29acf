import type { ScenariosPart } from '../scenarios.part';
import { CreateSensors1764404200000 } from '../migrations/1764404200000-create-sensors';
import { SensorThing } from './sensor-thing.entity';
import { Datastream } from './datastream.entity';
import { Observation } from './observation.entity';
import { sensorNodeEntities } from './sensors.entities';
import { sensorEvents } from './sensors.events';
import { sensorPermissions } from './sensors.permissions';
import { SensorThingResolver } from './sensor-thing.resolver';
import { DatastreamResolver } from './datastream.resolver';
import { IngestReportResolver, IngestRowResultResolver, ObservationResolver } from './observation.resolver';
import { sensorSettings, startSensors } from './sensors.settings';
import { staRoutes } from './sta.routes';
import { seedSensors } from './sensors.seed';

/** 态势感知 (point 二十三): monitoring devices, datastreams and observations after the OGC SensorThings API, with batched ingestion by machine clients and a read-only STA view. */
export const sensorsPart: ScenariosPart = {
  entities: [SensorThing, Datastream, Observation],
  resolvers: [SensorThingResolver, DatastreamResolver, ObservationResolver, IngestReportResolver, IngestRowResultResolver],
  migrations: [CreateSensors1764404200000],
  permissions: sensorPermissions,
  scopedEntities: sensorNodeEntities,
  events: [sensorEvents],
  businessRules: [],
  indicators: [],
  settings: sensorSettings.shape,
  startPart: startSensors,
  httpRoutes: staRoutes,
  seed: seedSensors,
};
