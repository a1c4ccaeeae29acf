import { ParamNames, compile, paginateSql, records, sql, type ConnectionResult, type PageRequest, type RequestContext, type SortKey, type Sql } from '@platform/core';
import { EnterpriseProfiles, Organizations, organizationIdWithinSubtree } from '@platform/directory';
import { Drills } from '../preparedness.entities';
import { PreparednessPermission } from '../permissions';

/** What the compliance of a year is asked for. */
export interface ComplianceQuery {
  readonly year: number;
  /** The clock's day (`ctx.clock.today()`): periods ending before it are over. */
  readonly today: string;
  readonly withinSubtreeOf: string | null;
  readonly onlyNonCompliant: boolean;
}

/** The page asked for and how its rows become entries (columns: organizationId, organizationName, ruleId, met, lastQualifyingDrillOn, periods). */
export interface CompliancePage<T> {
  readonly keys: readonly SortKey<T>[];
  readonly page: PageRequest;
  readonly withCount: boolean;
  readonly read: (rows: Array<Record<string, unknown>>) => T[];
}

/** The active organizations in the caller's plan scope as `t` (id, name, kind, and whether an enterprise is high-risk), narrowed by `where`. */
export function assessedOrganizations(ctx: RequestContext, where: Sql | null): Sql {
  const highRisk = records(ctx, EnterpriseProfiles, PreparednessPermission.PlanRead).as('ep').where(sql`ep.organization_id = t.id`).subquery(sql`ep.high_risk`);
  let organizations = records(ctx, Organizations, PreparednessPermission.PlanRead).where(sql`t.archived_at IS NULL`);
  if (where) organizations = organizations.where(where);
  return sql`${organizations.subquery(sql`t.id, t.name, t.kind, ${highRisk} AS high_risk`)} t`;
}

/** LATERAL `rule`: the drill rule that applies to organization `t`: the matching active rule of highest priority, ties by code (none: `t` is left out). */
export const APPLYING_RULE: Sql = sql`
    CROSS JOIN LATERAL (
      SELECT r.id, r.period, r.min_drills, r.qualifying_forms FROM drill_rule r
      WHERE r.archived_at IS NULL AND t.kind = ANY(r.organization_kinds)
        AND (r.high_risk IS NULL OR (t.kind = 'ENTERPRISE' AND t.high_risk = r.high_risk))
      ORDER BY r.priority DESC, r.code LIMIT 1
    ) rule`;

/** `s`: the periods of `rule` in `year` (the year, or its two halves), with `starts_on`, `ends_on` and their number `n`. */
export const rulePeriods = (year: Sql): Sql => sql`
        generate_series(1, CASE WHEN rule.period = 'YEAR' THEN 1 ELSE 2 END) AS g(n)
        CROSS JOIN LATERAL (
          SELECT (make_date(${year}, 1, 1) + make_interval(months => CASE WHEN rule.period = 'YEAR' THEN 0 ELSE (g.n - 1) * 6 END))::date AS starts_on,
                 (make_date(${year}, 1, 1) + make_interval(months => CASE WHEN rule.period = 'YEAR' THEN 12 ELSE g.n * 6 END) - interval '1 day')::date AS ends_on,
                 g.n
        ) s`;

/** The qualifying drills `t` held in period `s` under `rule` (`held`, `last_on`), through the drills' declaration. */
export const qualifyingDrills = (ctx: RequestContext): Sql =>
  records(ctx, Drills)
    .as('d')
    .where(sql`d.organization_id = t.id AND d.held_on BETWEEN s.starts_on AND s.ends_on AND (cardinality(rule.qualifying_forms) = 0 OR d.form = ANY(rule.qualifying_forms))`)
    .subquery(sql`count(*)::int AS held, max(d.held_on) AS last_on`);

/**
 * Drill compliance of a page of organizations in ONE statement: for each active organization in the
 * caller's plan scope, the applying rule (the matching active rule of highest priority, ties by
 * code), its periods in the year (generate_series), the qualifying drills counted per period, and
 * the periods' status against today. Organizations no rule applies to are left out.
 *
 * Hand-written because each row is computed (a rule chosen per organization by a LATERAL with
 * ORDER BY … LIMIT 1, periods generated per rule, counts per period), which `records` does not
 * express. The rows it reads of other modules still come through their declarations, with the
 * scope applied by the kernel: the organizations (`Organizations` under rescue.plan:read), whether
 * an enterprise is high-risk (`EnterpriseProfiles`, same scope), and the drills (`Drills`).
 */
export function compliancePage<T>(ctx: RequestContext, q: ComplianceQuery, p: CompliancePage<T>): Promise<ConnectionResult<T>> {
  // The organizations are `t`, as in every list, so that an order's keys (`t.name`, then `t.id`) are written over them.
  const year = sql`CAST(${q.year} AS int)`;
  const from = sql`
    ${assessedOrganizations(ctx, q.withinSubtreeOf ? organizationIdWithinSubtree('t.id', q.withinSubtreeOf) : null)}
    ${APPLYING_RULE}
    CROSS JOIN LATERAL (
      SELECT bool_and(p.held >= rule.min_drills) AS met,
        max(p.last_on) AS last_on,
        json_agg(json_build_object(
          'label', p.label, 'startsOn', p.starts_on::text, 'endsOn', p.ends_on::text, 'required', rule.min_drills, 'held', p.held,
          'status', CASE WHEN p.held >= rule.min_drills THEN 'MET' WHEN p.ends_on < CAST(${q.today} AS date) THEN 'NOT_MET' ELSE 'PENDING' END
        ) ORDER BY p.starts_on) AS periods
      FROM (
        SELECT s.starts_on, s.ends_on,
          CASE WHEN rule.period = 'YEAR' THEN ${year}::text ELSE ${year} || '-H' || s.n END AS label,
          c.held, c.last_on
        FROM ${rulePeriods(year)}
        CROSS JOIN LATERAL ${qualifyingDrills(ctx)} c
      ) p
    ) x`;
  const compiled = compile(from, new ParamNames('c'));
  return paginateSql({
    manager: ctx.manager,
    from: compiled.text,
    select: `t.id AS "organizationId", t.name AS "organizationName", rule.id AS "ruleId", x.met AS "met", x.last_on::text AS "lastQualifyingDrillOn", x.periods AS "periods"`,
    where: q.onlyNonCompliant ? ['NOT x.met'] : ['TRUE'],
    params: compiled.params,
    keys: p.keys,
    page: p.page,
    withCount: p.withCount,
    read: p.read,
  });
}
