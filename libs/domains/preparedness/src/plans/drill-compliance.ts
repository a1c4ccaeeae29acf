import { Field, Int, ObjectType } from 'type-graphql';
import { SortDirection, UUIDScalar, paginateSql, type ConnectionResult, type RequestContext, type SortKey } from '@platform/core';
import { organizationScope } from '@platform/directory';
import { DrillComplianceStatus } from './plan.enums';
import type { DrillComplianceArgs } from './drill-rule.inputs';
import { PreparednessPermission } from '../permissions';

@ObjectType({ description: '演练考核周期结果。One period of a drill requirement in the year assessed.' })
export class DrillCompliancePeriod {
  @Field({ description: '周期。The period: the year (2026) or a half year (2026-H1, 2026-H2).' })
  label: string;

  @Field({ description: '开始日期。First day of the period (YYYY-MM-DD).' })
  startsOn: string;

  @Field({ description: '结束日期。Last day of the period (YYYY-MM-DD).' })
  endsOn: string;

  @Field(() => Int, { description: '要求次数。Qualifying drills required in the period.' })
  required: number;

  @Field(() => Int, { description: '已演练次数。Qualifying drills held in the period.' })
  held: number;

  @Field(() => DrillComplianceStatus, { description: '达标状态。MET, NOT_MET (period over, China time) or PENDING (not over and not yet met).' })
  status: DrillComplianceStatus;
}

@ObjectType({ description: '演练达标情况。How an organization stands against the drill rule that applies to it in a year.' })
export class DrillComplianceEntry {
  @Field(() => UUIDScalar, { description: '组织标识。The organization assessed.' })
  organizationId: string;

  /** For the keyset order (organization name, id). */
  organizationName: string;

  @Field(() => UUIDScalar, { description: '规则标识。The rule that applies (the matching active rule of highest priority).' })
  ruleId: string;

  @Field({ description: '是否达标。True when every period of the year is met.' })
  met: boolean;

  @Field(() => String, { nullable: true, description: '最近合格演练日期。Day of the last qualifying drill in the year (YYYY-MM-DD); null when none.' })
  lastQualifyingDrillOn: string | null;

  @Field(() => [DrillCompliancePeriod], { description: '各周期。The periods of the year with required and held drills and their status.' })
  periods: DrillCompliancePeriod[];
}

export const complianceSortKeys: SortKey<DrillComplianceEntry>[] = [
  { column: 'o.name', direction: SortDirection.ASC },
  { column: 'o.id', direction: SortDirection.ASC },
];

/**
 * Drill compliance of a page of organizations in ONE statement: for each active organization in
 * the caller's plan scope, the applying rule (the matching active rule of highest priority, ties
 * by code), its periods in the year (generate_series), the qualifying drills counted per period,
 * and the periods' status against today in China. Organizations no rule applies to are left out.
 */
export function drillCompliance(ctx: RequestContext, args: DrillComplianceArgs, withCount: boolean): Promise<ConnectionResult<DrillComplianceEntry>> {
  const scope = organizationScope(ctx.principal, PreparednessPermission.PlanRead, 'o.path', 'o.id');
  const where = ['o.archived_at IS NULL', scope.sql];
  const params: Record<string, unknown> = { ...scope.params, year: args.year, today: ctx.clock.today() };
  if (args.withinSubtreeOf) {
    where.push('o.path <@ (SELECT sr.path FROM organization sr WHERE sr.id = :subtreeRoot)');
    params['subtreeRoot'] = args.withinSubtreeOf;
  }
  if (args.onlyNonCompliant) where.push('NOT x.met');
  const from = `
    organization o
    LEFT JOIN enterprise_profile ep ON ep.organization_id = o.id
    CROSS JOIN LATERAL (
      SELECT r.id, r.period, r.min_drills, r.qualifying_forms FROM drill_rule r
      WHERE r.archived_at IS NULL AND o.kind = ANY(r.organization_kinds)
        AND (r.high_risk IS NULL OR (o.kind = 'ENTERPRISE' AND ep.high_risk = r.high_risk))
      ORDER BY r.priority DESC, r.code LIMIT 1
    ) rule
    CROSS JOIN LATERAL (
      SELECT bool_and(p.held >= rule.min_drills) AS met,
        max(p.last_on) AS last_on,
        json_agg(json_build_object(
          'label', p.label, 'startsOn', p.starts_on::text, 'endsOn', p.ends_on::text, 'required', rule.min_drills, 'held', p.held,
          'status', CASE WHEN p.held >= rule.min_drills THEN 'MET' WHEN p.ends_on < CAST(:today AS date) THEN 'NOT_MET' ELSE 'PENDING' END
        ) ORDER BY p.starts_on) AS periods
      FROM (
        SELECT s.starts_on, s.ends_on,
          CASE WHEN rule.period = 'YEAR' THEN CAST(:year AS int)::text ELSE CAST(:year AS int) || '-H' || s.n END AS label,
          c.held, c.last_on
        FROM generate_series(1, CASE WHEN rule.period = 'YEAR' THEN 1 ELSE 2 END) AS g(n)
        CROSS JOIN LATERAL (
          SELECT (make_date(CAST(:year AS int), 1, 1) + make_interval(months => CASE WHEN rule.period = 'YEAR' THEN 0 ELSE (g.n - 1) * 6 END))::date AS starts_on,
                 (make_date(CAST(:year AS int), 1, 1) + make_interval(months => CASE WHEN rule.period = 'YEAR' THEN 12 ELSE g.n * 6 END) - interval '1 day')::date AS ends_on,
                 g.n
        ) s
        CROSS JOIN LATERAL (
          SELECT count(*)::int AS held, max(d.held_on) AS last_on FROM drill d
          WHERE d.organization_id = o.id AND d.held_on BETWEEN s.starts_on AND s.ends_on
            AND (cardinality(rule.qualifying_forms) = 0 OR d.form = ANY(rule.qualifying_forms))
        ) c
      ) p
    ) x`;
  return paginateSql({
    manager: ctx.manager,
    from,
    select: `o.id AS "organizationId", o.name AS "organizationName", rule.id AS "ruleId", x.met AS "met", x.last_on::text AS "lastQualifyingDrillOn", x.periods AS "periods"`,
    where,
    params,
    keys: complianceSortKeys,
    page: args,
    withCount,
    read: (rows) => rows.map((r) => Object.assign(new DrillComplianceEntry(), r)),
  });
}
