import {
  ConflictError,
  SortDirection,
  archiveRecord,
  audit,
  paginate,
  lockActiveOrFail,
  paginateSql,
  readRows,
  rowReader,
  transaction,
  updateRecord,
  type ArchiveInput,
  type ConnectionResult,
  type RequestContext,
  type SortKey,
} from '@platform/core';
import { organizationIdInScope, withinSubtreeSql } from '@platform/directory';
import type DataLoader from 'dataloader';
import { BadUserInputError } from '@platform/core';
import { RescueTeam } from './rescue-team.entity';
import { StaffingRule } from './staffing-rule.entity';
import { RescueTeamStaffing, StaffingShortfall, StaffingShortfallItem } from './staffing.types';
import type { StaffingShortfallArgs } from './team.inputs';
import type { CreateStaffingRuleInput, StaffingRuleListArgs, UpdateStaffingRuleInput } from './staffing.inputs';
import { CommandPermission } from '../permissions';

/** Rules by team kind, highest priority first; the id makes the order total. */
export const staffingRuleSortKeys = (alias: string): SortKey<StaffingRule>[] => [
  { column: `${alias}.team_kind`, direction: SortDirection.ASC },
  { column: `${alias}.priority`, direction: SortDirection.DESC },
  { column: `${alias}.id`, direction: SortDirection.ASC },
];

/** Teams falling short, by name; the id makes the order total. */
export const shortfallSortKeys: SortKey<RescueTeam>[] = [
  { column: 't.name', direction: SortDirection.ASC },
  { column: 't.id', direction: SortDirection.ASC },
];

/** The select list over `staffingFrom`: the team's columns, the rule as JSON (or NULL) and the shortfalls. */
function staffingSelect(ctx: RequestContext): string {
  return `${rowReader(ctx.manager, RescueTeam, 't').select}, CASE WHEN r."id" IS NULL THEN NULL ELSE to_json(r) END AS "__rule", s.items AS "__shortfalls"`;
}

/**
 * SQL table expression measuring teams (alias `t`, joined to their organization `o`) against the
 * staffing rule that applies to each: the lateral `r` is the highest-priority active rule matching
 * the team's kind and its organization's kind (columns named as StaffingRule properties), `s.items`
 * the JSON array of shortfalls (NULL when none), counted over serving members only.
 */
