import 'reflect-metadata';
import { BadUserInputError } from '../errors/errors';
import { defineScopedEntity } from '../data/entity';
import { GEOJSON_DEFAULT_LIMIT, GEOJSON_MAX_LIMIT, geoJsonRoute, readGeoJsonRequest } from './geojson-route';

const request = (query: string) => readGeoJsonRequest(new URLSearchParams(query));

/** The failing fields of reading the query string, as `field rule`. */
async function refused(query: string): Promise<string[]> {
  try {
    await request(query);
  } catch (error) {
    if (!(error instanceof BadUserInputError)) throw error;
    return (error.extensions['fields'] as Array<{ field: string; rule: string }>).map((f) => `${f.field} ${f.rule}`);
  }
  throw new Error(`${query} was accepted`);
}

class Place {
  id: string;
  name: string;
  longitude: number | null;
  latitude: number | null;
}
const Places = defineScopedEntity(Place, { table: 'place', scope: { organizationColumn: 'organization_id' }, read: 'probe.place:read' });

describe('readGeoJsonRequest', () => {
  it('defaults to every record in scope, the default limit, from the start', async () => {
    expect(await request('')).toEqual({ bbox: null, limit: GEOJSON_DEFAULT_LIMIT, after: null });
  });

  it('reads bbox=west,south,east,north, limit and after', async () => {
    const r = await request('bbox=107,29.0,107.1,29.1&limit=20&after=0b6f4c1e-0000-4000-8000-000000000001');
    expect({ ...r, bbox: { ...r.bbox } }).toEqual({ bbox: { west: 107, south: 29, east: 107.1, north: 29.1 }, limit: 20, after: '0b6f4c1e-0000-4000-8000-000000000001' });
    expect((await request(`limit=${GEOJSON_MAX_LIMIT}`)).limit).toBe(GEOJSON_MAX_LIMIT);
  });

  it('refuses a bbox that is not four numbers (rule matches)', async () => {
    for (const bbox of ['1,2,3', '1,2,3,4,5', '1,2,,4', 'a,b,c,d', '107,29,107.1,Infinity', '']) expect(await refused(`bbox=${bbox}`)).toEqual(['bbox matches']);
  });

  it('refuses a bbox the filters refuse, naming the edge and rule', async () => {
    expect(await refused('bbox=107.1,29,107,29.1')).toEqual(['bbox.east range']);
    expect(await refused('bbox=107,29,110,29.1')).toEqual(['bbox.east range']);
    expect(await refused('bbox=-190,29,107,95')).toEqual(['bbox.west isLongitude', 'bbox.north isLatitude']);
  });

  it('refuses a limit that is not a whole number from 1 to the largest', async () => {
    expect(await refused('limit=0')).toEqual(['limit min']);
    expect(await refused(`limit=${GEOJSON_MAX_LIMIT + 1}`)).toEqual(['limit max']);
    for (const limit of ['x', '1.5', '']) expect(await refused(`limit=${limit}`)).toEqual(['limit isInt']);
  });

  it('refuses an after that is no cursor of a collection (rule cursor)', async () => {
    expect(await refused('after=1')).toEqual(['after cursor']);
  });
});

describe('geoJsonRoute', () => {
  it('serves /geo/<name> with the entity read permission', () => {
    expect(geoJsonRoute({ name: 'fire-places', entity: Places, properties: ['name'] })).toMatchObject({ path: '/geo/fire-places', permission: 'probe.place:read' });
  });

  it('refuses a name that is no path segment and properties the feature has already or that are no identifiers', () => {
    expect(() => geoJsonRoute({ name: 'Places/x', entity: Places, properties: ['name'] })).toThrow('kebab-case');
    expect(() => geoJsonRoute({ name: 'places', entity: Places, properties: ['longitude'] })).toThrow('cannot be a feature property');
    expect(() => geoJsonRoute({ name: 'places', entity: Places, properties: ["name'" as 'name'] })).toThrow('cannot be a feature property');
  });
});
