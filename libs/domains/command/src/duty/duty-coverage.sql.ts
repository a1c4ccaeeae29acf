import { ParamNames, SortDirection, compile, countSql, paginateSql, raw, sql, type ConnectionResult, type PageRequest, type RequestContext, type SortKey, type Sql } from '@platform/core';
import { DUTY_INTERVAL_SQL, DUTY_SEASON_SQL } from './duty.sql';
import type { DutyRole, DutySeason } from './duty.enums';

/*
 * The coverage's table expressions: slots (shift × day) short of the coverage rule, and pairs of
 * overlapping assignments of one person. Hand-written because they are computed over generated days,
 * laterals and self-joins that `records()` cannot express, paged with the kernel's keyset pages;
 * the rows they start from are the caller's records (`records(ctx, DutyShifts | RosterAssignments)`
 * spliced in as scoped subqueries), so the kernel applies the scope.
 */

/** Where the gaps come from: the caller's shifts and the kind of each shift's organization, as scoped fragments. */
export interface GapSource {
  /** `(SELECT t.* FROM duty_shift t WHERE <scope> AND …)`: the current shifts of the coverage. */
  readonly shifts: Sql;
  /** `(SELECT o.kind FROM organization o WHERE <scope> AND o.id = s.organization_id)`: the kind of the shift's organization (alias `s`). */
  readonly organizationKind: Sql;
  readonly from: string;
  readonly to: string;
}

/** A gap row as the table gives it (the shift resolved by the caller through its loader). */
export interface GapRow {
  shiftId: string;
  shiftName: string;
  shiftStartsAt: string;
  day: string;
  season: DutySeason;
  missing: DutyRole;
  required: number;
  assigned: number;
}

/**
 * Every slot (a shift × a day of the period) with the rule that applies (the current requirement of
 * the highest priority for the organization's kind and the day's season; none means nothing is
 * required) and the leaders and staff rostered, then one row per role short (alias `g`).
 */
function gapTable(source: GapSource): Sql {
  const season = raw(DUTY_SEASON_SQL('d.day'));
  return sql`(
    WITH slot AS (
      SELECT s.id AS shift_id, s.name AS shift_name, s.starts_at AS shift_starts_at, d.day, ${season} AS season,
             COALESCE(req.min_leaders, 0) AS req_leaders, COALESCE(req.min_staff, 0) AS req_staff, n.leaders, n.staff
      FROM ${source.shifts} s
      CROSS JOIN LATERAL (SELECT CAST(g AS date) AS day FROM generate_series(CAST(${source.from} AS date), CAST(${source.to} AS date), interval '1 day') g) d
      LEFT JOIN LATERAL (
        SELECT r.min_leaders, r.min_staff FROM duty_requirement r
        WHERE r.archived_at IS NULL AND ${source.organizationKind} = ANY(r.organization_kinds) AND r.season = ${season}
        ORDER BY r.priority DESC, r.code LIMIT 1
      ) req ON TRUE
      CROSS JOIN LATERAL (
        SELECT count(*) FILTER (WHERE a.role = 'LEADER')::int AS leaders, count(*) FILTER (WHERE a.role = 'STAFF')::int AS staff
        FROM duty_assignment a WHERE a.shift_id = s.id AND a.day = d.day AND a.status <> 'CANCELLED'
      ) n
    )
    SELECT shift_id, shift_name, shift_starts_at, day::text AS day, season, 'LEADER' AS missing, req_leaders AS required, leaders AS assigned FROM slot WHERE leaders < req_leaders
    UNION ALL
    SELECT shift_id, shift_name, shift_starts_at, day::text AS day, season, 'STAFF' AS missing, req_staff AS required, staff AS assigned FROM slot WHERE staff < req_staff
  ) g`;
}

/** Gaps by day, shift start, shift name, shift id, then LEADER before STAFF. */
const gapKeys: SortKey<GapRow>[] = [
  { column: 'g.day', direction: SortDirection.ASC },
  { column: 'g.shift_starts_at', direction: SortDirection.ASC },
  { column: 'g.shift_name', direction: SortDirection.ASC },
  { column: 'g.shift_id', direction: SortDirection.ASC },
  { column: 'g.missing', direction: SortDirection.ASC },
];

