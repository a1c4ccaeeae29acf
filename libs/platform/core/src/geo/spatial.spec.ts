import 'reflect-metadata';
import { Field, InputType } from 'type-graphql';
import { compile } from '../sql/sql';
import { BadUserInputError } from '../errors/errors';
import { validateInput } from '../validation/validate-argument';
import { BoundingBoxInput, LocatedFilter, MAX_BOX_DEGREES, MAX_NEAR_METERS, NearInput } from './spatial-filter.inputs';
import { EARTH_MEAN_RADIUS_M, boxAround, distanceMetersSql, haversineMeters, insideBoxSql, spatialConditions, withinDistanceSql, type GeoNear } from './spatial.sql';

@InputType({ description: '测试筛选。A list filter with the spatial fields.' })
class ProbeFilter extends LocatedFilter {
  @Field(() => String, { nullable: true, description: '名称。A field of its own.' })
  name?: string;
}

/** The failing fields of validating `values` as `cls` ([] when valid). */
async function violations<T extends object>(cls: new () => T, values: Partial<T>, prefix = ''): Promise<Array<{ field: string; rule: string; message: string }>> {
  try {
    await validateInput(cls, values, prefix);
    return [];
  } catch (error) {
    if (!(error instanceof BadUserInputError)) throw error;
    return error.extensions['fields'] as Array<{ field: string; rule: string; message: string }>;
  }
}

const rules = async <T extends object>(cls: new () => T, values: Partial<T>, prefix = '') => (await violations(cls, values, prefix)).map((v) => `${v.field} ${v.rule}`);

const box = (west: number, south: number, east: number, north: number) => Object.assign(new BoundingBoxInput(), { west, south, east, north });
const near = (longitude: number, latitude: number, withinMeters: number) => Object.assign(new NearInput(), { longitude, latitude, withinMeters });

/** The point `meters` from `from` in direction `bearing` (degrees from north) on the sphere of the mean radius. */
function destination(from: { longitude: number; latitude: number }, bearing: number, meters: number): { longitude: number; latitude: number } {
  const r = Math.PI / 180;
  const d = meters / EARTH_MEAN_RADIUS_M;
  const lat1 = from.latitude * r;
  const lat2 = Math.asin(Math.sin(lat1) * Math.cos(d) + Math.cos(lat1) * Math.sin(d) * Math.cos(bearing * r));
  const lon2 = from.longitude * r + Math.atan2(Math.sin(bearing * r) * Math.sin(d) * Math.cos(lat1), Math.cos(d) - Math.sin(lat1) * Math.sin(lat2));
  return { longitude: lon2 / r, latitude: lat2 / r };
}

describe('BoundingBoxInput', () => {
  it('accepts a box west < east, south < north, up to the largest size, edges in range', async () => {
    expect(await rules(BoundingBoxInput, box(107.0, 29.0, 107.1, 29.1))).toEqual([]);
    expect(await rules(BoundingBoxInput, box(106, 28, 106 + MAX_BOX_DEGREES, 28 + MAX_BOX_DEGREES))).toEqual([]);
    expect(await rules(BoundingBoxInput, box(178.5, -90, 180, -89))).toEqual([]);
  });

  it('refuses edges out of range, naming the edge', async () => {
    expect(await rules(BoundingBoxInput, box(-181, -91, 181, 91))).toEqual(['west isLongitude', 'south isLatitude', 'east isLongitude', 'north isLatitude']);
  });

  it('refuses east not east of west and north not north of south with rule range (no box across the antimeridian)', async () => {
    expect(await violations(BoundingBoxInput, box(179.5, 29.1, -179.5, 29.0))).toEqual([
      { field: 'east', rule: 'range', message: 'must lie east of west (179.5); a box across the antimeridian is not supported.' },
      { field: 'north', rule: 'range', message: 'must lie north of south (29.1).' },
    ]);
    expect(await rules(BoundingBoxInput, box(107, 29, 107, 29))).toEqual(['east range', 'north range']);
  });

  it('refuses a box larger than the largest size on the side that is too long', async () => {
    expect(await violations(BoundingBoxInput, box(106, 29, 106 + MAX_BOX_DEGREES + 0.001, 29.5))).toEqual([
      { field: 'east', rule: 'range', message: `must lie at most ${MAX_BOX_DEGREES}° east of west (106): the box is too large.` },
    ]);
    expect(await rules(BoundingBoxInput, box(106, 20, 106.5, 20 + MAX_BOX_DEGREES + 0.001))).toEqual(['north range']);
  });

  it('reports a malformed edge by its own rule only', async () => {
    expect(await rules(BoundingBoxInput, box(200, 29, 107, 29.1))).toEqual(['west isLongitude']);
  });
});

describe('NearInput', () => {
  it('accepts a point and a distance up to the largest', async () => {
    expect(await rules(NearInput, near(107.07, 29.05, 1))).toEqual([]);
    expect(await rules(NearInput, near(107.07, 29.05, MAX_NEAR_METERS))).toEqual([]);
  });

  it('refuses a distance of 0 or less and one over the largest, and coordinates out of range', async () => {
    expect(await rules(NearInput, near(107.07, 29.05, 0))).toEqual(['withinMeters isPositive']);
    expect(await violations(NearInput, near(107.07, 29.05, MAX_NEAR_METERS + 0.5))).toEqual([{ field: 'withinMeters', rule: 'max', message: `must be at most ${MAX_NEAR_METERS} metres.` }]);
    expect(await rules(NearInput, near(190, -95, 10))).toEqual(['longitude isLongitude', 'latitude isLatitude']);
  });

  it('is checked inside a list filter with the full path of the field', async () => {
    const filter = Object.assign(new ProbeFilter(), { withinBox: box(107.1, 29, 107, 29.1), near: near(107, 29, -5) });
    expect(await rules(ProbeFilter, filter, 'filter')).toEqual(['filter.withinBox.east range', 'filter.near.withinMeters isPositive']);
    expect(await rules(ProbeFilter, Object.assign(new ProbeFilter(), { withinBox: null, near: null }))).toEqual([]);
  });
});

