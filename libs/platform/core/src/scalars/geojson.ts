import { JSONObjectResolver } from 'graphql-scalars';
import { GraphQLError, GraphQLScalarType, type ValueNode } from 'graphql';

/** RFC 7946, The GeoJSON Format: what the GeoJSON scalars carry. */
export const GEOJSON_SPEC = 'https://www.rfc-editor.org/rfc/rfc7946';

/** Most rings of a polygon, and most polygons of a multipolygon, an input may have. */
export const MAX_GEOJSON_PARTS = 100;

type Position = [number, number] | [number, number, number];

/** A position (RFC 7946 §3.1.1): longitude and latitude in WGS 84 degrees, an optional altitude. */
export const isGeoJsonPosition = (p: unknown): p is Position =>
  Array.isArray(p) &&
  (p.length === 2 || p.length === 3) &&
  p.every((n) => typeof n === 'number' && Number.isFinite(n)) &&
  Math.abs(p[0] as number) <= 180 &&
  Math.abs(p[1] as number) <= 90;

/** A linear ring (RFC 7946 §3.1.6): at least four positions, the last equal to the first. */
function isLinearRing(ring: unknown): boolean {
  if (!Array.isArray(ring) || ring.length < 4 || !ring.every(isGeoJsonPosition)) return false;
  const first = ring[0] as Position;
  const last = ring[ring.length - 1] as Position;
  return first[0] === last[0] && first[1] === last[1];
}

const isPolygonCoordinates = (rings: unknown): boolean => Array.isArray(rings) && rings.length >= 1 && rings.length <= MAX_GEOJSON_PARTS && rings.every(isLinearRing);

/** Most positions a LineString input may have. */
export const MAX_GEOJSON_LINE_POSITIONS = 2000;

/** A GeoJSON Point geometry (RFC 7946 §3.1.2): `[longitude, latitude]` in WGS 84. */
export interface GeoJsonPoint {
  readonly type: 'Point';
  readonly coordinates: [number, number];
}

/** A GeoJSON Polygon or MultiPolygon geometry (RFC 7946 §3.1.6, §3.1.7) in WGS 84. */
export interface GeoJsonPolygonal {
  readonly type: 'Polygon' | 'MultiPolygon';
  readonly coordinates: unknown[];
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The geometry of an input, reduced to `type` and `coordinates`, or null when it is not of the scalar's kind. */
type Check = (value: Record<string, unknown>) => Record<string, unknown> | null;

const point: Check = ({ type, coordinates }) => (type === 'Point' && isGeoJsonPosition(coordinates) ? { type, coordinates } : null);

const lineString: Check = ({ type, coordinates }) =>
  type === 'LineString' && Array.isArray(coordinates) && coordinates.length >= 2 && coordinates.length <= MAX_GEOJSON_LINE_POSITIONS && coordinates.every(isGeoJsonPosition) ? { type, coordinates } : null;

const polygonal: Check = ({ type, coordinates }) =>
  (type === 'Polygon' && isPolygonCoordinates(coordinates)) ||
  (type === 'MultiPolygon' && Array.isArray(coordinates) && coordinates.length >= 1 && coordinates.length <= MAX_GEOJSON_PARTS && coordinates.every(isPolygonCoordinates))
    ? { type, coordinates }
    : null;

const jsonObject = JSONObjectResolver.toConfig();

/**
 * A scalar of one kind of GeoJSON geometry, so that clients can type it (codegen: `GeoJSON.Point`
 * from `@types/geojson`). Input, from a variable or an object literal, is checked while the argument
 * is coerced (a malformed geometry never reaches a resolver) and reduced to `type` and
 * `coordinates`; output is the stored geometry, whose kind is checked.
 */
function geoJsonScalar(name: string, kinds: readonly string[], rule: string, description: string, check: Check): GraphQLScalarType {
  const refuse = (nodes?: ValueNode): never => {
    throw new GraphQLError(`${name} must be a GeoJSON ${kinds.join(' or ')} geometry (RFC 7946) ${rule}.`, nodes ? { nodes } : {});
  };
  const parse = (value: unknown, nodes?: ValueNode) => (isObject(value) && check(value)) || refuse(nodes);
  return new GraphQLScalarType({
    name,
    description,
    specifiedByURL: GEOJSON_SPEC,
    serialize(value: unknown) {
      if (!isObject(value) || !kinds.includes(value['type'] as string)) throw new GraphQLError(`${name} cannot represent a value that is not a GeoJSON ${kinds.join(' or ')}.`);
      return value;
    },
    parseValue: (value) => parse(value),
    parseLiteral(ast, variables) {
      let value: unknown;
      try {
        value = jsonObject.parseLiteral!(ast, variables);
      } catch {
        refuse(ast);
      }
      return parse(value, ast);
    },
    extensions: { codegenScalarType: `GeoJSON.${kinds.join(' | GeoJSON.')}` },
  });
}

/** A GeoJSON Point in WGS 84 (`{ "type": "Point", "coordinates": [longitude, latitude] }`). */
export const GeoJSONPointScalar = geoJsonScalar(
  'GeoJSONPoint',
  ['Point'],
  'whose coordinates are [longitude, latitude] in WGS 84 degrees (-180 to 180, -90 to 90)',
  'GeoJSON 点。A GeoJSON Point geometry (RFC 7946): { "type": "Point", "coordinates": [longitude, latitude] } in WGS 84 degrees; map clients take it as it is (TypeScript: GeoJSON.Point from @types/geojson).',
  point,
);

/** A GeoJSON Polygon or MultiPolygon in WGS 84: an area, such as a warning's. */
export const GeoJSONPolygonOrMultiPolygonScalar = geoJsonScalar(
  'GeoJSONPolygonOrMultiPolygon',
  ['Polygon', 'MultiPolygon'],
  `with 1 to ${MAX_GEOJSON_PARTS} polygons of 1 to ${MAX_GEOJSON_PARTS} closed rings, each ring at least 4 [longitude, latitude] positions in WGS 84 degrees, the last equal to the first`,
  `GeoJSON 面。A GeoJSON Polygon or MultiPolygon geometry (RFC 7946) in WGS 84 degrees: closed rings of at least 4 [longitude, latitude] positions (the last equal to the first), at most ${MAX_GEOJSON_PARTS} rings per polygon and ${MAX_GEOJSON_PARTS} polygons; input keeps only "type" and "coordinates" (TypeScript: GeoJSON.Polygon | GeoJSON.MultiPolygon from @types/geojson).`,
  polygonal,
);

/** A GeoJSON LineString in WGS 84: a line, such as a road or a reservoir bank. */
export const GeoJSONLineStringScalar = geoJsonScalar(
  'GeoJSONLineString',
  ['LineString'],
  `with 2 to ${MAX_GEOJSON_LINE_POSITIONS} [longitude, latitude] positions in WGS 84 degrees`,
  `GeoJSON 线。A GeoJSON LineString geometry (RFC 7946): { "type": "LineString", "coordinates": [[longitude, latitude], …] } with 2 to ${MAX_GEOJSON_LINE_POSITIONS} positions in WGS 84 degrees; input keeps only "type" and "coordinates" (TypeScript: GeoJSON.LineString from @types/geojson).`,
  lineString,
);
