import { OrganizationKind, Organizations } from '@platform/directory';
import { SortDirection, join, records, sql, unscoped, type RequestContext, type Sql } from '@platform/core';
import { OPEN_TIP_STATUSES, TipReporterKind, TipStatus, Tips, type Tip } from '../tips/public';
import { tipExpectedAt, tipPublicStatus, tipStatusNote } from '../clocks/public';
import { Open311Services } from './open311.entities';
import type { Open311Service } from './open311-service.entity';
import { Open311Permission } from './open311.permissions';
import { days, open311DateTime, parseOpen311DateTime, roundCoordinate, Open311Refusal } from './open311.format';
import { open311Config } from './open311.settings';

/** The spec's limits on `GET requests`: a span of at most 90 days (the last 90 by default), the first 1000 requests. */
export const OPEN311_MAX_SPAN_DAYS = 90;
export const OPEN311_MAX_REQUESTS = 1000;
/** The most ids one `service_request_id` list may name. */
export const OPEN311_MAX_IDS = 100;

/**
 * The columns of a tip the Open311 view reads: never the reporter's (name, phone, contact, when an
 * identity was disclosed), the secret's hash, the enterprise, the handler, the hazard or the cases.
 */
export const PUBLIC_TIP_PROPERTIES = [
  'id',
  'code',
  'category',
  'description',
  'address',
  'longitude',
  'latitude',
  'status',
  'outcome',
  'acceptedAt',
  'assignedOrganizationId',
  'acceptDueAt',
  'handleDueAt',
  'extendedDays',
  'receivedAt',
  'closedAt',
  'updatedAt',
] as const satisfies ReadonlyArray<keyof Tip>;

/** A tip as the Open311 view reads it. */
export type PublicTip = Pick<Tip, (typeof PUBLIC_TIP_PROPERTIES)[number]>;

/**
 * One request of `GET requests` and `GET requests/{id}`, in the spec's field order (its sample
 * responses). No reporter field, ever: the keys are exactly these.
 */
export interface Open311Request {
  readonly service_request_id: string;
  readonly status: 'open' | 'closed';
  readonly status_notes: string;
  readonly service_name: string | null;
  readonly service_code: string | null;
  readonly description: string | null;
  readonly agency_responsible: string | null;
  readonly service_notice: null;
  readonly requested_datetime: string;
  readonly updated_datetime: string;
  readonly expected_datetime: string | null;
  readonly address: string | null;
  readonly address_id: null;
  readonly zipcode: null;
  readonly lat: number | null;
  readonly long: number | null;
  readonly media_url: null;
}

/**
 * The public feed: every tip except employees' own reports (从业人员举报, 应急〔2020〕69号 protects them
 * from retaliation: their tips stay out of anything public). Rejected, sent-back and merged tips are
 * in it, closed, with their note (the spec's own sample shows "Duplicate request."), so a client can
 * follow what it posted to the end.
 */
function publicFeed(ctx: RequestContext) {
  return records(ctx, Tips, Open311Permission.Read).where(sql`t.reporter_kind <> ${TipReporterKind.EMPLOYEE}`);
}

/**
 * Whether the reporter's own words (description, address) are shown: once the office accepted the tip
 * and unless it was then rejected or sent back. A tip waiting for acceptance, or refused, shows its
 * status and rounded location only: the feed never publishes text nobody has looked at.
 */
function textShown(tip: PublicTip): boolean {
  return tip.acceptedAt !== null && tip.status !== TipStatus.REJECTED && tip.status !== TipStatus.SENT_BACK;
}

/** The services in their order (a handful of rows: one statement). */
export async function open311Services(ctx: RequestContext): Promise<Open311Service[]> {
  return records(ctx, Open311Services).list({ keys: [{ column: 't.position', direction: SortDirection.ASC }], limit: 100 });
}

/**
 * The names of the agencies responsible: the organization a tip is assigned to (a village, a
 * department; never an enterprise, which would name whom the tip is about), else the town government
 * (the root of the directory). Read beyond any scope: the view is public and shows only these names.
 */
