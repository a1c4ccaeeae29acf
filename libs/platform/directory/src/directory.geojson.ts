import { geoJsonRoute, sql, type ModuleHttpRoute } from '@platform/core';
import { Organizations } from './directory.entities';

/**
 * The directory's map layer: `GET /geo/organizations`, the located organizations the caller may read
 * (not archived, as the `organizations` list by default), with their name and kind.
 */
export const directoryGeoJsonRoutes: readonly ModuleHttpRoute[] = [
  geoJsonRoute({ name: 'organizations', entity: Organizations, properties: ['name', 'kind'], where: sql`t.archived_at IS NULL` }),
];
