import type { ObjectLiteral } from 'typeorm';
import { RECORD_ALIAS, type Records } from '../data/records';
import { raw, sql, type Sql } from '../sql/sql';

/*
 * Spatial conditions over located records (the `longitude`/`latitude` columns of `LocatedRecord`,
 * WGS 84 degrees). PostGIS is not available in the embedded PostgreSQL nor assumed on a server, so
 * the index is core PostgreSQL's: a GiST index on the expression `point(longitude, latitude)` (each
 * module's migration creates it on its located tables). A condition is written so that index
 * serves it: `point(…) <@ box(…)` (point_ops containment). Distances are great-circle distances on
 * a sphere (haversine), after a box prefilter from the radius that uses the same index.
 */

/** The WGS 84 mean Earth radius R₁ = (2a + b) / 3 in metres (IUGG), the sphere distances are measured on. */
export const EARTH_MEAN_RADIUS_M = 6_371_008.8;

/** A box of WGS 84 degrees: west < east, south < north (as `BoundingBoxInput` checks). */
export interface GeoBox {
  readonly west: number;
  readonly south: number;
  readonly east: number;
  readonly north: number;
}

/** A point and the greatest distance from it in metres (as `NearInput` checks). */
export interface GeoNear {
  readonly longitude: number;
  readonly latitude: number;
  readonly withinMeters: number;
}

/** The spatial fields of a list filter (see `LocatedFilter`). */
export interface GeoFilter {
  readonly withinBox?: GeoBox | null;
  readonly near?: GeoNear | null;
}

const ALIAS = /^[a-z][a-z0-9_]*$/;
const RADIANS = Math.PI / 180;
/** Widens the prefilter box by about 1 cm, so rounding in the box never drops a point the exact distance keeps. */
const BOX_MARGIN_DEGREES = 1e-7;

function columns(alias: string): { longitude: string; latitude: string } {
  if (!ALIAS.test(alias)) throw new Error(`${JSON.stringify(alias)} is not a table alias.`);
  return { longitude: `${alias}.longitude`, latitude: `${alias}.latitude` };
}

const float = (value: number): Sql => sql`CAST(${value} AS float8)`;

/** `point(lon, lat) <@ box(…)`: the form the GiST index on `point(longitude, latitude)` answers. */
function indexedBox(box: GeoBox, alias: string): Sql {
  const c = columns(alias);
  return sql`point(${raw(c.longitude)}, ${raw(c.latitude)}) <@ box(point(${float(box.west)}, ${float(box.south)}), point(${float(box.east)}, ${float(box.north)}))`;
}

/**
 * SQL: the record under `alias` lies inside the box, edges included. The containment uses the index;
 * the exact comparison of the columns keeps the edges exact whatever the geometric operators'
 * tolerance. A record without a location does not match (NULL).
 */
export function insideBoxSql(box: GeoBox, alias: string = RECORD_ALIAS): Sql {
  const c = columns(alias);
  return sql`${indexedBox(box, alias)} AND ${raw(c.longitude)} BETWEEN ${float(box.west)} AND ${float(box.east)} AND ${raw(c.latitude)} BETWEEN ${float(box.south)} AND ${float(box.north)}`;
}

/**
 * SQL: the great-circle distance in metres from the point to the record under `alias` (haversine on
 * the sphere of the WGS 84 mean radius; within 0.5 % of the ellipsoidal distance across China, at
 * 29° N from −0.19 % east–west to +0.32 % north–south); NULL without a location. `least(1, …)` keeps
 * rounding from taking asin out of its domain for antipodal points.
 */
export function distanceMetersSql(from: { readonly longitude: number; readonly latitude: number }, alias: string = RECORD_ALIAS): Sql {
  const c = columns(alias);
  const lat = raw(c.latitude);
  const lon = raw(c.longitude);
  return sql`(${float(2 * EARTH_MEAN_RADIUS_M)} * asin(least(1, sqrt(power(sin(radians(${lat} - ${float(from.latitude)}) / 2), 2) + cos(radians(${float(from.latitude)})) * cos(radians(${lat})) * power(sin(radians(${lon} - ${float(from.longitude)}) / 2), 2)))))`;
}

/**
 * The smallest box holding every point within `withinMeters` of the point on the sphere (the
 * meridians tangent to the circle: Δλ = asin(sin(d/R) / cos φ)), a little wider for rounding. Where
 * the circle reaches a pole or crosses the antimeridian the box spans every longitude (still a
 * superset: the exact distance decides).
 */
export function boxAround(near: GeoNear): GeoBox {
  const angular = near.withinMeters / EARTH_MEAN_RADIUS_M;
  const dLat = angular / RADIANS + BOX_MARGIN_DEGREES;
  const south = Math.max(-90, near.latitude - dLat);
  const north = Math.min(90, near.latitude + dLat);
  const ratio = Math.sin(angular) / Math.cos(near.latitude * RADIANS);
  if (south <= -90 || north >= 90 || ratio >= 1) return { west: -180, south, east: 180, north };
  const dLon = Math.asin(ratio) / RADIANS + BOX_MARGIN_DEGREES;
  const west = near.longitude - dLon;
  const east = near.longitude + dLon;
  if (west < -180 || east > 180) return { west: -180, south, east: 180, north };
  return { west, south, east, north };
}

/**
 * SQL: the record under `alias` lies within `withinMeters` of the point, edge included: the box
 * around the circle (served by the index), then the exact great-circle distance. A record without a
 * location does not match.
 */
export function withinDistanceSql(near: GeoNear, alias: string = RECORD_ALIAS): Sql {
  return sql`${indexedBox(boxAround(near), alias)} AND ${distanceMetersSql(near, alias)} <= ${float(near.withinMeters)}`;
}

/** The conditions of a list filter's spatial fields over `alias` (none when neither is given). */
export function spatialConditions(filter: GeoFilter, alias: string = RECORD_ALIAS): Sql[] {
  const conditions: Sql[] = [];
  if (filter.withinBox) conditions.push(insideBoxSql(filter.withinBox, alias));
  if (filter.near) conditions.push(withinDistanceSql(filter.near, alias));
  return conditions;
}

/** These records narrowed by the filter's `withinBox` and `near` (conditions over the records' alias, `t` unless given). */
export function whereLocated<T extends ObjectLiteral>(records: Records<T>, filter: GeoFilter, alias: string = RECORD_ALIAS): Records<T> {
  return spatialConditions(filter, alias).reduce((narrowed, condition) => narrowed.where(condition), records);
}

/** The haversine distance in metres between two WGS 84 points: `distanceMetersSql`'s formula (the same to within rounding of the math libraries), for checks and tests. */
export function haversineMeters(a: { readonly longitude: number; readonly latitude: number }, b: { readonly longitude: number; readonly latitude: number }): number {
  const h = Math.sin(((b.latitude - a.latitude) * RADIANS) / 2) ** 2 + Math.cos(a.latitude * RADIANS) * Math.cos(b.latitude * RADIANS) * Math.sin(((b.longitude - a.longitude) * RADIANS) / 2) ** 2;
  return 2 * EARTH_MEAN_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}