async function agencyNames(ctx: RequestContext, tips: readonly PublicTip[]): Promise<{ byId: Map<string, string>; town: string | null }> {
  const ids = [...new Set(tips.map((t) => t.assignedOrganizationId).filter((id): id is string => id !== null))];
  const rows = await unscoped(ctx, Organizations, 'the public Open311 view names the agency responsible for a tip: the town or the organization it is assigned to')
    .where(sql`(t.parent_id IS NULL AND t.kind = ${OrganizationKind.TOWN_GOVERNMENT}) OR (t.id = ANY(${ids}::uuid[]) AND t.kind <> ${OrganizationKind.ENTERPRISE})`)
    .list({ keys: [{ column: 't.depth', direction: SortDirection.ASC }, { column: 't.id', direction: SortDirection.ASC }], limit: ids.length + 1, properties: ['id', 'name', 'parentId'] });
  return { byId: new Map(rows.map((r) => [r.id, r.name])), town: rows.find((r) => r.parentId === null)?.name ?? null };
}

/** The tips as the spec's requests, in their order. */
async function asRequests(ctx: RequestContext, tips: readonly PublicTip[]): Promise<Open311Request[]> {
  if (!tips.length) return [];
  const [services, agencies] = await Promise.all([open311Services(ctx), agencyNames(ctx, tips)]);
  const serviceOf = new Map(services.map((s) => [s.category as string, s]));
  const { locationDecimals } = open311Config(ctx);
  return tips.map((tip): Open311Request => {
    const service = serviceOf.get(tip.category) ?? null;
    const status = tipPublicStatus(tip);
    const shown = textShown(tip);
    return {
      service_request_id: tip.code,
      status,
      status_notes: tipStatusNote(tip),
      service_name: service?.serviceName ?? null,
      service_code: service?.serviceCode ?? null,
      description: shown ? tip.description : null,
      agency_responsible: (tip.assignedOrganizationId ? agencies.byId.get(tip.assignedOrganizationId) : undefined) ?? agencies.town,
      service_notice: null,
      requested_datetime: open311DateTime(tip.receivedAt)!,
      // The spec: for a closed request, when it was closed.
      updated_datetime: open311DateTime(status === 'closed' && tip.closedAt ? tip.closedAt : tip.updatedAt)!,
      expected_datetime: open311DateTime(tipExpectedAt(tip)),
      address: shown ? tip.address : null,
      address_id: null,
      zipcode: null,
      lat: roundCoordinate(tip.latitude, locationDecimals),
      long: roundCoordinate(tip.longitude, locationDecimals),
      media_url: null,
    };
  });
}

