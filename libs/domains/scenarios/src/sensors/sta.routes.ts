import { NotFoundError, SortDirection, raw, records, sql, type ModuleHttpRequest, type ModuleHttpResponse, type ModuleHttpRoute, type RequestContext, type SortKey, type Sql } from '@platform/core';
import { Datastreams, Observations, SensorThings } from './sensors.entities';
import { SensorPermission } from './sensors.permissions';
import { DATASTREAMS_BY_NAME, OBSERVATIONS_IN_TIME_ORDER } from './sensors.orders';
import { offsetPage } from './sta.sql';
import { StaRefusal, datastreamJson, observationJson, staAnswer, staError, thingJson, type DatastreamRow, type ObservationRow, type ThingRow } from './sta.format';

/** Where the SensorThings view is: `<origin>/sta/v1.1`. */
export const STA_BASE = '/sta/v1.1';
/** `$top` when absent, and its largest value (FROST-Server's defaults). */
export const STA_DEFAULT_TOP = 100;
export const STA_MAX_TOP = 1000;
/** The deepest `$skip` (offset paging reads and drops the rows before it). */
export const STA_MAX_SKIP = 100000;

const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
/** `Things`, `Things('id')` or `Things(id)`; an observation's id is `<datastream id>:<epoch ms>`. */
const SEGMENT = new RegExp(`^(Things|Datastreams|Observations)(?:\\('?(${UUID}(?::-?\\d{1,15})?)'?\\))?$`);
/** One comparison of `$filter`: `phenomenonTime ge 2026-11-27T00:00:00+08:00` (also resultTime). */
const COMPARISON = /^\(?\s*(phenomenonTime|resultTime)\s+(eq|ne|gt|ge|lt|le)\s+(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2}))\s*\)?$/;
const OPERATORS: Readonly<Record<string, string>> = { eq: '=', ne: '<>', gt: '>', ge: '>=', lt: '<', le: '<=' };
const COLUMNS: Readonly<Record<string, string>> = { phenomenonTime: 't.phenomenon_time', resultTime: 't.result_time' };

/** The query options the view understands. */
interface StaQuery {
  readonly top: number;
  readonly skip: number;
  readonly count: boolean;
  readonly filter: Sql[];
  readonly descending: boolean;
  readonly params: URLSearchParams;
}

// eslint-disable-next-line no-restricted-properties -- the HTTP request's query string, not a database query
const parametersOf = (request: ModuleHttpRequest): URLSearchParams => request.query;

function integerOption(params: URLSearchParams, name: string, fallback: number, max: number): number {
  const raw = params.get(name);
  if (raw === null) return fallback;
  if (!/^\d{1,7}$/.test(raw) || Number(raw) > max) throw new StaRefusal(400, `${name} must be a whole number from 0 to ${max}.`);
  return Number(raw);
}

/** `$top`, `$skip`, `$count`, `$orderby` (phenomenonTime asc|desc) and `$filter` on phenomenonTime/resultTime (comparisons joined by `and`). */
function readQuery(request: ModuleHttpRequest, observations: boolean): StaQuery {
  const params = parametersOf(request);
  const top = integerOption(params, '$top', STA_DEFAULT_TOP, STA_MAX_TOP);
  const skip = integerOption(params, '$skip', 0, STA_MAX_SKIP);
  const countText = params.get('$count');
  if (countText !== null && countText !== 'true' && countText !== 'false') throw new StaRefusal(400, '$count is true or false.');
  const filter: Sql[] = [];
  const filterText = params.get('$filter');
  if (filterText !== null) {
    if (!observations) throw new StaRefusal(400, '$filter is served on Observations (phenomenonTime, resultTime).');
    for (const part of filterText.trim().split(/\s+and\s+/i)) {
      const m = COMPARISON.exec(part.trim());
      if (!m) throw new StaRefusal(400, `$filter: "${part.trim()}" is not understood; use phenomenonTime or resultTime with eq, ne, gt, ge, lt, le and an ISO 8601 instant, joined by and.`);
      const at = new Date(m[3]!);
      if (Number.isNaN(at.getTime())) throw new StaRefusal(400, `$filter: ${m[3]} is not an instant.`);
      filter.push(sql`${rawColumn(COLUMNS[m[1]!]!)} ${rawColumn(OPERATORS[m[2]!]!)} ${at}`);
    }
  }
  const orderText = params.get('$orderby');
  let descending = false;
  if (orderText !== null) {
    const m = /^phenomenonTime(?:\s+(asc|desc))?$/i.exec(orderText.trim());
    if (!observations || !m) throw new StaRefusal(400, '$orderby is served on Observations: phenomenonTime asc or desc.');
    descending = m[1]?.toLowerCase() === 'desc';
  }
  return { top, skip, count: countText === 'true', filter, descending, params };
}

