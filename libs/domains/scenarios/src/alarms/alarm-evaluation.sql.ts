import { runSql, sql, type RequestContext, type Sql } from '@platform/core';
import type { AlarmRule } from './alarm-rule.entity';
import { AlarmComparison, AlarmRuleKind } from './alarms.enums';

/*
 * The statements of the rules' evaluation (`evaluateAlarms`): each rule's runs of its condition over
 * the observations of its datastreams, computed in SQL with window functions, then written as alarms
 * by the service one run at a time.
 */

/** How far before the changed range the evaluation reads: the longest window (24 h) plus 24 h of state. */
export const LOOKBACK_HOURS = 48;
/** How far before the changed range runs are reported (values before it lack part of their window). */
export const EXACT_HOURS = 24;

/** One run of a rule's condition on a datastream: from `since` while it held, raised at `triggeredAt`, over at `endedAt` (null while it holds). */
export interface ConditionRun {
  readonly datastreamId: string;
  readonly thingId: string;
  readonly organizationId: string;
  readonly since: Date;
  readonly triggeredAt: Date;
  readonly value: number;
  readonly peak: number;
  readonly endedAt: Date | null;
}

/** `value` on the alarming side of the rule's trigger value. */
const alarming = (rule: AlarmRule, value: Sql): Sql =>
  rule.comparison === AlarmComparison.AT_LEAST ? sql`(${value} >= ${rule.triggerValue})` : sql`(${value} <= ${rule.triggerValue})`;
/** `value` past the rule's clear value (the condition is over). */
const clearing = (rule: AlarmRule, value: Sql): Sql =>
  rule.comparison === AlarmComparison.AT_LEAST ? sql`(${value} < ${rule.clearValue})` : sql`(${value} > ${rule.clearValue})`;

/**
 * The rule's value series per datastream: (datastream_id, at, value, decisive), `decisive` true when
 * the condition holds at that reading, false when it is over (past the clear value, or the thing in
 * maintenance), null in the hysteresis band between (the state before it goes on).
 * - THRESHOLD: the reading; WINDOW_SUM: the sum over (at − N h, at]; RATE_OF_CHANGE: the reading
 *   minus the earliest reading in (at − N h, at] (a RANGE frame of N h less one microsecond, so a
 *   reading exactly N h before is outside the window);
 * - COMBINED: at each reading of a member, how many members' latest readings alarm (attached to the
 *   first member), on at minDatastreams, over when fewer than minDatastreams hold past the clear value.
 */
function seriesSql(rule: AlarmRule, datastreamIds: readonly string[], from: Date, to: Date): Sql {
  const lower = new Date(from.getTime() - LOOKBACK_HOURS * 3_600_000).toISOString();
  const upper = to.toISOString();
  const inMaintenance = sql`EXISTS (SELECT 1 FROM sensor_maintenance_window mw JOIN sensor_datastream md ON md.thing_id = mw.thing_id
                                    WHERE md.id = v.datastream_id AND mw.starts_at <= v.at AND v.at < mw.ends_at)`;
  let valued: Sql;
  if (rule.kind === AlarmRuleKind.COMBINED) {
    const members = rule.datastreamIds;
    const latest = sql`(SELECT o.result FROM sensor_observation o WHERE o.datastream_id = m.id AND o.phenomenon_time <= i.at ORDER BY o.phenomenon_time DESC LIMIT 1)`;
    valued = sql`
      SELECT CAST(${members[0]} AS uuid) AS datastream_id, i.at,
             count(*) FILTER (WHERE ${alarming(rule, sql`l.result`)})::double precision AS value,
             count(*) FILTER (WHERE NOT ${clearing(rule, sql`l.result`)}) AS holding
        FROM (SELECT DISTINCT o.phenomenon_time AS at FROM sensor_observation o
               WHERE o.datastream_id = ANY(CAST(${members} AS uuid[])) AND o.phenomenon_time > CAST(${lower} AS timestamptz) AND o.phenomenon_time <= CAST(${upper} AS timestamptz)) i
        CROSS JOIN LATERAL (SELECT m.id, ${latest} AS result FROM unnest(CAST(${members} AS uuid[])) AS m(id)) l
       GROUP BY i.at`;
    return sql`
      SELECT v.datastream_id, v.at, v.value,
             CASE WHEN ${inMaintenance} THEN false WHEN v.value >= ${rule.minDatastreams} THEN true WHEN v.holding < ${rule.minDatastreams} THEN false END AS decisive
        FROM (${valued}) v`;
  }
  const frame = `${(rule.windowHours ?? 0) * 3600 * 1_000_000 - (rule.windowHours ? 1 : 0)} microseconds`;
  const value =
    rule.kind === AlarmRuleKind.WINDOW_SUM ? sql`sum(o.result) OVER w` : rule.kind === AlarmRuleKind.RATE_OF_CHANGE ? sql`o.result - first_value(o.result) OVER w` : sql`o.result`;
  valued = sql`
    SELECT o.datastream_id, o.phenomenon_time AS at, ${value} AS value
      FROM sensor_observation o
     WHERE o.datastream_id = ANY(CAST(${datastreamIds} AS uuid[])) AND o.phenomenon_time > CAST(${lower} AS timestamptz) AND o.phenomenon_time <= CAST(${upper} AS timestamptz)
    WINDOW w AS (PARTITION BY o.datastream_id ORDER BY o.phenomenon_time RANGE BETWEEN CAST(${frame} AS interval) PRECEDING AND CURRENT ROW)`;
  return sql`
    SELECT v.datastream_id, v.at, v.value,
           CASE WHEN ${inMaintenance} THEN false WHEN ${alarming(rule, sql`v.value`)} THEN true WHEN ${clearing(rule, sql`v.value`)} THEN false END AS decisive
      FROM (${valued}) v`;
}

