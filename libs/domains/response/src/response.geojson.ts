import { geoJsonRoute, sql, type ModuleHttpRoute } from '@platform/core';
import { Incidents, SupplyDepots } from './response.entities';

/**
 * The response module's map layers (`GET /geo/<name>`): incidents the caller may read (reported by,
 * or affecting, an organization in scope; every status, as the `incidents` list) and supply depots
 * in use, each with the few properties a map symbol and label need.
 */
export const responseGeoJsonRoutes: readonly ModuleHttpRoute[] = [
  geoJsonRoute({ name: 'incidents', entity: Incidents, properties: ['title', 'type', 'status', 'occurredAt'] }),
  geoJsonRoute({ name: 'supply-depots', entity: SupplyDepots, properties: ['name'], where: sql`t.archived_at IS NULL` }),
];
