import { Field, Int, ObjectType } from 'type-graphql';
import { SortDirection, countSql, paginateSql, type ConnectionResult, type PageRequest, type RequestContext, type SortKey } from '@platform/core';
import { organizationIdInScope, withinSubtreeSql } from '@platform/directory';
import { DutyAssignmentStatus, DutyRole, DutySeason } from './duty.enums';
import { DUTY_INTERVAL_SQL, DUTY_SEASON_SQL } from './duty.sql';
import { rosterPage, type RosterRow } from './duty.service';
import { CommandPermission } from '../permissions';

@ObjectType({ description: '值班覆盖情况。How a period\'s rosters meet the coverage rules: slots, gaps, double bookings and unconfirmed assignments, over the rosters in your scope.' })
export class DutyCoverage {
  @Field({ description: '起始日期。First day of the period (YYYY-MM-DD).' })
  from: string;

  @Field({ description: '截止日期。Last day of the period, included (YYYY-MM-DD).' })
  to: string;

  /** The subtree asked for, if any. */
  withinSubtreeOf: string | null;
}

@ObjectType({ description: '值班缺口。A slot (a current shift on a day) with fewer leaders or staff than the rule for its organization\'s kind and the day\'s season requires.' })
export class DutyGap {
  /** The shift; resolved through the shift loader. */
  shiftId: string;
  shiftName: string;
  shiftStartsAt: string;

  @Field({ description: '值班日期。The day the shift starts on (YYYY-MM-DD).' })
  day: string;

  @Field(() => DutySeason, { description: '季节。Whether the day is in the flood season (May–September).' })
  season: DutySeason;

  @Field(() => DutyRole, { description: '缺少角色。Which role is short: leaders or staff.' })
  missing: DutyRole;

  @Field(() => Int, { description: '应到人数。How many of that role the rule requires.' })
  required: number;

  @Field(() => Int, { description: '已排人数。How many of that role are rostered (cancelled assignments aside).' })
  assigned: number;
}

@ObjectType({ description: '重复排班。The same person on two assignments (not cancelled) whose shifts overlap in time, on any rosters; each pair once, the one starting first as `first`.' })
export class DutyDoubleBooking {
  personId: string;
  firstId: string;
  secondId: string;
  firstStart: number;

  @Field(() => Int, { description: '重叠时长（分钟）。How long the two shifts overlap, in minutes.' })
  overlapMinutes: number;
}

// ------------------------------------------------------------------ SQL

type Scope = { sql: string; params: Record<string, unknown> };

/** Shifts (alias `s`) and assignments in the coverage: the caller's duty-read scope and the subtree asked for. */
function coverageScope(ctx: RequestContext, c: DutyCoverage, column: string): Scope {
  const scope = organizationIdInScope(ctx.principal, CommandPermission.DutyRead, column);
  if (!c.withinSubtreeOf) return scope;
  return { sql: `${scope.sql} AND ${withinSubtreeSql(column)}`, params: { ...scope.params, subtreeRoot: c.withinSubtreeOf } };
}

const period = (c: DutyCoverage) => ({ from: c.from, to: c.to });

/**
 * Every slot (a current shift × a day of the period) with the rule that applies (the current
 * requirement of the highest priority for the organization's kind and the day's season; none means
 * nothing is required) and the leaders and staff rostered, then one row per role short.
 */