export function gapPage(ctx: RequestContext, source: GapSource, page: PageRequest): Promise<ConnectionResult<GapRow>> {
  const { text, params } = compile(gapTable(source), new ParamNames('cv'));
  return paginateSql<GapRow>({
    manager: ctx.manager,
    from: text,
    select: `g.shift_id AS "shiftId", g.shift_name AS "shiftName", g.shift_starts_at AS "shiftStartsAt", g.day, g.season, g.missing, g.required, g.assigned`,
    where: [],
    params,
    keys: gapKeys,
    page,
    withCount: Boolean(page.withCount),
    read: (rows) => rows as unknown as GapRow[],
  });
}

export function gapCount(ctx: RequestContext, source: GapSource): Promise<number> {
  const { text, params } = compile(gapTable(source), new ParamNames('cv'));
  return countSql({ manager: ctx.manager, from: text, where: [], params });
}

/** Where the double bookings come from, as scoped fragments. */
export interface DoubleBookingSource {
  /** `(SELECT a.id, a.person_id, a.organization_id, a.day, a.shift_id FROM duty_assignment a WHERE <scope> AND …)`: the assignments (not cancelled) of the days around the period. */
  readonly assignments: Sql;
  /** A condition over the pair `x`, `y` (e.g. one of them within a subtree); TRUE for none. */
  readonly pair: Sql;
  readonly from: string;
  readonly to: string;
}

/** A double booking as the table gives it (the assignments and the person resolved by the caller). */
export interface DoubleBookingRow {
  personId: string;
  firstId: string;
  secondId: string;
  firstStart: number;
  overlapMinutes: number;
}

/**
 * Pairs of overlapping assignments of one person whose overlap falls (partly) in the period (alias
 * `b`). Only days around the period are read: a shift lasts at most 24 hours, so overlapping ones
 * start at most a day apart.
 */
function doubleBookingTable(source: DoubleBookingSource): Sql {
  const window = sql`tstzrange(CAST(${source.from} AS timestamp) AT TIME ZONE 'Asia/Shanghai', (CAST(${source.to} AS timestamp) + interval '1 day') AT TIME ZONE 'Asia/Shanghai')`;
  return sql`(
    WITH span AS (
      SELECT a.id, a.person_id, a.organization_id, a.day, ${raw(DUTY_INTERVAL_SQL('a', 's'))} AS span
      FROM ${source.assignments} a JOIN duty_shift s ON s.id = a.shift_id
    )
    SELECT x.person_id, x.id AS first_id, y.id AS second_id, (extract(epoch FROM lower(x.span)) * 1000)::float8 AS first_start,
           (extract(epoch FROM upper(x.span * y.span) - lower(x.span * y.span)) / 60)::int AS overlap_minutes
    FROM span x
    JOIN span y ON y.person_id = x.person_id AND y.id <> x.id AND y.day BETWEEN x.day - 1 AND x.day + 1
      AND x.span && y.span AND (lower(x.span), x.id) < (lower(y.span), y.id)
    WHERE (x.span * y.span) && ${window} AND ${source.pair}
  ) b`;
}

const doubleBookingKeys: SortKey<DoubleBookingRow>[] = [
  { column: 'b.first_start', direction: SortDirection.ASC },
  { column: 'b.first_id', direction: SortDirection.ASC },
  { column: 'b.second_id', direction: SortDirection.ASC },
];

export function doubleBookingPage(ctx: RequestContext, source: DoubleBookingSource, page: PageRequest): Promise<ConnectionResult<DoubleBookingRow>> {
  const { text, params } = compile(doubleBookingTable(source), new ParamNames('cv'));
  return paginateSql<DoubleBookingRow>({
    manager: ctx.manager,
    from: text,
    select: `b.person_id AS "personId", b.first_id AS "firstId", b.second_id AS "secondId", b.first_start AS "firstStart", b.overlap_minutes AS "overlapMinutes"`,
    where: [],
    params,
    keys: doubleBookingKeys,
    page,
    withCount: Boolean(page.withCount),
    read: (rows) => rows as unknown as DoubleBookingRow[],
  });
}

export function doubleBookingCount(ctx: RequestContext, source: DoubleBookingSource): Promise<number> {
  const { text, params } = compile(doubleBookingTable(source), new ParamNames('cv'));
  return countSql({ manager: ctx.manager, from: text, where: [], params });
}
