import {
  ConflictError,
  archiveRecord,
  createRecord,
  isChangeFeed,
  recordEvent,
  records,
  sentFields,
  sql,
  transaction,
  updateRecord,
  whereChanged,
  type ArchiveInput,
  type ConnectionResult,
  type Patch,
  type Records,
  type RequestContext,
} from '@platform/core';
import { Organizations, organizationIdWithinSubtree } from '@platform/directory';
import type DataLoader from 'dataloader';
import type { RescueTeam } from './rescue-team.entity';
import { StaffingRule } from './staffing-rule.entity';
import { StaffingRuleOrder, StaffingShortfallOrder } from './command.orders';
import type { RescueTeamStaffing, StaffingShortfall } from './staffing.types';
import type { StaffingShortfallArgs } from './team.inputs';
import type { CreateStaffingRuleInput, StaffingRuleListArgs, UpdateStaffingRuleInput } from './staffing.inputs';
import { RescueTeams, StaffingRules } from '../command.entities';
import { commandEvents } from '../command.events';
import { commandRules } from '../command.rules';
import { measureTeams, shortfallPage, type StaffingSource } from './staffing.sql';
import { CommandPermission } from '../permissions';

/**
 * The teams of `teams` (the caller's records) measured, with the kind of each team's organization
 * read within the same scope (a team in scope for `permission` has its organization in scope too).
 */
function staffingSource(ctx: RequestContext, teams: Records<RescueTeam>, permission: string): StaffingSource {
  return {
    teams: teams.subquery(sql`t.*`),
    organizationKind: records(ctx, Organizations, permission).as('o').where(sql`o.id = t.organization_id`).subquery(sql`o.kind`),
  };
}

/** How many teams measure up to their rules, in ONE statement per request level (teams already read by the caller). */
export function teamStaffing(ctx: RequestContext): DataLoader<string, RescueTeamStaffing> {
  return ctx.loaders.get('rescue.team.staffing', undefined, async (ids: readonly string[]) => {
    const teams = records(ctx, RescueTeams).where(sql`t.id = ANY(CAST(${ids} AS uuid[]))`);
    const measured = await measureTeams(ctx, staffingSource(ctx, teams, CommandPermission.CommandRead));
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
    const f = args.filter ?? {};
    let teams = records(ctx, RescueTeams).where(sql`t.archived_at IS NULL`);
    if (f.withinSubtreeOf) teams = teams.where(organizationIdWithinSubtree('t.organization_id', f.withinSubtreeOf));
    if (f.kinds?.length) teams = teams.where(sql`t.kind = ANY(CAST(${f.kinds} AS text[]))`);
    // The count (when selected) rides along in the same statement, over the whole filter and not the cursor.
    return shortfallPage(ctx, staffingSource(ctx, teams, CommandPermission.CommandRead), StaffingShortfallOrder.keys(args.orderBy), args, withCount);
  }

  listRules(ctx: RequestContext, args: StaffingRuleListArgs, withCount: boolean): Promise<ConnectionResult<StaffingRule>> {
    let rules = records(ctx, StaffingRules);
    const f = args.filter ?? {};
    // A change feed lists withdrawn rules too, as tombstones (archivedAt says so), unless includeArchived: false is sent.
    if (!(f.includeArchived ?? isChangeFeed(f))) rules = rules.where(sql`t.archived_at IS NULL`);
    if (f.teamKind) rules = rules.where(sql`t.team_kind = ${f.teamKind}`);
    return whereChanged(rules, f).page({ keys: StaffingRuleOrder.keys(args.orderBy), page: args, withCount });
  }

  async createRule(ctx: RequestContext, input: CreateStaffingRuleInput): Promise<StaffingRule> {
    const qualification = this.qualification(input.requiredQualification ?? null, input.minQualified);
    return transaction(ctx, async (tx) => {
      const taken = await records(tx, StaffingRules, StaffingRules.write).where(sql`t.code = ${input.code}`).count();
      if (taken > 0) throw new ConflictError(`A staffing rule with code ${input.code} exists already.`, { field: 'input.code' });
      return createRecord(
        tx,
        StaffingRule,
        'StaffingRule',
        {
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
        },
        {
          action: 'rescue.staffing-rule.create',
          changes: { ...input },
          ...recordEvent(commandEvents['rescue.staffing-rule.created'], (r: StaffingRule) => ({ id: r.id, code: r.code })),
        },
      );
    });
  }

  async updateRule(ctx: RequestContext, input: UpdateStaffingRuleInput): Promise<StaffingRule> {
    return transaction(ctx, async (tx) => {
      const current = await this.activeRule(tx, input.id);
      const patch: Patch<StaffingRule> = sentFields(input, ['name', 'teamKind', 'minLeaders', 'minMembers', 'minOnDutyPerShift', 'priority']);
      if (input.organizationKinds !== undefined) patch.organizationKinds = [...new Set(input.organizationKinds)];
      if (input.requiredQualification !== undefined || input.minQualified !== undefined) {
        const requiredQualification = input.requiredQualification !== undefined ? input.requiredQualification : current.requiredQualification;
        const minQualified = input.minQualified ?? (input.requiredQualification === undefined || !current.requiredQualification ? undefined : current.minQualified);
        Object.assign(patch, this.qualification(requiredQualification, minQualified));
      }
      return updateRecord(tx, StaffingRule, 'StaffingRule', current, input.version, patch, {
        action: 'rescue.staffing-rule.update',
        ...recordEvent(commandEvents['rescue.staffing-rule.updated'], { id: current.id, code: current.code }),
      });
    });
  }

  async archiveRule(ctx: RequestContext, input: ArchiveInput): Promise<StaffingRule> {
    return transaction(ctx, async (tx) => {
      const current = await this.activeRule(tx, input.id);
      return archiveRecord(tx, StaffingRule, 'StaffingRule', current, input.version, {
        action: 'rescue.staffing-rule.archive',
        ...recordEvent(commandEvents['rescue.staffing-rule.archived'], { id: current.id, code: current.code }),
      });
    });
  }

  /** A qualification comes with how many must hold it (default 1); none means none required. */
  private qualification(requiredQualification: string | null, minQualified: number | undefined): Pick<StaffingRule, 'requiredQualification' | 'minQualified'> {
    if (!requiredQualification) {
      if (minQualified) throw commandRules.field('input.minQualified', 'needsQualification', 'must be 0 without a requiredQualification.');
      return { requiredQualification: null, minQualified: 0 };
    }
    if (minQualified === 0) throw commandRules.field('input.minQualified', 'min', 'must be at least 1 with a requiredQualification.');
    return { requiredQualification, minQualified: minQualified ?? 1 };
  }

  /** A rule in force, locked; NOT_FOUND when missing, `notArchived` on `input.id` when withdrawn. */
  private activeRule(tx: RequestContext, id: string): Promise<StaffingRule> {
    return records(tx, StaffingRules, StaffingRules.write).reference(id, 'input.id', { lock: 'update' });
  }
}