function staffingFrom(ctx: RequestContext): string {
  const rule = rowReader(ctx.manager, StaffingRule, 'sr');
  const serving = `m.team_id = t.id AND m.left_on IS NULL`;
  return `rescue_team t
    JOIN organization o ON o.id = t.organization_id
    LEFT JOIN LATERAL (
      SELECT ${rule.select} FROM staffing_rule sr
      WHERE sr.archived_at IS NULL AND sr.team_kind = t.kind AND (cardinality(sr.organization_kinds) = 0 OR o.kind = ANY(sr.organization_kinds))
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
}

type StaffingRow = Record<string, unknown> & { __rule: Record<string, unknown> | null; __shortfalls: StaffingShortfallItem[] | null };

/** Splits a row of `staffingSelect` into the team, the rule (or null) and the shortfalls. */
function readStaffingRows(ctx: RequestContext, rows: Array<Record<string, unknown>>): Array<{ team: RescueTeam; rule: StaffingRule | null; shortfalls: StaffingShortfallItem[] }> {
  const ruleReader = rowReader(ctx.manager, StaffingRule, 'sr');
  return (rows as StaffingRow[]).map((row) => {
    const { __rule: ruleRow, __shortfalls: items, ...teamRow } = row;
    const [team] = rowReader(ctx.manager, RescueTeam, 't').read([teamRow]);
    const rule = ruleRow ? ruleReader.read([ruleRow])[0]! : null;
    return { team: team!, rule, shortfalls: items ?? [] };
  });
}

/** How many teams measure up to their rules, in ONE statement per request level (teams already read by the caller). */
export function teamStaffing(ctx: RequestContext): DataLoader<string, RescueTeamStaffing> {
  return ctx.loaders.get('rescue.team.staffing', undefined, async (ids: readonly string[]) => {
    const [query, positional] = ctx.manager.connection.driver.escapeQueryWithParameters(`SELECT ${staffingSelect(ctx)} FROM ${staffingFrom(ctx)} WHERE t.id = ANY(CAST(:ids AS uuid[]))`, { ids });
    const measured = readStaffingRows(ctx, await readRows(ctx.manager, query, positional));
    const byId = new Map(measured.map((m) => [m.team.id, m]));
    return ids.map((id) => {
      const m = byId.get(id);
      return { rule: m?.rule ?? null, shortfalls: m?.shortfalls ?? [], fullyStaffed: !m?.shortfalls.length };
    });
  });
}

export class StaffingService {
  /** Standing teams in the caller's scope that fall short of their rule, by name, computed in SQL: one statement per page. */
  shortfalls(ctx: RequestContext, args: StaffingShortfallArgs, withCount: boolean): Promise<ConnectionResult<StaffingShortfall>> {
    const scope = organizationIdInScope(ctx.principal, CommandPermission.CommandRead, 't.organization_id');
    const where = ['t.archived_at IS NULL', 'r."id" IS NOT NULL', 's.items IS NOT NULL', scope.sql];
    const params: Record<string, unknown> = { ...scope.params };
    if (args.withinSubtreeOf) {
      where.push(withinSubtreeSql('t.organization_id'));
      params['subtreeRoot'] = args.withinSubtreeOf;
    }
    if (args.kinds?.length) {
      where.push('t.kind = ANY(CAST(:kinds AS text[]))');
      params['kinds'] = args.kinds;
    }
    const keys: SortKey<StaffingShortfall>[] = shortfallSortKeys;
    // The count (when selected) rides along in the same statement, over the whole filter and not the cursor.
    return paginateSql({
      manager: ctx.manager,
      from: staffingFrom(ctx),
      select: staffingSelect(ctx),
      where,
      params,
      keys,
      page: args,
      withCount,
      countInline: true,
      read: (rows) => readStaffingRows(ctx, rows).map((m) => ({ team: m.team, rule: m.rule!, shortfalls: m.shortfalls })),
    });
  }

  listRules(ctx: RequestContext, args: StaffingRuleListArgs, withCount: boolean): Promise<ConnectionResult<StaffingRule>> {
    const qb = ctx.manager.createQueryBuilder(StaffingRule, 'r');
    if (!args.includeArchived) qb.andWhere('r.archived_at IS NULL');
    if (args.teamKind) qb.andWhere('r.team_kind = :teamKind', { teamKind: args.teamKind });
    return paginate(qb, args, staffingRuleSortKeys('r'), withCount);
  }

  async createRule(ctx: RequestContext, input: CreateStaffingRuleInput): Promise<StaffingRule> {
    const qualification = this.qualification(input.requiredQualification ?? null, input.minQualified);
    return transaction(ctx, async (tx) => {
      if (await tx.manager.existsBy(StaffingRule, { code: input.code })) throw new ConflictError(`A staffing rule with code ${input.code} exists already.`, { field: 'input.code' });
      const rule = await tx.manager.save(
        tx.manager.create(StaffingRule, {
          code: input.code,
          name: input.name,
          teamKind: input.teamKind,
          organizationKinds: [...new Set(input.organizationKinds ?? [])],
          minLeaders: input.minLeaders,
          minMembers: input.minMembers,
          minOnDutyPerShift: input.minOnDutyPerShift ?? 0,
          ...qualification,
          priority: input.priority ?? 0,
          archivedAt: null,
        }),
      );
      await audit(tx, { action: 'rescue.staffing-rule.create', entityType: 'StaffingRule', entityId: rule.id, changes: { ...input } });
      await tx.emit('rescue.staffing-rule.created', { id: rule.id, code: rule.code });
      return rule;
    });
  }

  async updateRule(ctx: RequestContext, input: UpdateStaffingRuleInput): Promise<StaffingRule> {
    return transaction(ctx, async (tx) => {
      const current = await this.getActiveOrFail(tx, input.id);
      const patch: Partial<StaffingRule> = {};
      if (input.name !== undefined) patch.name = input.name;
      if (input.teamKind !== undefined) patch.teamKind = input.teamKind;
      if (input.organizationKinds !== undefined) patch.organizationKinds = [...new Set(input.organizationKinds)];
      if (input.minLeaders !== undefined) patch.minLeaders = input.minLeaders;
      if (input.minMembers !== undefined) patch.minMembers = input.minMembers;
      if (input.minOnDutyPerShift !== undefined) patch.minOnDutyPerShift = input.minOnDutyPerShift;
      if (input.requiredQualification !== undefined || input.minQualified !== undefined) {
        const requiredQualification = input.requiredQualification !== undefined ? input.requiredQualification : current.requiredQualification;
        const minQualified = input.minQualified ?? (input.requiredQualification === undefined || !current.requiredQualification ? undefined : current.minQualified);
        Object.assign(patch, this.qualification(requiredQualification, minQualified));
      }
      if (input.priority !== undefined) patch.priority = input.priority;
      return updateRecord(tx, StaffingRule, 'StaffingRule', current, input.version, patch, { action: 'rescue.staffing-rule.update', event: 'rescue.staffing-rule.updated', payload: { id: current.id, code: current.code } });
    });
  }

  async archiveRule(ctx: RequestContext, input: ArchiveInput): Promise<StaffingRule> {
    return transaction(ctx, async (tx) => {
      const current = await this.getActiveOrFail(tx, input.id);
      return archiveRecord(tx, StaffingRule, 'StaffingRule', current, input.version, { action: 'rescue.staffing-rule.archive', event: 'rescue.staffing-rule.archived', payload: { id: current.id, code: current.code } });
    });
  }

  /** A qualification comes with how many must hold it (default 1); none means none required. */
  private qualification(requiredQualification: string | null, minQualified: number | undefined): Pick<StaffingRule, 'requiredQualification' | 'minQualified'> {
    if (!requiredQualification) {
      if (minQualified) throw BadUserInputError.field('input.minQualified', 'needsQualification', 'must be 0 without a requiredQualification.');
      return { requiredQualification: null, minQualified: 0 };
    }
    if (minQualified === 0) throw BadUserInputError.field('input.minQualified', 'min', 'must be at least 1 with a requiredQualification.');
    return { requiredQualification, minQualified: minQualified ?? 1 };
  }

  private async getActiveOrFail(tx: RequestContext, id: string): Promise<StaffingRule> {
    return lockActiveOrFail(tx.manager.createQueryBuilder(StaffingRule, 'r'), 'StaffingRule', id, 'the staffing rule is archived.');
  }
}
