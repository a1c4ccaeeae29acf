import { ParamNames, compile, list, localDaySql, paginateSql, raw, records, sql, type ConnectionResult, type PageRequest, type RequestContext, type SortKey, type Sql } from '@platform/core';
import { EnterpriseProfiles, IndustrySectors, Organizations } from '@platform/directory';
import { HazardEvents, HazardSource, HazardStatus, Hazards, RiskPoints } from '@domains/risk';
import { Tips } from '@domains/reporting';
import { ClosedLoopGrouping } from './closed-loop.enums';
import { ClosedLoopPermission } from './closed-loop.permissions';
import { ClosedLoopOrder } from './closed-loop.orders';
import { ClosedLoopRow, type ClosedLoopStageTime } from './closed-loop.types';

/*
 * The closed loop (一体化闭环) in one statement: the hazards found in the period with the instants of
 * their stages (risk's declared `Hazards` and `HazardEvents`), the risk points and the tips, each read
 * through its module's declaration under `scenarios.closed-loop:read` (so the caller's scope applies),
 * then grouped by village, sector or town and paged.
 */

/** What the view counts: the period [from, to) in China days, the grouping, an optional subtree and sources. */
export interface ClosedLoopQuery {
  readonly from: string;
  readonly to: string;
  readonly grouping: ClosedLoopGrouping;
  /** The subtree's root path (checked in scope by the caller), or none. */
  readonly withinPath?: string | null;
  readonly sources?: readonly HazardSource[] | null;
}

const SOURCES = Object.values(HazardSource);
const DAY_SECONDS = 86400;

/** The days between two instants (fractional), null unless both are there. */
const days = (a: string, b: string): Sql => raw(`(extract(epoch FROM (${b} - ${a})) / ${DAY_SECONDS})`);

/** Count, median and 90th percentile of the days between two stages, as columns `<name>_n`, `<name>_p50`, `<name>_p90`. */
function stageColumns(name: string, a: string, b: string): Sql {
  const d = days(a, b);
  return sql`count(*) FILTER (WHERE ${raw(a)} IS NOT NULL AND ${raw(b)} IS NOT NULL)::int AS ${raw(`"${name}_n"`)},
    round(CAST(percentile_cont(0.5) WITHIN GROUP (ORDER BY ${d}) AS numeric), 2)::float8 AS ${raw(`"${name}_p50"`)},
    round(CAST(percentile_cont(0.9) WITHIN GROUP (ORDER BY ${d}) AS numeric), 2)::float8 AS ${raw(`"${name}_p90"`)}`;
}

const STAGES = [
  ['foundToConfirmed', 'hf.found_at', 'hf.confirmed_at'],
  ['confirmedToRectified', 'hf.confirmed_at', 'hf.submitted_at'],
  ['rectifiedToVerified', 'hf.submitted_at', 'hf.verified_at'],
  ['foundToVerified', 'hf.found_at', 'hf.verified_at'],
] as const;

/**
 * SQL: `(WITH hf …, rp …, tp …, grp … SELECT …) g`, one row per group with the columns the page reads
 * (`groupKey`, `groupName`, `riskPoints`, `found`, …). Every read goes through a declaration.
 */
