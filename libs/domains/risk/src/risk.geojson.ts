import { geoJsonRoute, sql, type ModuleHttpRoute } from '@platform/core';
import { FireFacilities, Hazards, RiskPoints, Shelters } from './risk.entities';

const active = sql`t.archived_at IS NULL`;

/**
 * The risk module's map layers (`GET /geo/<name>`): the located records the caller may read, as the
 * GraphQL lists show them by default (hazards in every state; risk points, shelters and fire
 * facilities not archived), each with the few properties a map symbol and label need.
 */
export const riskGeoJsonRoutes: readonly ModuleHttpRoute[] = [
  geoJsonRoute({ name: 'hazards', entity: Hazards, properties: ['title', 'category', 'status', 'grade'] }),
  geoJsonRoute({ name: 'risk-points', entity: RiskPoints, properties: ['name', 'category', 'level'], where: active }),
  geoJsonRoute({ name: 'shelters', entity: Shelters, properties: ['name', 'type', 'capacity', 'status'], where: active }),
  geoJsonRoute({ name: 'fire-facilities', entity: FireFacilities, properties: ['kind', 'description', 'status'], where: active }),
];
