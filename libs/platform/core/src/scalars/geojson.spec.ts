import { GraphQLError, parseValue } from 'graphql';
import { GeoJSONPointScalar, GeoJSONPolygonOrMultiPolygonScalar } from './geojson';

const RING = [[107.08, 29.06], [107.1, 29.06], [107.1, 29.08], [107.08, 29.08], [107.08, 29.06]];
const POLYGON = { type: 'Polygon', coordinates: [RING] };
const AREA_RULE = 'with 1 to 100 polygons of 1 to 100 closed rings, each ring at least 4 [longitude, latitude] positions in WGS 84 degrees, the last equal to the first';

describe('GeoJSONPointScalar', () => {
  it('serializes a Point and specifies RFC 7946', () => {
    const point = { type: 'Point', coordinates: [107.070578, 29.059301] };
    expect(GeoJSONPointScalar.serialize(point)).toBe(point);
    expect(GeoJSONPointScalar.specifiedByURL).toBe('https://www.rfc-editor.org/rfc/rfc7946');
    expect(() => GeoJSONPointScalar.serialize(POLYGON)).toThrow('GeoJSONPoint cannot represent a value that is not a GeoJSON Point.');
  });

  it('parses a Point from a variable or a literal, keeping only type and coordinates', () => {
    expect(GeoJSONPointScalar.parseValue({ type: 'Point', coordinates: [107.07, 29.06], properties: { x: 1 } })).toEqual({ type: 'Point', coordinates: [107.07, 29.06] });
    expect(GeoJSONPointScalar.parseLiteral(parseValue('{ type: "Point", coordinates: [107, 29.5] }'), {})).toEqual({ type: 'Point', coordinates: [107, 29.5] });
    expect(GeoJSONPointScalar.parseLiteral(parseValue('{ type: "Point", coordinates: [$lon, 29.5] }'), { lon: 106.5 })).toEqual({ type: 'Point', coordinates: [106.5, 29.5] });
  });

  it('refuses another geometry, coordinates out of WGS 84 range and non-objects', () => {
    const message = 'GeoJSONPoint must be a GeoJSON Point geometry (RFC 7946) whose coordinates are [longitude, latitude] in WGS 84 degrees (-180 to 180, -90 to 90).';
    for (const bad of [POLYGON, { type: 'Point', coordinates: [181, 29] }, { type: 'Point', coordinates: [107, 91] }, { type: 'Point', coordinates: [107] }, { type: 'Point', coordinates: ['107', '29'] }, [107, 29], 'POINT(107 29)', null]) {
      expect(() => GeoJSONPointScalar.parseValue(bad)).toThrow(new GraphQLError(message));
    }
    expect(() => GeoJSONPointScalar.parseLiteral(parseValue('"Point"'), {})).toThrow(message);
  });
});

describe('GeoJSONPolygonOrMultiPolygonScalar', () => {
  it('parses a Polygon and a MultiPolygon, reduced to type and coordinates', () => {
    expect(GeoJSONPolygonOrMultiPolygonScalar.parseValue({ ...POLYGON, bbox: [0, 0, 1, 1] })).toEqual(POLYGON);
    const multi = { type: 'MultiPolygon', coordinates: [[RING], [RING.map(([x, y]) => [x! + 0.1, y!])]] };
    expect(GeoJSONPolygonOrMultiPolygonScalar.parseValue(multi)).toEqual(multi);
    const literal = parseValue('{ type: "Polygon", coordinates: [[[107.08, 29.06], [107.1, 29.06], [107.1, 29.08], [107.08, 29.08], [107.08, 29.06]]] }');
    expect(GeoJSONPolygonOrMultiPolygonScalar.parseLiteral(literal, {})).toEqual(POLYGON);
  });

  it('refuses open or short rings, other geometries and positions out of range, naming the rule', () => {
    const message = `GeoJSONPolygonOrMultiPolygon must be a GeoJSON Polygon or MultiPolygon geometry (RFC 7946) ${AREA_RULE}.`;
    const bad = [
      { type: 'Polygon', coordinates: [RING.slice(0, 4)] },
      { type: 'Polygon', coordinates: [[[107.08, 29.07], [107.09, 29.07], [107.09, 29.08]]] },
      { type: 'Polygon', coordinates: [] },
      { type: 'Polygon', coordinates: [[[200, 29], [201, 29], [201, 30], [200, 29]]] },
      { type: 'Point', coordinates: [107.08, 29.07] },
      { type: 'MultiPolygon', coordinates: [RING] },
      { type: 'Feature', geometry: POLYGON },
      { type: 'Polygon', coordinates: Array.from({ length: 101 }, () => RING) },
    ];
    for (const value of bad) expect(() => GeoJSONPolygonOrMultiPolygonScalar.parseValue(value)).toThrow(new GraphQLError(message));
    expect(() => GeoJSONPolygonOrMultiPolygonScalar.parseLiteral(parseValue('[1, 2]'), {})).toThrow(message);
  });

  it('serializes a stored area and refuses anything else', () => {
    expect(GeoJSONPolygonOrMultiPolygonScalar.serialize(POLYGON)).toBe(POLYGON);
    expect(() => GeoJSONPolygonOrMultiPolygonScalar.serialize({ type: 'Point', coordinates: [1, 2] })).toThrow('cannot represent a value that is not a GeoJSON Polygon or MultiPolygon');
  });
});