export function closedLoopRowsSql(ctx: RequestContext, q: ClosedLoopQuery): Sql {
  const P = ClosedLoopPermission.Read;
  const from = sql`CAST(${q.from} AS date)`;
  const to = sql`CAST(${q.to} AS date)`;
  const today = sql`CAST(${ctx.clock.today()} AS date)`;
  const within = (pathColumn: string): Sql => (q.withinPath ? sql`${raw(pathColumn)} <@ CAST(${q.withinPath} AS ltree)` : sql`TRUE`);
  const orgs = records(ctx, Organizations, P).as('o').subquery(sql`o.id, o.path`);
  const profiles = records(ctx, EnterpriseProfiles, P).as('ep').subquery(sql`ep.organization_id, ep.sector_code`);

  let hazards = records(ctx, Hazards, P)
    .as('h')
    .where(sql`${raw(localDaySql('h.found_at'))} >= ${from} AND ${raw(localDaySql('h.found_at'))} < ${to}`);
  if (q.sources?.length) hazards = hazards.where(sql`h.source = ANY(${[...q.sources]})`);
  const events = records(ctx, HazardEvents, P)
    .as('he')
    .where(sql`he.hazard_id = hz.id`)
    .subquery(
      sql`min(he.at) FILTER (WHERE he.action = 'confirm') AS confirmed_at, max(he.at) FILTER (WHERE he.action = 'submitRectification') AS submitted_at, min(he.at) FILTER (WHERE he.action = 'verifyRectification') AS verified_at`,
    );
  const riskPoints = records(ctx, RiskPoints, P).as('r').where(sql`r.archived_at IS NULL`).subquery(sql`r.organization_id`);
  const tips = records(ctx, Tips, P)
    .as('tip')
    .where(sql`${raw(localDaySql('tip.received_at'))} >= ${from} AND ${raw(localDaySql('tip.received_at'))} < ${to}`)
    .subquery(sql`tip.organization_id, tip.hazard_id`);

  let groups: Sql;
  let match: (alias: string) => Sql;
  if (q.grouping === ClosedLoopGrouping.VILLAGE) {
    const villages = records(ctx, Organizations, P)
      .as('v')
      .where(sql`v.kind IN ('VILLAGE', 'COMMUNITY') AND v.archived_at IS NULL`)
      .where(q.withinPath ? sql`(v.path <@ CAST(${q.withinPath} AS ltree) OR v.path @> CAST(${q.withinPath} AS ltree))` : sql`TRUE`)
      .subquery(sql`v.id::text AS key, v.name, v.path`);
    groups = sql`SELECT vg.key, vg.name, vg.path FROM ${villages} vg`;
    match = (alias) => raw(`${alias}.org_path <@ grp.path`);
  } else if (q.grouping === ClosedLoopGrouping.SECTOR) {
    const sectors = records(ctx, IndustrySectors, P).as('s').subquery(sql`s.code AS key, s.name_zh AS name`);
    groups = sql`SELECT sg.key, sg.name, NULL::ltree AS path FROM ${sectors} sg
      WHERE EXISTS (SELECT 1 FROM hf WHERE hf.sector_code = sg.key) OR EXISTS (SELECT 1 FROM rp WHERE rp.sector_code = sg.key)`;
    match = (alias) => raw(`${alias}.sector_code = grp.key`);
  } else {
    groups = sql`SELECT 'TOWN'::text AS key, '合计'::text AS name, NULL::ltree AS path`;
    match = () => sql`TRUE`;
  }

  const rectifiedOnTime = sql`hf.submitted_at IS NOT NULL AND hf.deadline IS NOT NULL AND ${raw(localDaySql('hf.submitted_at'))} <= hf.deadline`;
  const verifiedOnTime = sql`hf.verified_at IS NOT NULL AND hf.deadline IS NOT NULL AND ${raw(localDaySql('hf.verified_at'))} <= hf.deadline`;
  const due = sql`hf.deadline IS NOT NULL AND hf.status <> ${HazardStatus.REJECTED} AND (hf.verified_at IS NOT NULL OR hf.deadline < ${today})`;
  const bySource = list(
    SOURCES.map((s) => sql`count(*) FILTER (WHERE hf.source = ${s})::int AS ${raw(`"src_${s}"`)}`),
    ', ',
  );
  const stages = list(
    STAGES.map(([name, a, b]) => stageColumns(name, a, b)),
    ', ',
  );

  return sql`(WITH hf AS (
      SELECT hz.source, hz.status, hz.deadline, hz.found_at, o.path AS org_path, ep.sector_code, ev.confirmed_at, ev.submitted_at, ev.verified_at
        FROM ${hazards.subquery(sql`h.id, h.organization_id, h.source, h.status, h.deadline, h.found_at`)} hz
        JOIN ${orgs} o ON o.id = hz.organization_id
        LEFT JOIN ${profiles} ep ON ep.organization_id = hz.organization_id
        CROSS JOIN LATERAL ${events} ev
       WHERE ${within('o.path')}
    ), rp AS (
      SELECT o.path AS org_path, ep.sector_code FROM ${riskPoints} rk JOIN ${orgs} o ON o.id = rk.organization_id LEFT JOIN ${profiles} ep ON ep.organization_id = rk.organization_id WHERE ${within('o.path')}
    ), tp AS (
      SELECT o.path AS org_path, ep.sector_code, tk.hazard_id FROM ${tips} tk JOIN ${orgs} o ON o.id = tk.organization_id LEFT JOIN ${profiles} ep ON ep.organization_id = tk.organization_id WHERE ${within('o.path')}
    ), grp AS (${groups})
    SELECT grp.key AS "groupKey", grp.name AS "groupName",
      (SELECT count(*)::int FROM rp WHERE ${match('rp')}) AS "riskPoints",
      ts."tipsReceived", ts."tipsToHazards", hs.*,
      CASE WHEN hs.due > 0 THEN round(CAST(hs."verifiedOnTime" AS numeric) / hs.due, 4)::float8 END AS "onTimeShare"
    FROM grp
    CROSS JOIN LATERAL (
      SELECT count(*)::int AS found, ${bySource},
        count(*) FILTER (WHERE hf.confirmed_at IS NOT NULL)::int AS confirmed,
        count(*) FILTER (WHERE hf.status = ${HazardStatus.REJECTED})::int AS rejected,
        count(*) FILTER (WHERE hf.submitted_at IS NOT NULL)::int AS rectified,
        count(*) FILTER (WHERE ${rectifiedOnTime})::int AS "rectifiedOnTime",
        count(*) FILTER (WHERE hf.verified_at IS NOT NULL)::int AS verified,
        count(*) FILTER (WHERE ${verifiedOnTime})::int AS "verifiedOnTime",
        count(*) FILTER (WHERE ${due})::int AS due,
        count(*) FILTER (WHERE hf.source = ${HazardSource.SENSOR})::int AS "alarmsToHazards",
        ${stages}
      FROM hf WHERE ${match('hf')}
    ) hs
    CROSS JOIN LATERAL (SELECT count(*)::int AS "tipsReceived", count(tp.hazard_id)::int AS "tipsToHazards" FROM tp WHERE ${match('tp')}) ts
  ) g`;
}