/** Trusted SQL text from the tables above (never the request's). */
const rawColumn = (text: string): Sql => raw(text);

/** The collection's `@iot.nextLink`: the same request with `$skip` moved on, when more rows may follow. */
function nextLink(origin: string, path: string, q: StaQuery, returned: number, count: number | null): string | undefined {
  const next = q.skip + returned;
  if (returned < q.top || (count !== null && next >= count)) return undefined;
  const params = new URLSearchParams(q.params);
  params.set('$top', String(q.top));
  params.set('$skip', String(next));
  return `${origin}${path}?${params.toString()}`;
}

function collection(origin: string, path: string, q: StaQuery, value: unknown[], count: number | null): ModuleHttpResponse {
  const link = nextLink(origin, path, q, value.length, count);
  return staAnswer({ ...(count !== null ? { '@iot.count': count } : {}), value, ...(link ? { '@iot.nextLink': link } : {}) });
}

/** The time order of observations, ties by datastream. */
const observationKeys = (descending: boolean): readonly SortKey[] => (descending ? OBSERVATIONS_IN_TIME_ORDER.map((k) => ({ ...k, direction: SortDirection.DESC })) : OBSERVATIONS_IN_TIME_ORDER);
const THING_KEYS: readonly SortKey[] = [
  { column: 't.name', direction: SortDirection.ASC },
  { column: 't.id', direction: SortDirection.ASC },
];
const ALL_COLUMNS = sql`t.*`;
const BY_ID: readonly SortKey[] = [{ column: 't.id', direction: SortDirection.ASC }];

async function things(ctx: RequestContext, origin: string, path: string, q: StaQuery, where: Sql[] = []): Promise<ModuleHttpResponse> {
  let rows = records(ctx, SensorThings);
  for (const c of where) rows = rows.where(c);
  const page = await offsetPage<ThingRow>(ctx, rows.subquery(ALL_COLUMNS), THING_KEYS, q.top, q.skip, q.count);
  const base = `${origin}${STA_BASE}`;
  return collection(origin, path, q, page.rows.map((t) => thingJson(base, t)), page.count);
}

async function datastreams(ctx: RequestContext, origin: string, path: string, q: StaQuery, where: Sql[] = []): Promise<ModuleHttpResponse> {
  let rows = records(ctx, Datastreams);
  for (const c of where) rows = rows.where(c);
  const page = await offsetPage<DatastreamRow>(ctx, rows.subquery(ALL_COLUMNS), DATASTREAMS_BY_NAME, q.top, q.skip, q.count);
  const base = `${origin}${STA_BASE}`;
  return collection(origin, path, q, page.rows.map((d) => datastreamJson(base, d)), page.count);
}

async function observations(ctx: RequestContext, origin: string, path: string, q: StaQuery, where: Sql[] = []): Promise<ModuleHttpResponse> {
  let rows = records(ctx, Observations);
  for (const c of [...where, ...q.filter]) rows = rows.where(c);
  const page = await offsetPage<ObservationRow>(ctx, rows.subquery(ALL_COLUMNS), observationKeys(q.descending), q.top, q.skip, q.count);
  const base = `${origin}${STA_BASE}`;
  return collection(origin, path, q, page.rows.map((o) => observationJson(base, o)), page.count);
}

/** One entity by id, or 404 (missing and out of scope alike). */
async function one<R extends object>(ctx: RequestContext, scoped: Sql, entity: string, id: string): Promise<R> {
  const page = await offsetPage<R>(ctx, scoped, entity === 'Observation' ? OBSERVATIONS_IN_TIME_ORDER : BY_ID, 1, 0, false);
  if (!page.rows[0]) throw new NotFoundError(entity, id);
  return page.rows[0];
}

/** The entity a path segment names, with its key condition. */
function segmentOf(text: string): { set: 'Things' | 'Datastreams' | 'Observations'; id: string | null } {
  const m = SEGMENT.exec(text);
  if (!m) throw new StaRefusal(404, `${text} is not served: use Things, Datastreams or Observations, optionally with an id in parentheses.`);
  return { set: m[1] as 'Things' | 'Datastreams' | 'Observations', id: m[2] ?? null };
}

/** An observation's key from its id `<datastream id>:<epoch ms>`. */
function observationKey(id: string): Sql {
  const [datastreamId, ms] = id.split(':');
  if (!ms) throw new StaRefusal(404, `Observation ${id} was not found.`);
  return sql`t.datastream_id = ${datastreamId} AND t.phenomenon_time = ${new Date(Number(ms))}`;
}

