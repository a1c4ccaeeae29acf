import { warningsRules } from '../warnings.rules';

type Position = [number, number];

const isPosition = (p: unknown): p is Position =>
  Array.isArray(p) && (p.length === 2 || p.length === 3) && p.every((n) => typeof n === 'number' && Number.isFinite(n)) && Math.abs(p[0] as number) <= 180 && Math.abs(p[1] as number) <= 90;

/** A linear ring (RFC 7946 §3.1.6): at least four WGS 84 positions, the last equal to the first. */
function isRing(ring: unknown): boolean {
  if (!Array.isArray(ring) || ring.length < 4 || !ring.every(isPosition)) return false;
  const first = ring[0] as Position;
  const last = ring[ring.length - 1] as Position;
  return first[0] === last[0] && first[1] === last[1];
}

const isPolygon = (rings: unknown): boolean => Array.isArray(rings) && rings.length >= 1 && rings.length <= 100 && rings.every(isRing);

/**
 * Checks a warning area: a GeoJSON Polygon or MultiPolygon (RFC 7946) of closed rings with at least
 * four positions in WGS 84 range; refuses anything else as BAD_USER_INPUT `geoJsonPolygon` on `field`.
 * Returns the geometry reduced to `type` and `coordinates`.
 */
export function checkAreaPolygon(value: Record<string, unknown> | null | undefined, field: string): Record<string, unknown> | null {
  if (value === null || value === undefined) return null;
  const { type, coordinates } = value as { type?: unknown; coordinates?: unknown };
  const ok =
    (type === 'Polygon' && isPolygon(coordinates)) ||
    (type === 'MultiPolygon' && Array.isArray(coordinates) && coordinates.length >= 1 && coordinates.length <= 100 && coordinates.every(isPolygon));
  if (!ok) throw warningsRules.field(field, 'geoJsonPolygon', 'must be a GeoJSON Polygon or MultiPolygon with closed rings of at least 4 [longitude, latitude] positions (WGS 84).');
  return { type, coordinates };
}