function gapTable(ctx: RequestContext, c: DutyCoverage): { from: string; params: Record<string, unknown> } {
  const scope = coverageScope(ctx, c, 's.organization_id');
  const season = DUTY_SEASON_SQL('d.day');
  const from = `(
    WITH slot AS (
      SELECT s.id AS shift_id, s.name AS shift_name, s.starts_at AS shift_starts_at, d.day, ${season} AS season,
             COALESCE(req.min_leaders, 0) AS req_leaders, COALESCE(req.min_staff, 0) AS req_staff, n.leaders, n.staff
      FROM duty_shift s
      JOIN organization o ON o.id = s.organization_id
      CROSS JOIN LATERAL (SELECT CAST(g AS date) AS day FROM generate_series(CAST(:from AS date), CAST(:to AS date), interval '1 day') g) d
      LEFT JOIN LATERAL (
        SELECT r.min_leaders, r.min_staff FROM duty_requirement r
        WHERE r.archived_at IS NULL AND o.kind = ANY(r.organization_kinds) AND r.season = ${season}
        ORDER BY r.priority DESC, r.code LIMIT 1
      ) req ON TRUE
      CROSS JOIN LATERAL (
        SELECT count(*) FILTER (WHERE a.role = 'LEADER')::int AS leaders, count(*) FILTER (WHERE a.role = 'STAFF')::int AS staff
        FROM duty_assignment a WHERE a.shift_id = s.id AND a.day = d.day AND a.status <> 'CANCELLED'
      ) n
      WHERE s.archived_at IS NULL AND ${scope.sql}
    )
    SELECT shift_id, shift_name, shift_starts_at, day::text AS day, season, 'LEADER' AS missing, req_leaders AS required, leaders AS assigned FROM slot WHERE leaders < req_leaders
    UNION ALL
    SELECT shift_id, shift_name, shift_starts_at, day::text AS day, season, 'STAFF' AS missing, req_staff AS required, staff AS assigned FROM slot WHERE staff < req_staff
  ) g`;
  return { from, params: { ...scope.params, ...period(c) } };
}

/** Gaps by day, shift start, shift name, shift id, then LEADER before STAFF. */
const gapKeys: SortKey<DutyGap>[] = [
  { column: 'g.day', direction: SortDirection.ASC },
  { column: 'g.shift_starts_at', direction: SortDirection.ASC },
  { column: 'g.shift_name', direction: SortDirection.ASC },
  { column: 'g.shift_id', direction: SortDirection.ASC },
  { column: 'g.missing', direction: SortDirection.ASC },
];

/**
 * Pairs of overlapping assignments of one person, both readable in the caller's duty scope and at
 * least one within the subtree, whose overlap falls (partly) in the period. Only days around the
 * period are read: a shift lasts at most 24 hours, so overlapping ones start at most a day apart.
 */
function doubleBookingTable(ctx: RequestContext, c: DutyCoverage): { from: string; params: Record<string, unknown> } {
  const scope = organizationIdInScope(ctx.principal, CommandPermission.DutyRead, 'a.organization_id');
  const params: Record<string, unknown> = { ...scope.params, ...period(c) };
  let subtree = 'TRUE';
  if (c.withinSubtreeOf) {
    subtree = `(${withinSubtreeSql('x.organization_id')} OR ${withinSubtreeSql('y.organization_id')})`;
    params['subtreeRoot'] = c.withinSubtreeOf;
  }
  const window = `tstzrange(CAST(:from AS timestamp) AT TIME ZONE 'Asia/Shanghai', (CAST(:to AS timestamp) + interval '1 day') AT TIME ZONE 'Asia/Shanghai')`;
  const from = `(
    WITH span AS (
      SELECT a.id, a.person_id, a.organization_id, a.day, ${DUTY_INTERVAL_SQL('a', 's')} AS span
      FROM duty_assignment a JOIN duty_shift s ON s.id = a.shift_id
      WHERE a.status <> 'CANCELLED' AND a.day BETWEEN CAST(:from AS date) - 1 AND CAST(:to AS date) AND ${scope.sql}
    )
    SELECT x.person_id, x.id AS first_id, y.id AS second_id, (extract(epoch FROM lower(x.span)) * 1000)::float8 AS first_start,
           (extract(epoch FROM upper(x.span * y.span) - lower(x.span * y.span)) / 60)::int AS overlap_minutes
    FROM span x
    JOIN span y ON y.person_id = x.person_id AND y.id <> x.id AND y.day BETWEEN x.day - 1 AND x.day + 1
      AND x.span && y.span AND (lower(x.span), x.id) < (lower(y.span), y.id)
    WHERE (x.span * y.span) && ${window} AND ${subtree}
  ) b`;
  return { from, params };
}