describe('spatial SQL', () => {
  it('writes the box as the indexed containment plus the exact edges, with parameters', () => {
    const { text, params } = compile(insideBoxSql(box(107, 29, 107.1, 29.1), 'h'));
    expect(text).toBe(
      'point(h.longitude, h.latitude) <@ box(point(CAST(:p1 AS float8), CAST(:p2 AS float8)), point(CAST(:p3 AS float8), CAST(:p4 AS float8))) AND h.longitude BETWEEN CAST(:p5 AS float8) AND CAST(:p6 AS float8) AND h.latitude BETWEEN CAST(:p7 AS float8) AND CAST(:p8 AS float8)',
    );
    expect(Object.values(params)).toEqual([107, 29, 107.1, 29.1, 107, 107.1, 29, 29.1]);
  });

  it('writes the distance as the indexed box around the circle and the haversine', () => {
    const n: GeoNear = { longitude: 107.07, latitude: 29.05, withinMeters: 1000 };
    const { text, params } = compile(withinDistanceSql(n));
    const b = boxAround(n);
    expect(text).toMatch(/^point\(t\.longitude, t\.latitude\) <@ box\(point\(CAST\(:p1 AS float8\), CAST\(:p2 AS float8\)\), point\(CAST\(:p3 AS float8\), CAST\(:p4 AS float8\)\)\) AND \(CAST\(:p5 AS float8\) \* asin\(least\(1, sqrt\(/);
    expect(text).toMatch(/\) <= CAST\(:p\d+ AS float8\)$/);
    expect(Object.values(params).slice(0, 5)).toEqual([b.west, b.south, b.east, b.north, 2 * EARTH_MEAN_RADIUS_M]);
    expect(Object.values(params).at(-1)).toBe(1000);
    expect(compile(distanceMetersSql(n, 'x')).text).toContain('radians(x.latitude)');
  });

  it('refuses an alias that is not one', () => {
    expect(() => insideBoxSql(box(107, 29, 107.1, 29.1), 't; DROP TABLE hazard')).toThrow('is not a table alias');
  });

  it('gives no condition for an empty filter and one per given field', () => {
    expect(spatialConditions({})).toEqual([]);
    expect(spatialConditions({ withinBox: null, near: null })).toEqual([]);
    expect(spatialConditions({ withinBox: box(107, 29, 107.1, 29.1), near: near(107, 29, 10) })).toHaveLength(2);
  });
});

describe('boxAround', () => {
  it('holds every point of the circle and is tight around it (1 m to 50 km, equator to 60° N)', () => {
    for (const latitude of [0, 29.05, 45, 60]) {
      for (const meters of [1, 1000, MAX_NEAR_METERS]) {
        const centre = { longitude: 107.07, latitude, withinMeters: meters };
        const b = boxAround(centre);
        for (let bearing = 0; bearing < 360; bearing += 5) {
          const p = destination(centre, bearing, meters);
          expect(p.longitude).toBeGreaterThanOrEqual(b.west);
          expect(p.longitude).toBeLessThanOrEqual(b.east);
          expect(p.latitude).toBeGreaterThanOrEqual(b.south);
          expect(p.latitude).toBeLessThanOrEqual(b.north);
        }
        // Tight: the northernmost point of the circle lies within a millimetre-scale margin of the edge.
        expect(b.north - destination(centre, 0, meters).latitude).toBeLessThan(1e-6);
        expect(b.north - b.south).toBeCloseTo((2 * meters) / EARTH_MEAN_RADIUS_M / (Math.PI / 180), 6);
      }
    }
  });

  it('spans every longitude where the circle reaches a pole or crosses the antimeridian', () => {
    expect(boxAround({ longitude: 10, latitude: 89.9, withinMeters: 20_000 })).toMatchObject({ west: -180, east: 180, north: 90 });
    expect(boxAround({ longitude: 179.99, latitude: 10, withinMeters: 5_000 })).toMatchObject({ west: -180, east: 180 });
    expect(boxAround({ longitude: -179.99, latitude: 10, withinMeters: 5_000 })).toMatchObject({ west: -180, east: 180 });
  });
});

describe('haversineMeters', () => {
  it('measures on the sphere of the WGS 84 mean radius', () => {
    // One degree of a great circle: R·π/180.
    expect(haversineMeters({ longitude: 107, latitude: 29 }, { longitude: 107, latitude: 30 })).toBeCloseTo((EARTH_MEAN_RADIUS_M * Math.PI) / 180, 6);
    expect(haversineMeters({ longitude: 0, latitude: 0 }, { longitude: 180, latitude: 0 })).toBeCloseTo(Math.PI * EARTH_MEAN_RADIUS_M, 3);
    const p = { longitude: 107.07, latitude: 29.05 };
    expect(haversineMeters(p, p)).toBe(0);
    expect(haversineMeters(p, destination(p, 37, 1234.5))).toBeCloseTo(1234.5, 6);
  });
});
