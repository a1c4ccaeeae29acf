import type { ReportingPart } from '../reporting.part';
import { CreateOpen311Services1764404150000 } from '../migrations/1764404150000-create-open311-services';
import { Open311Service } from './open311-service.entity';
import { open311Permissions } from './open311.permissions';
import { open311Routes } from './open311.routes';

/**
 * Open311 GeoReport v2 (issue 21): a public, read-only view of the tips (no reporter field, locations
 * rounded: OPEN311_LOCATION_DECIMALS) and POST requests for other systems holding an API key, under
 * /open311/v2. Its settings reach the routes through `startOpen311` (the module's `start`).
 */
export const open311Part: ReportingPart = {
  entities: [Open311Service],
  resolvers: [],
  migrations: [CreateOpen311Services1764404150000],
  permissions: open311Permissions,
  scopedEntities: [],
  events: [],
  businessRules: [],
  indicators: [],
  httpRoutes: open311Routes,
};
