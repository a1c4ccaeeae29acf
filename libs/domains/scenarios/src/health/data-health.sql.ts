import { runSql, sql, type RequestContext, type Sql } from '@platform/core';

/*
 * The statements of data health (`evaluateDataHealth`): gaps in datastreams' data found with window
 * functions over the observations, written idempotently (one row per datastream and gap start), and
 * the enforcement leads of operating enterprises' gaps and tamper signals.
 */

/** The basis every lead names. */
export const LEAD_BASIS = '中华人民共和国刑法 第一百三十四条之一（危险作业罪：关闭、破坏直接关系生产安全的监控、报警设备、设施，或者篡改、隐瞒、销毁其相关数据、信息）';

/** The span and thresholds of one evaluation. */
export interface HealthSpan {
  /** Readings from this instant on are read (a China midnight). */
  readonly from: Date;
  /** The evaluation instant: readings up to it; an ongoing gap is measured to it. */
  readonly at: Date;
  /** k: stale after k × the sampling interval. */
  readonly staleFactor: number;
  /** A gap this long makes an enterprise's lead. */
  readonly leadMinimumMinutes: number;
}

/** One gap written or changed. */
export interface GapRow {
  readonly id: string;
  readonly datastreamId: string;
  readonly startedAt: Date;
  readonly endedAt: Date | null;
  readonly inserted: boolean;
}

/**
 * Finds the gaps of active datastreams among the readings in [from, at] (two readings more than
 * k × the interval apart) and the ongoing ones (the last reading at or before `at` more than k × the
 * interval before it), except where the instant it went stale lies in a maintenance window of the
 * thing (or the thing is in MAINTENANCE, for an ongoing gap); inserts the new ones, ends or
 * lengthens the known ones. One statement; answers the rows written.
 */
export async function upsertGaps(ctx: RequestContext, span: HealthSpan): Promise<GapRow[]> {
  const k = span.staleFactor;
  const rows = await runSql<GapRow>(
    ctx.manager,
    sql`
    WITH ds AS (
      SELECT d.id, d.thing_id, d.organization_id, th.enterprise_id, th.status AS thing_status, d.sampling_interval_seconds AS iv
        FROM sensor_datastream d JOIN sensor_thing th ON th.id = d.thing_id
       WHERE d.status = 'ACTIVE' AND th.status <> 'RETIRED'),
    steps AS (
      SELECT o.datastream_id, o.phenomenon_time AS at, lead(o.phenomenon_time) OVER (PARTITION BY o.datastream_id ORDER BY o.phenomenon_time) AS next_at
        FROM sensor_observation o
       WHERE o.datastream_id IN (SELECT id FROM ds) AND o.phenomenon_time >= ${span.from} AND o.phenomenon_time <= ${span.at}),
    found AS (
      SELECT s.datastream_id, s.at AS started_at, s.next_at AS ended_at FROM steps s JOIN ds ON ds.id = s.datastream_id
       WHERE s.next_at IS NOT NULL AND s.next_at - s.at > make_interval(secs => ds.iv * ${k})
      UNION ALL
      SELECT ds.id, l.last_at, NULL FROM ds
        CROSS JOIN LATERAL (SELECT max(o.phenomenon_time) AS last_at FROM sensor_observation o WHERE o.datastream_id = ds.id AND o.phenomenon_time <= ${span.at}) l
       WHERE l.last_at IS NOT NULL AND CAST(${span.at} AS timestamptz) - l.last_at > make_interval(secs => ds.iv * ${k}) AND ds.thing_status <> 'MAINTENANCE')
    INSERT INTO sensor_data_gap AS g (datastream_id, thing_id, organization_id, enterprise_id, started_at, ended_at, sampling_interval_seconds, missed_readings, detected_at)
    SELECT f.datastream_id, ds.thing_id, ds.organization_id, ds.enterprise_id, f.started_at, f.ended_at, ds.iv,
           greatest(1, floor(extract(epoch FROM coalesce(f.ended_at, CAST(${span.at} AS timestamptz)) - f.started_at) / ds.iv)::int - 1), ${span.at}
      FROM found f JOIN ds ON ds.id = f.datastream_id
     WHERE NOT EXISTS (SELECT 1 FROM sensor_maintenance_window mw WHERE mw.thing_id = ds.thing_id
                        AND mw.starts_at <= f.started_at + make_interval(secs => ds.iv * ${k}) AND f.started_at + make_interval(secs => ds.iv * ${k}) < mw.ends_at)
    ON CONFLICT (datastream_id, started_at) DO UPDATE
       SET ended_at = EXCLUDED.ended_at, missed_readings = EXCLUDED.missed_readings, updated_at = now(), version = g.version + 1
     WHERE g.ended_at IS NULL AND (EXCLUDED.ended_at IS NOT NULL OR EXCLUDED.missed_readings > g.missed_readings)
    RETURNING g.id, g.datastream_id AS "datastreamId", g.started_at AS "startedAt", g.ended_at AS "endedAt", (g.xmax = 0) AS inserted`,
  );
  return rows;
}

/** A gap and the STALE alarm of its run, for the staleness alarms. */
export interface StaleWork {
  readonly datastreamId: string;
  readonly thingId: string;
  readonly organizationId: string;
  readonly startedAt: Date;
  readonly endedAt: Date | null;
  readonly staleAt: Date;
  readonly alarmId: string | null;
  readonly alarmStatus: string | null;
  readonly openAlarmId: string | null;
}

/**
 * The gaps that need a STALE alarm written or changed: ongoing ones without the alarm of their run,
 * and those whose open alarm has not recorded their end. One statement.
 */
