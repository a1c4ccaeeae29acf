import { daySql, raw, records, sql, type DayExpression, type RequestContext, type Sql } from '@platform/core';
import { Drills } from '../preparedness.entities';
import { PreparednessPermission } from '../permissions';

/** Columns of the organization a drill standing is computed for (see `drillStandingSql`). */
export interface DrillStandingColumns {
  /** Its id, e.g. `e.id`. */
  readonly id: string;
  /** Its `OrganizationKind`, e.g. `e.kind`. */
  readonly kind: string;
  /** Whether it is a high-risk enterprise (null for others), e.g. `e.high_risk`. */
  readonly highRisk: string;
}

/**
 * SQL (a jsonb scalar, NULL when no rule applies): how the organization in `o` stands on `today`
 * against the drill rule that applies to it (the matching active rule of highest priority, ties by
 * code, as `drillCompliance` chooses it), for the period containing today and the one before it:
 * `{ ruleId, ruleName, period, required, startsOn, endsOn, held, lastHeldOn, previousStartsOn,
 * previousEndsOn, previousHeld }`. Qualifying drills are counted among those readable with
 * `permission` (by default the plan read permission), so another module can count them in its own scope.
 */
export function drillStandingSql(ctx: RequestContext, o: DrillStandingColumns, today: DayExpression, permission: string = PreparednessPermission.PlanRead): Sql {
  const day = daySql(today);
  const held = (from: string, to: string, columns: Sql): Sql =>
    records(ctx, Drills, permission)
      .as('sd')
      .where(sql`sd.organization_id = ${raw(o.id)} AND sd.held_on BETWEEN ${raw(from)} AND ${raw(to)} AND (cardinality(rule.qualifying_forms) = 0 OR sd.form = ANY(rule.qualifying_forms))`)
      .subquery(columns);
  return sql`(SELECT jsonb_build_object('ruleId', rule.id, 'ruleName', rule.name, 'period', rule.period, 'required', rule.min_drills,
        'startsOn', p.starts_on::text, 'endsOn', p.ends_on::text, 'held', ${held('p.starts_on', 'p.ends_on', sql`count(*)::int`)},
        'lastHeldOn', ${held('p.previous_starts_on', 'p.ends_on', sql`max(sd.held_on)::text`)},
        'previousStartsOn', p.previous_starts_on::text, 'previousEndsOn', (p.starts_on - 1)::text,
        'previousHeld', ${held('p.previous_starts_on', '(p.starts_on - 1)', sql`count(*)::int`)})
      FROM (SELECT r.id, r.name, r.period, r.min_drills, r.qualifying_forms FROM drill_rule r
             WHERE r.archived_at IS NULL AND ${raw(o.kind)} = ANY(r.organization_kinds)
               AND (r.high_risk IS NULL OR (${raw(o.kind)} = 'ENTERPRISE' AND ${raw(o.highRisk)} = r.high_risk))
             ORDER BY r.priority DESC, r.code LIMIT 1) rule
      CROSS JOIN LATERAL (SELECT m.starts_on, (m.starts_on + make_interval(months => m.months) - interval '1 day')::date AS ends_on,
             (m.starts_on - make_interval(months => m.months))::date AS previous_starts_on
        FROM (SELECT CASE WHEN rule.period = 'YEAR' THEN 12 ELSE 6 END AS months,
               (date_trunc('year', ${day}) + make_interval(months => CASE WHEN rule.period = 'YEAR' THEN 0 ELSE (CAST(extract(month FROM ${day}) AS int) - 1) / 6 * 6 END))::date AS starts_on) m) p)`;
}
