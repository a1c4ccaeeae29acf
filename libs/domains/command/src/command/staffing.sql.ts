import { ParamNames, compile, paginateSql, readRows, rowReader, type ConnectionResult, type PageRequest, type RequestContext, type SortKey, type Sql } from '@platform/core';
import { RescueTeam } from './rescue-team.entity';
import { StaffingRule } from './staffing-rule.entity';
import type { StaffingShortfall, StaffingShortfallItem } from './staffing.types';

/*
 * Teams measured against the staffing rule that applies to each, in ONE statement per page or per
 * request level (with the count inline). Hand-written because the measure is a lateral computation
 * over the team's members and the rule list that `records()` cannot express; the rows measured come
 * from the caller's `records(ctx, RescueTeams)` (as a scoped `subquery`), so the kernel applies the
 * scope, and the kind of each team's organization from `records(ctx, Organizations)` likewise.
 */

/** A team with the rule that applies to it (null when none) and what it falls short of. */
export interface MeasuredTeam {
  readonly team: RescueTeam;
  readonly rule: StaffingRule | null;
  readonly shortfalls: StaffingShortfallItem[];
}

/** The rows to measure and where their organizations' kinds come from, as scoped fragments. */
export interface StaffingSource {
  /** `(SELECT t.* FROM rescue_team t WHERE <scope> AND …)`: the teams, from `records(ctx, RescueTeams).subquery(sql\`t.*\`)`. */
  readonly teams: Sql;
  /** `(SELECT o.kind FROM organization o WHERE <scope> AND o.id = t.organization_id)`: the kind of the team's organization. */
  readonly organizationKind: Sql;
}

/** The select list over `staffingFrom`: the team's columns, the rule as JSON (or NULL) and the shortfalls. */
function staffingSelect(ctx: RequestContext): string {
  return `${rowReader(ctx.manager, RescueTeam, 't').select}, CASE WHEN r."id" IS NULL THEN NULL ELSE to_json(r) END AS "__rule", s.items AS "__shortfalls"`;
}

/**
 * SQL table expression measuring the teams (alias `t`) against the staffing rule that applies to
 * each: the lateral `r` is the highest-priority active rule matching the team's kind and its
 * organization's kind (columns named as StaffingRule properties), `s.items` the JSON array of
 * shortfalls (NULL when none), counted over serving members only.
 */
function staffingFrom(ctx: RequestContext, source: StaffingSource): { from: string; params: Record<string, unknown> } {
  const names = new ParamNames('st');
  const params: Record<string, unknown> = {};
  const teams = compile(source.teams, names, params).text;
  const organizationKind = compile(source.organizationKind, names, params).text;
  const rule = rowReader(ctx.manager, StaffingRule, 'sr');
  const serving = `m.team_id = t.id AND m.left_on IS NULL`;
  const from = `${teams} t
    LEFT JOIN LATERAL (
      SELECT ${rule.select} FROM staffing_rule sr
      WHERE sr.archived_at IS NULL AND sr.team_kind = t.kind AND (cardinality(sr.organization_kinds) = 0 OR ${organizationKind} = ANY(sr.organization_kinds))
      ORDER BY sr.priority DESC, sr.id LIMIT 1
    ) r ON TRUE
    CROSS JOIN LATERAL (
      SELECT count(*) FILTER (WHERE m.role = 'LEADER')::int AS leaders,
             count(*) FILTER (WHERE m.role <> 'LEADER')::int AS members,
             count(*) FILTER (WHERE r."requiredQualification" = ANY(m.qualifications))::int AS qualified
      FROM rescue_team_member m WHERE ${serving}
    ) c
    CROSS JOIN LATERAL (
      SELECT json_agg(json_build_object('requirement', x.requirement, 'shift', x.shift, 'required', x.required, 'actual', x.actual) ORDER BY x.ord, x.shift) AS items
      FROM (
        SELECT 1 AS ord, 'LEADERS' AS requirement, NULL::int AS shift, r."minLeaders" AS required, c.leaders AS actual WHERE c.leaders < r."minLeaders"
        UNION ALL
        SELECT 2, 'MEMBERS', NULL, r."minMembers", c.members WHERE c.members < r."minMembers"
        UNION ALL
        SELECT 3, 'ON_DUTY_PER_SHIFT', d.shift, r."minOnDutyPerShift", d.n
        FROM (
          SELECT g.shift, (SELECT count(*)::int FROM rescue_team_member m WHERE ${serving} AND m.shift = g.shift) AS n
          FROM generate_series(1, t.shift_count) AS g(shift)
          WHERE r."minOnDutyPerShift" > 0
        ) d
        WHERE d.n < r."minOnDutyPerShift"
        UNION ALL
        SELECT 4, 'QUALIFIED', NULL, r."minQualified", c.qualified WHERE r."requiredQualification" IS NOT NULL AND c.qualified < r."minQualified"
      ) x
    ) s`;
  return { from, params };
}

type StaffingRow = Record<string, unknown> & { __rule: Record<string, unknown> | null; __shortfalls: StaffingShortfallItem[] | null };

/** Splits a row of `staffingSelect` into the team, the rule (or null) and the shortfalls. */
function readStaffingRows(ctx: RequestContext, rows: Array<Record<string, unknown>>): MeasuredTeam[] {
  const ruleReader = rowReader(ctx.manager, StaffingRule, 'sr');
  return (rows as StaffingRow[]).map((row) => {
    const { __rule: ruleRow, __shortfalls: items, ...teamRow } = row;
    const [team] = rowReader(ctx.manager, RescueTeam, 't').read([teamRow]);
    const rule = ruleRow ? ruleReader.read([ruleRow])[0]! : null;
    return { team: team!, rule, shortfalls: items ?? [] };
  });
}

/** Every team of the source, measured (one statement). */
export async function measureTeams(ctx: RequestContext, source: StaffingSource): Promise<MeasuredTeam[]> {
  const { from, params } = staffingFrom(ctx, source);
  const [text, values] = ctx.manager.connection.driver.escapeQueryWithParameters(`SELECT ${staffingSelect(ctx)} FROM ${from}`, params);
  return readStaffingRows(ctx, await readRows(ctx.manager, text, values));
}

/** The teams of the source that have an applying rule and fall short of it, one page (the count, when asked, in the same statement). */
export function shortfallPage(ctx: RequestContext, source: StaffingSource, keys: readonly SortKey[], page: PageRequest, withCount: boolean): Promise<ConnectionResult<StaffingShortfall>> {
  const { from, params } = staffingFrom(ctx, source);
  return paginateSql<StaffingShortfall>({
    manager: ctx.manager,
    from,
    select: staffingSelect(ctx),
    where: ['r."id" IS NOT NULL', 's.items IS NOT NULL'],
    params,
    keys,
    page,
    withCount,
    countInline: true,
    // The condition on r keeps only teams a rule applies to.
    read: (rows) => readStaffingRows(ctx, rows).map((m) => ({ teamId: m.team.id, team: m.team, rule: m.rule!, shortfalls: m.shortfalls })),
  });
}
