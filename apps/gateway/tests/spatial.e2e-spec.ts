import { EARTH_MEAN_RADIUS_M, GEOJSON_CONTENT_TYPE, GEOJSON_MAX_LIMIT, compile, haversineMeters, insideBoxSql, toGlobalId, withinDistanceSql, type Sql } from '@platform/core';
import { seedId } from '@platform/directory';
import { checkedBody, errorOf, fieldsOf, ok, startTestGateway, type GraphQLClient, type TestGateway } from '@platform/testing';
import { AVAILABLE_MODULES } from '../src/available-modules';

const WENFENG = seedId('org:village-wenfeng');
const SHUANGHE = seedId('org:village-shuanghe');

interface Point {
  longitude: number;
  latitude: number;
}

/** The point `meters` from `from` towards `bearing` (degrees from north) on the sphere the platform measures on. */
function destination(from: Point, bearing: number, meters: number): Point {
  const r = Math.PI / 180;
  const d = meters / EARTH_MEAN_RADIUS_M;
  const lat1 = from.latitude * r;
  const lat2 = Math.asin(Math.sin(lat1) * Math.cos(d) + Math.cos(lat1) * Math.sin(d) * Math.cos(bearing * r));
  const lon2 = from.longitude * r + Math.atan2(Math.sin(bearing * r) * Math.sin(d) * Math.cos(lat1), Math.cos(d) - Math.sin(lat1) * Math.sin(lat2));
  return { longitude: lon2 / r, latitude: lat2 / r };
}

/** A box of ±`half` degrees around a point. */
const around = (p: Point, half: number) => ({ west: p.longitude - half, south: p.latitude - half, east: p.longitude + half, north: p.latitude + half });

/** The root lists of located records, with the table, the filter type and the GeoJSON collection of each. */
const LISTS = [
  { table: 'organization', query: 'organizations', filter: 'OrganizationFilter', collection: 'organizations', active: 'archived_at IS NULL' },
  { table: 'hazard', query: 'hazards', filter: 'HazardFilter', collection: 'hazards', active: 'TRUE' },
  { table: 'risk_point', query: 'riskPoints', filter: 'RiskPointFilter', collection: 'risk-points', active: 'archived_at IS NULL' },
  { table: 'shelter', query: 'shelters', filter: 'ShelterFilter', collection: 'shelters', active: 'archived_at IS NULL' },
  { table: 'fire_facility', query: 'fireFacilities', filter: 'FireFacilityFilter', collection: 'fire-facilities', active: 'archived_at IS NULL' },
  { table: 'incident', query: 'incidents', filter: 'IncidentFilter', collection: 'incidents', active: 'TRUE' },
  { table: 'supply_depot', query: 'supplyDepots', filter: 'SupplyDepotFilter', collection: 'supply-depots', active: 'archived_at IS NULL' },
] as const;
/** Where the seeded record of each list is moved to, far from everything else (and the box holding them all). */
const spotOf = (i: number): Point => ({ longitude: 109 + i * 0.1, latitude: 31.5 });
const SPOTS_BBOX = '108.9,31.4,109.8,31.6';

/** A test box far from the seeded town (107.07° E, 29.05° N), so only this file's records are inside. */
const BOX = { west: 108.49, south: 30.49, east: 108.51, north: 30.51 };
/** The centre of the distance tests, and its radius. */
const CENTRE: Point = { longitude: 108.6, latitude: 30.6 };
const RADIUS = 1000;

interface Feature {
  type: string;
  id: string;
  geometry: { type: string; coordinates: number[] };
  properties: Record<string, unknown>;
}
interface FeatureCollection {
  type: string;
  bbox?: number[];
  numberReturned: number;
  truncated: boolean;
  links: Array<{ rel: string; type: string; href: string }>;
  features: Feature[];
}