/** A comma list parameter: its trimmed, non-empty items (a parameter given twice counts both). */
function listParameter(query: URLSearchParams, name: string): string[] {
  return query
    .getAll(name)
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

/** A date parameter, or a 400 naming it. */
function dateParameter(query: URLSearchParams, name: string): Date | null {
  const text = query.get(name)?.trim();
  if (!text) return null;
  const at = parseOpen311DateTime(text);
  if (!at) throw new Open311Refusal(400, [`${name} must be a W3C date-time with a zone, e.g. 2026-07-01T00:00:00+08:00 or 2026-07-01T00:00:00Z.`]);
  return at;
}

/** What `GET requests` was asked for. */
export interface RequestsQuery {
  /** service_request_id: when given, the others are ignored (the spec: it overrides all other arguments). */
  readonly ids: readonly string[] | null;
  readonly categories: readonly string[] | null;
  readonly from: Date;
  readonly to: Date;
  readonly statuses: ReadonlyArray<'open' | 'closed'> | null;
}

/**
 * The parameters of `GET requests`: service_request_id (comma list, overriding everything else),
 * service_code (comma list), start_date and end_date (at most 90 days apart; without them the last
 * 90 days; with one, the 90 days from or to it), status (open, closed; comma list). jurisdiction_id is
 * ignored (one jurisdiction). Every problem is a 400 in the spec's error array, all of them at once.
 */
export async function readRequestsQuery(ctx: RequestContext, query: URLSearchParams): Promise<RequestsQuery> {
  const ids = listParameter(query, 'service_request_id');
  if (ids.length > OPEN311_MAX_IDS) throw new Open311Refusal(400, [`service_request_id may name at most ${OPEN311_MAX_IDS} requests.`]);
  const now = ctx.clock.now();
  if (ids.length) return { ids: ids.map((id) => id.toUpperCase()), categories: null, from: now, to: now, statuses: null };
  const problems: string[] = [];
  const codes = listParameter(query, 'service_code');
  let categories: string[] | null = null;
  if (codes.length) {
    const services = await open311Services(ctx);
    const unknown = codes.filter((c) => !services.some((s) => s.serviceCode === c));
    if (unknown.length) problems.push(`service_code ${unknown.join(', ')} was not found: GET services.json lists the codes.`);
    categories = services.filter((s) => codes.includes(s.serviceCode)).map((s) => s.category);
  }
  const statuses = listParameter(query, 'status').map((s) => s.toLowerCase());
  const wrongStatus = statuses.filter((s) => s !== 'open' && s !== 'closed');
  if (wrongStatus.length) problems.push(`status must be open or closed (a comma list), not ${wrongStatus.join(', ')}.`);
  const [start, end] = ['start_date', 'end_date'].map((name) => {
    try {
      return dateParameter(query, name);
    } catch (error) {
      if (!(error instanceof Open311Refusal)) throw error;
      problems.push(...error.descriptions);
      return null;
    }
  });
  const span = days(OPEN311_MAX_SPAN_DAYS);
  const from = start ?? new Date((end ?? now).getTime() - span);
  const to = end ?? (start ? new Date(start.getTime() + span) : now);
  if (to.getTime() < from.getTime()) problems.push('end_date is before start_date.');
  else if (to.getTime() - from.getTime() > span) problems.push(`start_date and end_date may not span more than ${OPEN311_MAX_SPAN_DAYS} days.`);
  if (problems.length) throw new Open311Refusal(400, problems);
  return { ids: null, categories, from, to, statuses: statuses.length ? [...new Set(statuses as Array<'open' | 'closed'>)] : null };
}

/** The open statuses as SQL (the tips' own list: `tipPublicStatus` says `open` for exactly these). */
const openSql = (): Sql => sql`t.status = ANY(${[...OPEN_TIP_STATUSES]}::text[])`;

/** `GET requests`: the feed's tips the query names, newest first, at most 1000 (the spec's volume). */
export async function findRequests(ctx: RequestContext, q: RequestsQuery): Promise<Open311Request[]> {
  const conditions: Sql[] = [];
  if (q.ids) conditions.push(sql`t.code = ANY(${[...q.ids]}::text[])`);
  else {
    conditions.push(sql`t.received_at >= ${q.from.toISOString()}::timestamptz AND t.received_at <= ${q.to.toISOString()}::timestamptz`);
    if (q.categories) conditions.push(sql`t.category = ANY(${[...q.categories]}::text[])`);
    if (q.statuses?.length === 1) conditions.push(q.statuses[0] === 'open' ? openSql() : sql`NOT (${openSql()})`);
  }
  const tips = await publicFeed(ctx)
    .where(join(conditions, ' AND '))
    .list({
      keys: [
        { column: 't.received_at', direction: SortDirection.DESC },
        { column: 't.id', direction: SortDirection.DESC },
      ],
      limit: OPEN311_MAX_REQUESTS,
      properties: PUBLIC_TIP_PROPERTIES,
    });
  return asRequests(ctx, tips);
}

/** `GET requests/{id}`: the request with this service_request_id (the tip's tracking code), or a 404. */
export async function findRequest(ctx: RequestContext, id: string): Promise<Open311Request> {
  const code = id.trim().toUpperCase();
  const [tip] = await publicFeed(ctx)
    .where(sql`t.code = ${code}`)
    .list({ keys: [{ column: 't.id', direction: SortDirection.ASC }], limit: 1, properties: PUBLIC_TIP_PROPERTIES });
  if (!tip) throw new Open311Refusal(404, [`service_request_id ${code.slice(0, 40)} was not found.`]);
  return (await asRequests(ctx, [tip]))[0]!;
}