const stage = (r: Record<string, unknown>, name: string): ClosedLoopStageTime => ({
  count: Number(r[`${name}_n`] ?? 0),
  p50Days: r[`${name}_p50`] == null ? null : Number(r[`${name}_p50`]),
  p90Days: r[`${name}_p90`] == null ? null : Number(r[`${name}_p90`]),
});

/** One page of the closed loop's rows: one statement (the count inline). */
export function closedLoopPage(ctx: RequestContext, q: ClosedLoopQuery, page: PageRequest, withCount: boolean, keys: readonly SortKey[] = ClosedLoopOrder.keys(null)): Promise<ConnectionResult<ClosedLoopRow>> {
  const rows = compile(closedLoopRowsSql(ctx, q), new ParamNames('cl'));
  return paginateSql<ClosedLoopRow>({
    manager: ctx.manager,
    from: rows.text,
    select: 'g.*',
    where: ['TRUE'],
    params: rows.params,
    keys: [...keys],
    page,
    withCount,
    countInline: true,
    read: (raw) =>
      raw.map((r) =>
        Object.assign(new ClosedLoopRow(), {
          grouping: q.grouping,
          groupKey: r['groupKey'] as string,
          groupName: r['groupName'] as string,
          from: q.from,
          to: q.to,
          riskPoints: Number(r['riskPoints']),
          found: Number(r['found']),
          bySource: SOURCES.map((source) => ({ source, found: Number(r[`src_${source}`] ?? 0) })),
          confirmed: Number(r['confirmed']),
          rejected: Number(r['rejected']),
          rectified: Number(r['rectified']),
          rectifiedOnTime: Number(r['rectifiedOnTime']),
          verified: Number(r['verified']),
          verifiedOnTime: Number(r['verifiedOnTime']),
          due: Number(r['due']),
          onTimeShare: r['onTimeShare'] == null ? null : Number(r['onTimeShare']),
          tipsReceived: Number(r['tipsReceived']),
          tipsToHazards: Number(r['tipsToHazards']),
          alarmsToHazards: Number(r['alarmsToHazards']),
          foundToConfirmed: stage(r, 'foundToConfirmed'),
          confirmedToRectified: stage(r, 'confirmedToRectified'),
          rectifiedToVerified: stage(r, 'rectifiedToVerified'),
          foundToVerified: stage(r, 'foundToVerified'),
        }),
      ),
  });
}

/** The hazard steps whose time from the finding the stage-time indicators measure. */
export type MeasuredStep = 'confirm' | 'verifyRectification';

/**
 * SQL for a stage-time indicator: the median days from found to the step (`confirm`, or
 * `verifyRectification`: the whole loop) of the hazards that took it in the period (within the
 * subtree, the caller's scope applied), 0 over none. Over the steps themselves: each is taken once per
 * hazard (confirmation leaves REPORTED for good, and VERIFIED is never left backwards).
 */
export function medianDaysToStepSql(ctx: RequestContext, step: MeasuredStep, inSubtree: (column: string) => Sql, timeWithin: (column: string) => Sql): Sql {
  const P = ClosedLoopPermission.Read;
  const hazardsInSubtree = records(ctx, Hazards, P).as('hs').where(inSubtree('hs.organization_id')).subquery(sql`hs.id`);
  const foundAt = records(ctx, Hazards, P).as('hf').where(sql`hf.id = hv.hazard_id`).subquery(sql`hf.found_at`);
  return records(ctx, HazardEvents, P)
    .as('hv')
    .where(sql`hv.action = ${step} AND hv.hazard_id IN ${hazardsInSubtree}`)
    .where(timeWithin('hv.at'))
    .subquery(sql`coalesce(round(CAST(percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM (hv.at - ${foundAt})) / ${DAY_SECONDS}) AS numeric), 2), 0)::float8 AS numerator`);
}