/**
 * The runs of the rule's condition on these datastreams whose readings lie in (from − 24 h, to]: the
 * state at each reading is the last decisive one (hysteresis), a run is a stretch of readings in
 * the ON state, raised at its first reading at least the minimum duration after its start. One statement.
 */
export async function conditionRuns(ctx: RequestContext, rule: AlarmRule, datastreamIds: readonly string[], from: Date, to: Date): Promise<ConditionRun[]> {
  if (!datastreamIds.length) return [];
  const exactFrom = new Date(from.getTime() - EXACT_HOURS * 3_600_000).toISOString();
  const peak = rule.comparison === AlarmComparison.AT_LEAST ? sql`max(r.value)` : sql`min(r.value)`;
  const rows = await runSql<{ datastreamId: string; thingId: string; organizationId: string; since: Date; triggeredAt: Date; value: number; peak: number; endedAt: Date | null }>(
    ctx.manager,
    sql`
    WITH series AS (${seriesSql(rule, datastreamIds, from, to)}),
    exact AS (SELECT * FROM series WHERE at > CAST(${exactFrom} AS timestamptz)),
    grouped AS (SELECT e.*, count(e.decisive) OVER (PARTITION BY e.datastream_id ORDER BY e.at) AS grp FROM exact e),
    stated AS (SELECT g.*, coalesce(bool_or(g.decisive) OVER (PARTITION BY g.datastream_id, g.grp), false) AS on_ FROM grouped g),
    counted AS (SELECT s.*, sum(CASE WHEN s.on_ THEN 0 ELSE 1 END) OVER (PARTITION BY s.datastream_id ORDER BY s.at) AS run FROM stated s),
    runs_rows AS (SELECT c.*, min(c.at) FILTER (WHERE c.on_) OVER (PARTITION BY c.datastream_id, c.run) AS since FROM counted c),
    runs AS (
      SELECT r.datastream_id, r.run, r.since,
             min(r.at) FILTER (WHERE r.on_ AND r.at >= r.since + make_interval(mins => ${rule.minimumDurationMinutes})) AS triggered_at,
             ${peak} FILTER (WHERE r.on_) AS peak
        FROM runs_rows r WHERE r.since IS NOT NULL GROUP BY r.datastream_id, r.run, r.since)
    SELECT ru.datastream_id AS "datastreamId", d.thing_id AS "thingId", d.organization_id AS "organizationId", ru.since, ru.triggered_at AS "triggeredAt", ru.peak,
           (SELECT rr.value FROM runs_rows rr WHERE rr.datastream_id = ru.datastream_id AND rr.at = ru.triggered_at) AS value,
           (SELECT min(rr.at) FROM runs_rows rr WHERE rr.datastream_id = ru.datastream_id AND rr.run = ru.run + 1) AS "endedAt"
      FROM runs ru JOIN sensor_datastream d ON d.id = ru.datastream_id
     WHERE ru.triggered_at IS NOT NULL
     ORDER BY ru.datastream_id, ru.since`,
  );
  return rows.map((r) => ({ ...r, since: new Date(r.since), triggeredAt: new Date(r.triggeredAt), endedAt: r.endedAt ? new Date(r.endedAt) : null, value: Number(r.value), peak: Number(r.peak) }));
}

/** The active datastreams a rule reads (its observed property, its chosen ones, its organization's subtree), of those given when given. */
export async function datastreamsOfRule(ctx: RequestContext, rule: AlarmRule, within: readonly string[] | null, subtree: Sql | null): Promise<string[]> {
  const rows = await runSql<{ id: string }>(
    ctx.manager,
    sql`SELECT d.id FROM sensor_datastream d
         WHERE d.observed_property = ${rule.observedProperty} AND d.status = 'ACTIVE'
           AND (cardinality(CAST(${rule.datastreamIds} AS uuid[])) = 0 OR d.id = ANY(CAST(${rule.datastreamIds} AS uuid[])))
           AND (CAST(${within} AS uuid[]) IS NULL OR d.id = ANY(CAST(${within} AS uuid[])))
           AND ${subtree ?? sql`TRUE`}
         ORDER BY d.id`,
  );
  return rows.map((r) => r.id);
}

/** The observed properties of these datastreams (the rules worth evaluating after an ingestion). */
export async function propertiesOf(ctx: RequestContext, datastreamIds: readonly string[]): Promise<Set<string>> {
  const rows = await runSql<{ p: string }>(ctx.manager, sql`SELECT DISTINCT d.observed_property AS p FROM sensor_datastream d WHERE d.id = ANY(CAST(${datastreamIds} AS uuid[]))`);
  return new Set(rows.map((r) => r.p));
}

/** Takes the rule's evaluation lock for the transaction: the event's evaluation and the catch-up job never write one rule's alarms at once. */
export async function lockRuleEvaluation(ctx: RequestContext, key: string): Promise<void> {
  await runSql(ctx.manager, sql`SELECT pg_advisory_xact_lock(hashtext(${`scenarios.alarm:${key}`}))`);
}