async function entity(ctx: RequestContext, origin: string, set: string, id: string): Promise<ModuleHttpResponse> {
  const base = `${origin}${STA_BASE}`;
  if (set === 'Things') return staAnswer(thingJson(base, await one<ThingRow>(ctx, records(ctx, SensorThings).where(sql`t.id = ${id}`).subquery(ALL_COLUMNS), 'Thing', id)));
  if (set === 'Datastreams') return staAnswer(datastreamJson(base, await one<DatastreamRow>(ctx, records(ctx, Datastreams).where(sql`t.id = ${id}`).subquery(ALL_COLUMNS), 'Datastream', id)));
  return staAnswer(observationJson(base, await one<ObservationRow>(ctx, records(ctx, Observations).where(observationKey(id)).subquery(ALL_COLUMNS), 'Observation', id)));
}

/** Wraps a handler: refusals and NOT_FOUND answered in the view's error format. */
function staRoute(path: string, handle: (ctx: RequestContext, params: Readonly<Record<string, string>>, request: ModuleHttpRequest, path: string) => Promise<ModuleHttpResponse>): ModuleHttpRoute {
  return {
    method: 'GET',
    path,
    permission: SensorPermission.Read,
    handler: async (ctx, params, request) => {
      try {
        const actual = `${STA_BASE}${params['set'] ? `/${encodeURI(params['set'])}` : ''}${params['nav'] ? `/${params['nav']}` : ''}`;
        return await handle(ctx, params, request, actual);
      } catch (error) {
        if (error instanceof StaRefusal) return staError(error.status, error.message);
        if (error instanceof NotFoundError) return staError(404, error.message);
        throw error;
      }
    },
  };
}

/**
 * The read-only SensorThings API 1.1 view under /sta/v1.1 for outside tools (dashboards, FROST clients):
 * GET the service root, Things, Datastreams and Observations (each by id too), a thing's Datastreams, a
 * datastream's Thing and Observations, an observation's Datastream; `$top` (≤ 1000), `$skip`, `$count`,
 * `$orderby=phenomenonTime [asc|desc]` and `$filter` on phenomenonTime/resultTime for observations;
 * `@iot.nextLink` while more follow. Within the caller's scope for scenarios.sensor:read.
 */
export const staRoutes: readonly ModuleHttpRoute[] = [
  staRoute(STA_BASE, async (_ctx, _p, request) => {
    const base = `${request.origin}${STA_BASE}`;
    return staAnswer({
      value: ['Things', 'Datastreams', 'Observations'].map((name) => ({ name, url: `${base}/${name}` })),
      serverSettings: { conformance: ['http://www.opengis.net/spec/iot_sensing/1.1/req/datamodel', 'http://www.opengis.net/spec/iot_sensing/1.1/req/resource-path/resource-path-to-entities', 'http://www.opengis.net/spec/iot_sensing/1.1/req/request-data'] },
    });
  }),
  staRoute(`${STA_BASE}/:set`, async (ctx, params, request, path) => {
    const { set, id } = segmentOf(params['set']!);
    if (id) return entity(ctx, request.origin, set, id);
    const q = readQuery(request, set === 'Observations');
    if (set === 'Things') return things(ctx, request.origin, path, q);
    if (set === 'Datastreams') return datastreams(ctx, request.origin, path, q);
    return observations(ctx, request.origin, path, q);
  }),
  staRoute(`${STA_BASE}/:set/:nav`, async (ctx, params, request, path) => {
    const { set, id } = segmentOf(params['set']!);
    const nav = params['nav']!;
    if (!id) throw new StaRefusal(404, `${set}/${nav}: name one entity, e.g. ${set}('<id>')/${nav}.`);
    if (set === 'Things' && nav === 'Datastreams') {
      await entity(ctx, request.origin, 'Things', id);
      return datastreams(ctx, request.origin, path, readQuery(request, false), [sql`t.thing_id = ${id}`]);
    }
    if (set === 'Datastreams' && nav === 'Observations') {
      await entity(ctx, request.origin, 'Datastreams', id);
      return observations(ctx, request.origin, path, readQuery(request, true), [sql`t.datastream_id = ${id}`]);
    }
    if (set === 'Datastreams' && nav === 'Thing') {
      const [d] = await records(ctx, Datastreams).where(sql`t.id = ${id}`).list({ keys: DATASTREAMS_BY_NAME, limit: 1, properties: ['id', 'thingId'] });
      if (!d) throw new NotFoundError('Datastream', id);
      return entity(ctx, request.origin, 'Things', d.thingId);
    }
    if (set === 'Observations' && nav === 'Datastream') return entity(ctx, request.origin, 'Datastreams', id.split(':')[0]!);
    throw new StaRefusal(404, `${set}/${nav} is not served.`);
  }),
];
