import { registriesRules } from './registries.rules';

/** A GeoJSON LineString (RFC 7946 §3.1.4) in WGS 84: `[longitude, latitude]` positions. */
export interface GeoJsonLineString {
  readonly type: 'LineString';
  readonly coordinates: [number, number][];
}

/** Most positions a section's line may have. */
export const MAX_LINE_POSITIONS = 2000;

/** China's extent in WGS 84 degrees (a generous box: longitude 73–136 E, latitude 3–54 N). */
const CHINA = { west: 73, east: 136, south: 3, north: 54 };

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The value as a GeoJSON LineString of 2 to MAX_LINE_POSITIONS `[longitude, latitude]` positions in
 * WGS 84 inside China's extent, reduced to `type` and `coordinates` (an altitude is dropped); else
 * BAD_USER_INPUT `lineString` naming `field`. The kernel's GeoJSONLineString scalar has checked the
 * shape already; this adds what a town's section needs (inside China, not a single point).
 */
export function parseLineString(value: unknown, field: string): GeoJsonLineString {
  const refuse = (why: string): never => {
    throw registriesRules.field(field, 'lineString', `must be a GeoJSON LineString (RFC 7946) in WGS 84: ${why}.`);
  };
  if (!isObject(value) || value['type'] !== 'LineString') return refuse('an object with "type": "LineString"');
  const coordinates = value['coordinates'];
  if (!Array.isArray(coordinates) || coordinates.length < 2 || coordinates.length > MAX_LINE_POSITIONS) return refuse(`"coordinates" must hold 2 to ${MAX_LINE_POSITIONS} positions`);
  const line = coordinates.map((p, i) => {
    if (!Array.isArray(p) || (p.length !== 2 && p.length !== 3) || !p.every((n) => typeof n === 'number' && Number.isFinite(n))) return refuse(`position ${i} is not [longitude, latitude]`);
    const [lon, lat] = p as number[];
    if (lon! < CHINA.west || lon! > CHINA.east || lat! < CHINA.south || lat! > CHINA.north) return refuse(`position ${i} (${lon}, ${lat}) lies outside China (longitude ${CHINA.west}–${CHINA.east}, latitude ${CHINA.south}–${CHINA.north})`);
    return [lon!, lat!] as [number, number];
  });
  if (line.every((p) => p[0] === line[0]![0] && p[1] === line[0]![1])) return refuse('its positions are all the same point');
  return { type: 'LineString', coordinates: line };
}