describe('spatial filters and GeoJSON collections', () => {
  let t: TestGateway;
  let anban: GraphQLClient;
  let wenfeng: GraphQLClient;
  const tokens = new Map<string, string>();
  const sql = <R = any>(text: string, params: unknown[] = []): Promise<R[]> => t.gateway.database.dataSource.query(text, params);
  const located = new Map<string, Point | null>();
  const ids: Record<string, string> = {};
  /** Per list (table), the seeded record moved to its spot. */
  const moved = new Map<string, string>();

  const createShelter = async (key: string, organizationId: string, location: Point | null) => {
    const created = await ok(anban(`mutation($input: CreateShelterInput!) { createShelter(input: $input) { id } }`, { input: { organizationId, name: `空间测试${key}`, type: 'OUTDOOR', capacity: 100, location } }), 'createShelter');
    ids[key] = created.id;
    located.set(created.id, location);
  };
  const names = (list: string[]) => list.map((id) => Object.entries(ids).find(([, v]) => v === id)?.[0] ?? id).sort();
  const shelters = async (client: GraphQLClient, filter: Record<string, unknown>) => {
    const res = await client(`query($filter: ShelterFilter) { shelters(first: 100, filter: $filter) { totalCount edges { node { id } } } }`, { filter });
    const data = await ok(res, 'shelters');
    expect(data.edges).toHaveLength(data.totalCount);
    return names(data.edges.map((e: { node: { id: string } }) => e.node.id));
  };
  const geo = async (path: string, user?: string): Promise<Response> => fetch(`${t.origin}${path}`, { headers: user ? { authorization: `Bearer ${tokens.get(user)}` } : {} });
  const collection = async (path: string, user: string): Promise<{ res: Response; body: FeatureCollection }> => {
    const res = await geo(path, user);
    expect(res.status).toBe(200);
    return { res, body: (await res.json()) as FeatureCollection };
  };

  beforeAll(async () => {
    t = await startTestGateway(AVAILABLE_MODULES, { seed: true });
    for (const u of ['anban', 'wenfeng', 'sinopec-nanping']) tokens.set(u, await t.token(u));
    anban = (q, v) => t.gql(q, v, { authorization: `Bearer ${tokens.get('anban')}` });
    wenfeng = (q, v) => t.gql(q, v, { authorization: `Bearer ${tokens.get('wenfeng')}` });
    // Of each located list, a seeded record moved to a place of its own. This runs before the shelters
    // below are created: otherwise the lowest id could be one of theirs (random ids), and it would move.
    for (const [i, list] of LISTS.entries()) {
      const [row] = await sql<{ id: string }>(
        `WITH m AS (UPDATE ${list.table} SET longitude = $1, latitude = $2 WHERE id = (SELECT id FROM ${list.table} WHERE ${list.active} ORDER BY id LIMIT 1) RETURNING id) SELECT id FROM m`,
        [spotOf(i).longitude, spotOf(i).latitude],
      );
      moved.set(list.table, row!.id);
    }
    // Around the box: inside, on its edges and corner, a tenth of a metre outside, without a location, and in another village.
    await createShelter('inside', WENFENG, { longitude: 108.5, latitude: 30.5 });
    await createShelter('westEdge', WENFENG, { longitude: BOX.west, latitude: 30.5 });
    await createShelter('southEastCorner', WENFENG, { longitude: BOX.east, latitude: BOX.south });
    await createShelter('westOutside', WENFENG, { longitude: BOX.west - 1e-6, latitude: 30.5 });
    await createShelter('northOutside', WENFENG, { longitude: 108.5, latitude: BOX.north + 1e-6 });
    await createShelter('nowhere', WENFENG, null);
    await createShelter('otherVillage', SHUANGHE, { longitude: 108.505, latitude: 30.505 });
    // Around the centre: a metre inside and outside the radius, in the box around the circle but outside it, and in another village.
    await createShelter('nearInside', WENFENG, destination(CENTRE, 90, RADIUS - 1));
    await createShelter('nearOutside', WENFENG, destination(CENTRE, 0, RADIUS + 1));
    await createShelter('nearBoxCorner', WENFENG, destination(CENTRE, 45, RADIUS * 1.1));
    await createShelter('nearOtherVillage', SHUANGHE, destination(CENTRE, 200, RADIUS / 2));
  });
  afterAll(() => t?.close());

  describe('filters on lists', () => {
    it('withinBox answers exactly the records inside the box, edges included', async () => {
      expect(await shelters(anban, { withinBox: BOX })).toEqual(['inside', 'otherVillage', 'southEastCorner', 'westEdge']);
    });

    it('a scoped caller gets only the records of its scope inside the box', async () => {
      expect(await shelters(wenfeng, { withinBox: BOX })).toEqual(['inside', 'southEastCorner', 'westEdge']);
    });

    it('near answers exactly the records within the distance (great circle), not the corners of the box around it', async () => {
      expect(haversineMeters(CENTRE, located.get(ids['nearInside']!)!)).toBeCloseTo(RADIUS - 1, 6);
      expect(haversineMeters(CENTRE, located.get(ids['nearOutside']!)!)).toBeCloseTo(RADIUS + 1, 6);
      expect(await shelters(anban, { near: { ...CENTRE, withinMeters: RADIUS } })).toEqual(['nearInside', 'nearOtherVillage']);
      expect(await shelters(wenfeng, { near: { ...CENTRE, withinMeters: RADIUS } })).toEqual(['nearInside']);
      expect(await shelters(anban, { near: { ...CENTRE, withinMeters: RADIUS * 1.2 } })).toEqual(['nearBoxCorner', 'nearInside', 'nearOtherVillage', 'nearOutside']);
    });

    it('combines with the other filters and with each other; a record without a location never matches', async () => {
      expect(await shelters(anban, { near: { ...CENTRE, withinMeters: RADIUS }, withinSubtreeOf: SHUANGHE })).toEqual(['nearOtherVillage']);
      expect(await shelters(anban, { withinBox: BOX, near: { ...CENTRE, withinMeters: RADIUS } })).toEqual([]);
      // A box (the largest side) around both test areas, far from the seeded town: every located test record of the village, not the one without a location.
      expect(await shelters(wenfeng, { withinBox: { west: 107.6, south: 29.6, east: 109.6, north: 31.6 } })).toEqual(
        ['inside', 'nearBoxCorner', 'nearInside', 'nearOutside', 'northOutside', 'southEastCorner', 'westEdge', 'westOutside'],
      );
    });

    it('refuses a bad box or distance with BAD_USER_INPUT naming the field and rule', async () => {
      const crossed = await anban(`{ shelters(filter: { withinBox: { west: 179.5, south: 30, east: -179.5, north: 30.1 } }) { totalCount } }`);
      expect(errorOf(crossed)?.['code']).toBe('BAD_USER_INPUT');
      expect(fieldsOf(crossed)).toEqual([{ field: 'filter.withinBox.east', rule: 'range', message: 'must lie east of west (179.5); a box across the antimeridian is not supported.' }]);
      const large = await anban(`query($filter: HazardFilter) { hazards(filter: $filter) { totalCount } }`, { filter: { withinBox: { west: 100, south: 20, east: 110, north: 20.5 } } });
      expect(fieldsOf(large).map((f) => `${f.field} ${f.rule}`)).toEqual(['filter.withinBox.east range']);
      const far = await anban(`{ incidents(filter: { near: { longitude: 108.6, latitude: 95, withinMeters: 50001 } }) { totalCount } }`);
      expect(fieldsOf(far).map((f) => `${f.field} ${f.rule}`)).toEqual(['filter.near.latitude isLatitude', 'filter.near.withinMeters max']);
      const zero = await anban(`{ organizations(filter: { near: { longitude: 108.6, latitude: 30.6, withinMeters: 0 } }) { totalCount } }`);
      expect(fieldsOf(zero).map((f) => `${f.field} ${f.rule}`)).toEqual(['filter.near.withinMeters isPositive']);
    });

    it('every root list of located records takes withinBox and near', async () => {
      for (const [i, list] of LISTS.entries()) {
        const spot = spotOf(i);
        const query = `query($filter: ${list.filter}) { ${list.query}(first: 100, filter: $filter) { edges { node { id } } } }`;
        for (const filter of [{ withinBox: around(spot, 0.001) }, { near: { ...spot, withinMeters: 10 } }, { withinBox: around(spot, 0.01), near: { ...destination(spot, 0, 20), withinMeters: 21 } }]) {
          const data = await ok(anban(query, { filter }), list.query);
          expect({ list: list.query, ids: data.edges.map((e: { node: { id: string } }) => e.node.id) }).toEqual({ list: list.query, ids: [moved.get(list.table)] });
        }
        const none = await ok(anban(query, { filter: { near: { ...destination(spot, 90, 20), withinMeters: 19 } } }), list.query);
        expect({ list: list.query, ids: none.edges }).toEqual({ list: list.query, ids: [] });
      }
    });
  });

  describe('GET /geo/{collection}', () => {
    const bbox = `bbox=${BOX.west},${BOX.south},${BOX.east},${BOX.north}`;

    it('answers 401 without credentials and 403 without the permission, typed like every route', async () => {
      const anonymous = await geo('/geo/shelters');
      expect(anonymous.status).toBe(401);
      expect(anonymous.headers.get('www-authenticate')).toBe('Bearer');
      expect((await checkedBody(anonymous)).errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
      const enterprise = await geo('/geo/shelters', 'sinopec-nanping');
      expect(enterprise.status).toBe(403);
      expect((await checkedBody(enterprise)).errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', permission: 'risk.register:read' });
    });

    it('answers an RFC 7946 FeatureCollection of the records in the box within the caller\'s scope, in one statement', async () => {
      const { res, body } = await collection(`/geo/shelters?${bbox}`, 'wenfeng');
      expect(res.headers.get('content-type')).toMatch(/^application\/geo\+json\b/);
      expect(res.headers.get('cache-control')).toBe('private, no-store');
      expect(Number(res.headers.get('x-sql-statements'))).toBe(1);
      const expected = ['inside', 'southEastCorner', 'westEdge'].map((k) => ids[k]!).sort();
      expect(body).toEqual({
        type: 'FeatureCollection',
        bbox: [BOX.west, BOX.south, BOX.east, 30.5],
        numberReturned: 3,
        truncated: false,
        links: [],
        features: expected.map((id) => ({
          type: 'Feature',
          id,
          geometry: { type: 'Point', coordinates: [located.get(id)!.longitude, located.get(id)!.latitude] },
          properties: { nodeId: toGlobalId('Shelter', id), name: `空间测试${names([id])[0]}`, type: 'OUTDOOR', capacity: 100, status: 'AVAILABLE' },
        })),
      });
      // The nodeId is the one GraphQL hands out.
      const node = await ok(wenfeng(`query($id: UUID!) { shelter(id: $id) { nodeId } }`, { id: expected[0] }), 'shelter');
      expect(body.features[0]!.properties['nodeId']).toBe(node.nodeId);
      // A town-wide caller also gets the other village's.
      expect(names((await collection(`/geo/shelters?${bbox}`, 'anban')).body.features.map((f) => f.id))).toEqual(['inside', 'otherVillage', 'southEastCorner', 'westEdge']);
    });

    it('leaves out records without a location and out of scope (no bbox)', async () => {
      const { body } = await collection('/geo/shelters', 'wenfeng');
      const readable = await sql<{ id: string }>(
        `SELECT s.id FROM shelter s WHERE s.archived_at IS NULL AND s.longitude IS NOT NULL
            AND s.organization_id IN (SELECT o.id FROM organization o WHERE o.path <@ (SELECT path FROM organization WHERE id = $1)) ORDER BY s.id`,
        [WENFENG],
      );
      expect(body.features.map((f) => f.id)).toEqual(readable.map((r) => r.id));
      expect(body.features.map((f) => f.id)).not.toContain(ids['nowhere']);
      expect(body.features.map((f) => f.id)).not.toContain(ids['otherVillage']);
      for (const f of body.features) {
        expect(f.geometry.coordinates).toHaveLength(2);
        expect(f.geometry.coordinates.every((c) => Number.isFinite(c))).toBe(true);
      }
    });

    it('pages past the limit: truncated, a next link (also as a Link header) that continues after the last id', async () => {
      const first = await collection(`/geo/shelters?${bbox}&limit=3`, 'anban');
      expect(first.body).toMatchObject({ numberReturned: 3, truncated: true });
      const all = ['inside', 'otherVillage', 'southEastCorner', 'westEdge'].map((k) => ids[k]!).sort();
      expect(first.body.features.map((f) => f.id)).toEqual(all.slice(0, 3));
      const next = `${t.origin}/geo/shelters?${new URLSearchParams({ bbox: `${BOX.west},${BOX.south},${BOX.east},${BOX.north}`, limit: '3', after: all[2]! })}`;
      expect(first.body.links).toEqual([{ rel: 'next', type: GEOJSON_CONTENT_TYPE, href: next }]);
      expect(first.res.headers.get('link')).toBe(`<${next}>; rel="next"; type="${GEOJSON_CONTENT_TYPE}"`);
      const rest = await collection(next.slice(t.origin.length), 'anban');
      expect(rest.body).toMatchObject({ numberReturned: 1, truncated: false, links: [] });
      expect(rest.body.features.map((f) => f.id)).toEqual(all.slice(3));
      expect(rest.res.headers.get('link')).toBeNull();
      // Nothing after the last: an empty collection, without bbox.
      const after = await collection(`/geo/shelters?${bbox}&after=${all[3]}`, 'anban');
      expect(after.body).toEqual({ type: 'FeatureCollection', numberReturned: 0, truncated: false, links: [], features: [] });
    });

    it('refuses bad parameters with 400 BAD_USER_INPUT naming the parameter and rule', async () => {
      for (const [query, expected] of [
        [`limit=${GEOJSON_MAX_LIMIT + 1}`, 'limit max'],
        ['limit=0', 'limit min'],
        ['bbox=108.51,30.49,108.49,30.51', 'bbox.east range'],
        ['bbox=1,2,3', 'bbox matches'],
        ['after=nope', 'after cursor'],
      ] as const) {
        const res = await geo(`/geo/shelters?${query}`, 'anban');
        expect(res.status).toBe(400);
        const error = (await checkedBody(res)).errors?.[0]?.extensions;
        expect({ query, code: error?.['code'], fields: (error?.['fields'] as Array<{ field: string; rule: string }>).map((f) => `${f.field} ${f.rule}`) }).toEqual({ query, code: 'BAD_USER_INPUT', fields: [expected] });
      }
    });

    it('serves a collection per located type with its declared properties', async () => {
      const declared: Record<string, string[]> = {
        organizations: ['kind', 'name', 'nodeId'],
        hazards: ['category', 'grade', 'nodeId', 'status', 'title'],
        'risk-points': ['category', 'level', 'name', 'nodeId'],
        shelters: ['capacity', 'name', 'nodeId', 'status', 'type'],
        'fire-facilities': ['description', 'kind', 'nodeId', 'status'],
        incidents: ['nodeId', 'occurredAt', 'status', 'title', 'type'],
        'supply-depots': ['name', 'nodeId'],
      };
      for (const [i, list] of LISTS.entries()) {
        const { body } = await collection(`/geo/${list.collection}?bbox=${SPOTS_BBOX}`, 'anban');
        const [record] = await sql(`SELECT * FROM ${list.table} WHERE id = $1`, [moved.get(list.table)]);
        expect({ name: list.collection, ids: body.features.map((f) => f.id), coordinates: body.features[0]?.geometry.coordinates }).toEqual({
          name: list.collection,
          ids: [moved.get(list.table)],
          coordinates: [spotOf(i).longitude, spotOf(i).latitude],
        });
        const properties = body.features[0]!.properties;
        expect({ name: list.collection, keys: Object.keys(properties).sort() }).toEqual({ name: list.collection, keys: declared[list.collection] });
        // Values as stored (a timestamp as ISO 8601 text, compared as an instant).
        for (const key of declared[list.collection]!.filter((k) => k !== 'nodeId')) {
          const stored = record[key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)];
          expect({ key, value: stored instanceof Date ? new Date(properties[key] as string).getTime() : properties[key] }).toEqual({ key, value: stored instanceof Date ? stored.getTime() : stored });
        }
      }
    });
  });

  describe('the GiST index on point(longitude, latitude)', () => {
    /** The plan of a statement with the kernel's condition, as JSON text. */
    const plan = async (condition: Sql): Promise<string> => {
      const { text, params } = compile(condition);
      const statement = `SELECT t.id FROM shelter t WHERE t.archived_at IS NULL AND ${text} ORDER BY t.name, t.id LIMIT 21`;
      const [query, values] = t.gateway.database.dataSource.driver.escapeQueryWithParameters(statement, params);
      const [row] = await sql<{ 'QUERY PLAN': unknown }>(`EXPLAIN (FORMAT JSON) ${query}`, values);
      return JSON.stringify(row!['QUERY PLAN']);
    };

    it('exists on every located table', async () => {
      const indexes = await sql<{ tablename: string; indexdef: string }>(`SELECT tablename, indexdef FROM pg_indexes WHERE indexname LIKE '%\\_location\\_idx' ORDER BY tablename`);
      expect(indexes.map((i) => i.tablename)).toEqual(['fire_facility', 'hazard', 'incident', 'organization', 'risk_point', 'sensor_thing', 'shelter', 'supply_depot', 'tip']);
      for (const i of indexes) expect(i.indexdef).toMatch(/USING gist \(point\(longitude, latitude\)\)$/);
    });

    it('serves the box and the distance conditions over a few thousand rows', async () => {
      await sql(
        `INSERT INTO shelter (organization_id, name, type, capacity, longitude, latitude, dual_use, status)
         SELECT $1, '批量避难场所' || g, 'OUTDOOR', 10, 106 + random() * 2, 28.5 + random() * 2, false, 'AVAILABLE' FROM generate_series(1, 5000) g`,
        [SHUANGHE],
      );
      await sql(`ANALYZE shelter`);
      expect(await plan(insideBoxSql(BOX))).toContain('"Index Name":"shelter_location_idx"');
      expect(await plan(withinDistanceSql({ ...CENTRE, withinMeters: RADIUS }))).toContain('"Index Name":"shelter_location_idx"');
      // And the list answers as before over them.
      expect(await shelters(anban, { near: { ...CENTRE, withinMeters: RADIUS } })).toEqual(['nearInside', 'nearOtherVillage']);
    });
  });
});