const doubleBookingKeys: SortKey<DutyDoubleBooking>[] = [
  { column: 'b.first_start', direction: SortDirection.ASC },
  { column: 'b.first_id', direction: SortDirection.ASC },
  { column: 'b.second_id', direction: SortDirection.ASC },
];

/** Assignments still ASSIGNED (not confirmed) whose shift starts in the period. */
function unconfirmedWhere(ctx: RequestContext, c: DutyCoverage): { where: string[]; params: Record<string, unknown> } {
  const scope = coverageScope(ctx, c, 'a.organization_id');
  return {
    where: [scope.sql, 'a.status = :unconfirmed', 'a.day BETWEEN CAST(:from AS date) AND CAST(:to AS date)'],
    params: { ...scope.params, ...period(c), unconfirmed: DutyAssignmentStatus.ASSIGNED },
  };
}

export function dutyGaps(ctx: RequestContext, c: DutyCoverage, page: PageRequest): Promise<ConnectionResult<DutyGap>> {
  const t = gapTable(ctx, c);
  return paginateSql<DutyGap>({
    manager: ctx.manager,
    from: t.from,
    select: `g.shift_id AS "shiftId", g.shift_name AS "shiftName", g.shift_starts_at AS "shiftStartsAt", g.day, g.season, g.missing, g.required, g.assigned`,
    where: [],
    params: t.params,
    keys: gapKeys,
    page,
    withCount: Boolean(page.withCount),
    read: (rows) => rows as unknown as DutyGap[],
  });
}

export function dutyGapCount(ctx: RequestContext, c: DutyCoverage): Promise<number> {
  const t = gapTable(ctx, c);
  return countSql({ manager: ctx.manager, from: t.from, where: [], params: t.params });
}

export function dutyDoubleBookings(ctx: RequestContext, c: DutyCoverage, page: PageRequest): Promise<ConnectionResult<DutyDoubleBooking>> {
  const t = doubleBookingTable(ctx, c);
  return paginateSql<DutyDoubleBooking>({
    manager: ctx.manager,
    from: t.from,
    select: `b.person_id AS "personId", b.first_id AS "firstId", b.second_id AS "secondId", b.first_start AS "firstStart", b.overlap_minutes AS "overlapMinutes"`,
    where: [],
    params: t.params,
    keys: doubleBookingKeys,
    page,
    withCount: Boolean(page.withCount),
    read: (rows) => rows as unknown as DutyDoubleBooking[],
  });
}

export function dutyDoubleBookingCount(ctx: RequestContext, c: DutyCoverage): Promise<number> {
  const t = doubleBookingTable(ctx, c);
  return countSql({ manager: ctx.manager, from: t.from, where: [], params: t.params });
}

export function dutyUnconfirmed(ctx: RequestContext, c: DutyCoverage, page: PageRequest): Promise<ConnectionResult<RosterRow>> {
  const u = unconfirmedWhere(ctx, c);
  return rosterPage(ctx, u.where, u.params, page);
}

export function dutyUnconfirmedCount(ctx: RequestContext, c: DutyCoverage): Promise<number> {
  const u = unconfirmedWhere(ctx, c);
  return countSql({ manager: ctx.manager, from: 'duty_assignment a', where: u.where, params: u.params });
}

/** Slots of the period: current shifts in scope × days (one statement). */
export async function dutySlotCount(ctx: RequestContext, c: DutyCoverage): Promise<number> {
  const scope = coverageScope(ctx, c, 's.organization_id');
  const [text, values] = ctx.manager.connection.driver.escapeQueryWithParameters(
    `SELECT (count(*) * (CAST(:to AS date) - CAST(:from AS date) + 1))::int AS n FROM duty_shift s WHERE s.archived_at IS NULL AND ${scope.sql}`,
    { ...scope.params, ...period(c) },
  );
  const [row] = await ctx.manager.query(text, values);
  return Number(row.n);
}
