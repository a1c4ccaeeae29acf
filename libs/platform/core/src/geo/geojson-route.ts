import type { ObjectLiteral } from 'typeorm';
import { IsInt, IsOptional, Max, Min, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import type { RequestContext } from '../context/request-context';
import type { ModuleHttpRequest, ModuleHttpResponse, ModuleHttpRoute } from '../module/module-runtime';
import type { ScopedEntity } from '../data/entity';
import { records } from '../data/records';
import { ParamNames, compile, raw, sql, type Sql } from '../sql/sql';
import { readRows } from '../db/row-reader';
import { BadUserInputError } from '../errors/errors';
import { kernelRules } from '../errors/rule-catalog';
import { validateInput } from '../validation/validate-argument';
import { BoundingBoxInput } from './spatial-filter.inputs';
import { insideBoxSql } from './spatial.sql';

/** The media type of GeoJSON (RFC 7946 §12). */
export const GEOJSON_CONTENT_TYPE = 'application/geo+json';
/** Features per answer when `limit` is not given. */
export const GEOJSON_DEFAULT_LIMIT = 500;
/** The largest `limit` (a larger one is BAD_USER_INPUT `max`); more records than the limit are paged with `links` `next`. */
export const GEOJSON_MAX_LIMIT = 5000;

/** A collection of located records served as GeoJSON at `GET /geo/<name>`, declared by the module that owns them. */
export interface GeoJsonCollection<T extends ObjectLiteral> {
  /** The path segment, kebab-case: `fire-facilities` serves `/geo/fire-facilities`. */
  readonly name: string;
  /** The records, with the permission (`read`) and row scope the GraphQL lists of them have. */
  readonly entity: ScopedEntity<T>;
  /**
   * The entity properties each feature's `properties` carries (besides `nodeId`, its global id; the
   * record's id is the feature's `id`): a small set for map symbols and labels, never personal data.
   */
  readonly properties: readonly (keyof T & string)[];
  /** Which records a map shows, over alias `t` (e.g. not archived, as the GraphQL list by default); all in scope when absent. */
  readonly where?: Sql;
}

const NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const PROPERTY = /^[a-zA-Z][a-zA-Z0-9]*$/;
const TYPE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const RESERVED = new Set(['id', 'longitude', 'latitude', 'nodeId']);

/** The query string of a collection, checked by class-validator like any input (fields `bbox.east`, `limit`). */
class GeoJsonQuery {
  @IsOptional()
  @ValidateNested()
  @Type(() => BoundingBoxInput)
  bbox?: BoundingBoxInput;

  @IsInt()
  @Min(1)
  @Max(GEOJSON_MAX_LIMIT)
  limit: number;
}

/** What a request asks of a collection. */
export interface GeoJsonRequest {
  readonly bbox: BoundingBoxInput | null;
  readonly limit: number;
  /** Only features with a greater id (the `next` link's cursor). */
  readonly after: string | null;
}

/**
 * Reads `bbox=west,south,east,north` (WGS 84 degrees, the order of RFC 7946 and OGC API Features),
 * `limit` and `after`: BAD_USER_INPUT naming the parameter (`bbox` `matches`, `bbox.east` `range`,
 * `limit` `max`, `after` `cursor`…).
 */
export async function readGeoJsonRequest(query: URLSearchParams): Promise<GeoJsonRequest> {
  const values: Partial<GeoJsonQuery> = { limit: GEOJSON_DEFAULT_LIMIT };
  const bbox = query.get('bbox');
  if (bbox !== null) {
    const edges = bbox.split(',').map((part) => (part.trim() === '' ? NaN : Number(part)));
    if (edges.length !== 4 || edges.some((edge) => !Number.isFinite(edge))) {
      throw BadUserInputError.field('bbox', 'matches', 'must be four numbers west,south,east,north (WGS 84 degrees).');
    }
    const [west, south, east, north] = edges as [number, number, number, number];
    values.bbox = Object.assign(new BoundingBoxInput(), { west, south, east, north });
  }
  const limit = query.get('limit');
  if (limit !== null) {
    values.limit = limit.trim() === '' ? NaN : Number(limit);
    // Not a number at all: one refusal (class-validator would add min and max for NaN).
    if (!Number.isFinite(values.limit)) throw BadUserInputError.field('limit', 'isInt', `must be a whole number from 1 to ${GEOJSON_MAX_LIMIT}.`);
  }
  const checked = await validateInput(GeoJsonQuery, values);
  const after = query.get('after');
  if (after !== null && !UUID.test(after)) throw kernelRules.field('after', 'cursor', 'is not a cursor this collection handed out.');
  return { bbox: checked.bbox ?? null, limit: checked.limit, after };
}

/** One answer's statement result. */
interface CollectionRow {
  readonly features: string;
  readonly returned: number;
  readonly truncated: boolean;
  readonly lastId: string | null;
  readonly west: number | null;
  readonly south: number | null;
  readonly east: number | null;
  readonly north: number | null;
}

/**
 * `GET /geo/<name>`: an RFC 7946 FeatureCollection (`application/geo+json`) of the collection's
 * located records the caller may read (the entity's read permission and row scope, through
 * `records`), ordered by id, in ONE statement that builds the features in PostgreSQL. `?bbox=` keeps
 * the records inside the box (served by the GiST index), `?limit=` (default GEOJSON_DEFAULT_LIMIT, at
 * most GEOJSON_MAX_LIMIT) bounds the features. Foreign members: `numberReturned`, `truncated` (more
 * records follow) and `links` with the `next` page (`?after=<last id>`, also as a `Link` header);
 * `bbox` (RFC 7946 §5) is the extent of the features returned. Records without a location are left out.
 */
export function geoJsonRoute<T extends ObjectLiteral>(collection: GeoJsonCollection<T>): ModuleHttpRoute {
  if (!NAME.test(collection.name)) throw new Error(`GeoJSON collection ${JSON.stringify(collection.name)}: the name is a kebab-case path segment.`);
  if (!TYPE_NAME.test(collection.entity.typeName)) throw new Error(`GeoJSON collection ${collection.name}: ${collection.entity.typeName} is not a type name.`);
  for (const property of collection.properties) {
    if (!PROPERTY.test(property) || RESERVED.has(property)) throw new Error(`GeoJSON collection ${collection.name}: ${JSON.stringify(property)} cannot be a feature property.`);
  }
  const path = `/geo/${collection.name}`;
  let columns: string | null = null;
  /** The select list: id, coordinates and the properties by their column (checked against the entity once). */
  const selectList = (ctx: RequestContext): string => {
    if (columns === null) {
      const meta = ctx.manager.connection.getMetadata(collection.entity.entity);
      const props = collection.properties.map((property) => {
        const column = meta.findColumnWithPropertyName(property);
        if (!column) throw new Error(`GeoJSON collection ${collection.name}: ${collection.entity.typeName} has no column ${property}.`);
        return `t."${column.databaseName}" AS "${property}"`;
      });
      columns = ['t.id AS id', 't.longitude AS longitude', 't.latitude AS latitude', ...props].join(', ');
    }
    return columns;
  };
  const nodeId = sql`translate(encode(convert_to(CAST(${`${collection.entity.typeName}:`} AS text) || f.id::text, 'UTF8'), 'base64'), ${'+/=\n'}, '-_')`;
  const properties = raw(collection.properties.map((p) => `, '${p}', f."${p}"`).join(''));
  const feature = sql`json_build_object('type', 'Feature', 'id', f.id, 'geometry', json_build_object('type', 'Point', 'coordinates', json_build_array(f.longitude, f.latitude)), 'properties', json_build_object('nodeId', ${nodeId}${properties}))`;

  const read = async (ctx: RequestContext, request: GeoJsonRequest): Promise<CollectionRow> => {
    let located = records(ctx, collection.entity).where(sql`t.longitude IS NOT NULL AND t.latitude IS NOT NULL`);
    if (collection.where) located = located.where(collection.where);
    if (request.bbox) located = located.where(insideBoxSql(request.bbox));
    if (request.after) located = located.where(sql`t.id > CAST(${request.after} AS uuid)`);
    const limit = sql`CAST(${request.limit} AS int)`;
    const kept = sql`FILTER (WHERE f.__n <= ${limit})`;
    const statement = sql`
      SELECT coalesce(json_agg(${feature} ORDER BY f.id) ${kept}, '[]')::text AS "features",
             (count(*) ${kept})::int AS "returned",
             count(*) > ${limit} AS "truncated",
             (array_agg(f.id::text ORDER BY f.id DESC) ${kept})[1] AS "lastId",
             min(f.longitude) ${kept} AS "west", min(f.latitude) ${kept} AS "south",
             max(f.longitude) ${kept} AS "east", max(f.latitude) ${kept} AS "north"
        FROM (SELECT s.*, row_number() OVER (ORDER BY s.id) AS __n FROM ${located.subquery(raw(selectList(ctx)))} s ORDER BY s.id LIMIT ${limit} + 1) f`;
    const { text, params } = compile(statement, new ParamNames('g'));
    const [query, values] = ctx.manager.connection.driver.escapeQueryWithParameters(text, params);
    return (await readRows(ctx.manager, query, values))[0] as unknown as CollectionRow;
  };

  return {
    path,
    permission: collection.entity.read,
    handler: async (ctx: RequestContext, _params, http: ModuleHttpRequest): Promise<ModuleHttpResponse> => {
      const request = await readGeoJsonRequest(http.query);
      const row = await read(ctx, request);
      const headers: Record<string, string> = {};
      const links: Array<Record<string, string>> = [];
      if (row.truncated && row.lastId) {
        const next = new URLSearchParams();
        if (request.bbox) next.set('bbox', [request.bbox.west, request.bbox.south, request.bbox.east, request.bbox.north].join(','));
        next.set('limit', String(request.limit));
        next.set('after', row.lastId);
        const href = `${http.origin}${path}?${next}`;
        links.push({ rel: 'next', type: GEOJSON_CONTENT_TYPE, href });
        headers['Link'] = `<${href}>; rel="next"; type="${GEOJSON_CONTENT_TYPE}"`;
      }
      const members = {
        type: 'FeatureCollection',
        ...(row.returned ? { bbox: [row.west, row.south, row.east, row.north] } : {}),
        numberReturned: row.returned,
        truncated: row.truncated,
        links,
      };
      // The features arrive as JSON text from PostgreSQL and are spliced in as they are (no re-parse).
      const body = `${JSON.stringify(members).slice(0, -1)},"features":${row.features}}`;
      return { contentType: GEOJSON_CONTENT_TYPE, body, headers };
    },
  };
}