export async function staleWork(ctx: RequestContext, staleFactor: number): Promise<StaleWork[]> {
  return runSql<StaleWork>(
    ctx.manager,
    sql`
    SELECT g.datastream_id AS "datastreamId", g.thing_id AS "thingId", g.organization_id AS "organizationId", g.started_at AS "startedAt", g.ended_at AS "endedAt",
           g.started_at + make_interval(secs => g.sampling_interval_seconds * ${staleFactor}) AS "staleAt",
           a.id AS "alarmId", a.status AS "alarmStatus", o.id AS "openAlarmId"
      FROM sensor_data_gap g
      LEFT JOIN alarm a ON a.kind = 'STALE' AND a.datastream_id = g.datastream_id AND a.condition_since = g.started_at
      LEFT JOIN alarm o ON o.kind = 'STALE' AND o.datastream_id = g.datastream_id AND o.status <> 'CLEARED'
     WHERE (g.ended_at IS NULL AND a.id IS NULL)
        OR (g.ended_at IS NOT NULL AND a.status <> 'CLEARED' AND (a.condition_ended_at IS NULL OR a.status <> 'TRIGGERED'))
     ORDER BY g.started_at, g.datastream_id
     LIMIT 1000`,
  );
}

/**
 * Writes the leads: gaps of an operating enterprise's monitoring of at least the minutes (ended or
 * ongoing to `at`), and per China day the readings flagged as tampered (resultQuality beginning with
 * "tamper", any case) in [from, at]; new ones inserted, known ones ended or extended. `operating` is
 * the condition that the enterprise in `<alias>.enterprise_id` operates. One statement each kind; the rows written.
 */
export async function upsertLeads(ctx: RequestContext, span: HealthSpan, operating: (column: string) => Sql): Promise<Array<{ id: string; kind: string; inserted: boolean }>> {
  const gaps = await runSql<{ id: string; kind: string; inserted: boolean }>(
    ctx.manager,
    sql`
    INSERT INTO monitoring_enforcement_lead AS l (organization_id, datastream_id, thing_id, kind, gap_id, started_at, ended_at, evidence, basis)
    SELECT g.enterprise_id, g.datastream_id, g.thing_id, 'GAP', g.id, g.started_at, g.ended_at,
           format('%s（%s）数据中断%s分钟（%s起%s），企业在营', th.name, d.name,
                  round(extract(epoch FROM coalesce(g.ended_at, CAST(${span.at} AS timestamptz)) - g.started_at) / 60)::int,
                  to_char(g.started_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI'),
                  CASE WHEN g.ended_at IS NULL THEN '，仍未恢复' ELSE '至' || to_char(g.ended_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI') END),
           ${LEAD_BASIS}
      FROM sensor_data_gap g JOIN sensor_datastream d ON d.id = g.datastream_id JOIN sensor_thing th ON th.id = g.thing_id
     WHERE g.enterprise_id IS NOT NULL AND ${operating('g.enterprise_id')}
       AND coalesce(g.ended_at, CAST(${span.at} AS timestamptz)) - g.started_at >= make_interval(mins => ${span.leadMinimumMinutes})
       AND (g.ended_at IS NULL OR g.ended_at >= ${span.from})
    ON CONFLICT (datastream_id, kind, started_at) DO UPDATE SET ended_at = EXCLUDED.ended_at, evidence = EXCLUDED.evidence, updated_at = now(), version = l.version + 1
     WHERE l.evidence IS DISTINCT FROM EXCLUDED.evidence
    RETURNING l.id, l.kind, (l.xmax = 0) AS inserted`,
  );
  const tampers = await runSql<{ id: string; kind: string; inserted: boolean }>(
    ctx.manager,
    sql`
    INSERT INTO monitoring_enforcement_lead AS l (organization_id, datastream_id, thing_id, kind, gap_id, started_at, ended_at, evidence, basis)
    SELECT th.enterprise_id, o.datastream_id, d.thing_id, 'TAMPER', NULL, min(o.phenomenon_time), max(o.phenomenon_time),
           format('%s（%s）%s条读数标记为篡改（%s）', th.name, d.name, count(*), string_agg(DISTINCT o.result_quality, '、')),
           ${LEAD_BASIS}
      FROM sensor_observation o JOIN sensor_datastream d ON d.id = o.datastream_id JOIN sensor_thing th ON th.id = d.thing_id
     WHERE o.phenomenon_time >= ${span.from} AND o.phenomenon_time <= ${span.at} AND o.result_quality ILIKE 'tamper%'
       AND th.enterprise_id IS NOT NULL AND ${operating('th.enterprise_id')}
     GROUP BY th.enterprise_id, o.datastream_id, d.thing_id, th.name, d.name, date_trunc('day', o.phenomenon_time AT TIME ZONE 'Asia/Shanghai')
    ON CONFLICT (datastream_id, kind, started_at) DO UPDATE SET ended_at = EXCLUDED.ended_at, evidence = EXCLUDED.evidence, updated_at = now(), version = l.version + 1
     WHERE l.evidence IS DISTINCT FROM EXCLUDED.evidence
    RETURNING l.id, l.kind, (l.xmax = 0) AS inserted`,
  );
  return [...gaps, ...tampers];
}

/** Takes the data-health evaluation lock for the transaction (the job, the seed and a hand run never write at once). */
export async function lockHealthEvaluation(ctx: RequestContext): Promise<void> {
  await runSql(ctx.manager, sql`SELECT pg_advisory_xact_lock(hashtext('scenarios.data-health'))`);
}
