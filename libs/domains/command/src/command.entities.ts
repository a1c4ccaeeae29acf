/*
 * The command library's entities with their row scope and permissions, declared once: every read
 * and write of the library goes through `records(ctx, <declaration>)`, which applies the scope.
 */
import { ALL_ROWS, NO_ROWS, defineScopedEntity, join, raw, rowScopeSql, sql, type Principal, type Sql } from '@platform/core';
import { PreparednessPermission } from '@domains/preparedness';
import { CommandBody, CommandPosition } from './command/command-body.entity';
import { RescueTeam, TeamEquipment, TeamMember } from './command/rescue-team.entity';
import { StaffingRule } from './command/staffing-rule.entity';
import { DutyAssignment, DutyRequirement, DutyShift } from './duty/duty.entity';
import { CommandPermission } from './permissions';

/** Command bodies belong to the town government, village or community that set them up. */
export const CommandBodies = defineScopedEntity(CommandBody, {
  table: 'command_body',
  scope: { organizationColumn: 'organization_id' },
  read: CommandPermission.CommandRead,
  write: CommandPermission.CommandWrite,
});

/** A position is in scope when its command body is. */
export const CommandPositions = defineScopedEntity(CommandPosition, {
  table: 'command_position',
  scope: { through: { entity: CommandBodies, column: 'body_id' } },
  read: CommandPermission.CommandRead,
  write: CommandPermission.CommandWrite,
});

/** Rescue teams belong to their organization: read with rescue.command:read, kept with rescue.team:write. */
export const RescueTeams = defineScopedEntity(RescueTeam, {
  table: 'rescue_team',
  scope: { organizationColumn: 'organization_id' },
  read: CommandPermission.CommandRead,
  write: CommandPermission.TeamWrite,
});

/** A membership is in scope when its team is. */
export const TeamMembers = defineScopedEntity(TeamMember, {
  table: 'rescue_team_member',
  scope: { through: { entity: RescueTeams, column: 'team_id' } },
  read: CommandPermission.CommandRead,
  write: CommandPermission.TeamWrite,
});

/** A team's equipment is in scope when its team is. */
export const TeamEquipmentItems = defineScopedEntity(TeamEquipment, {
  table: 'rescue_team_equipment',
  scope: { through: { entity: RescueTeams, column: 'team_id' } },
  read: CommandPermission.CommandRead,
  write: CommandPermission.TeamWrite,
});

/** Staffing rules are a town-wide code list: every row is in scope for whoever may read teams; the rule managers change them. */
export const StaffingRules = defineScopedEntity(StaffingRule, {
  table: 'staffing_rule',
  scope: { custom: () => ALL_ROWS },
  read: CommandPermission.CommandRead,
  write: PreparednessPermission.RuleManage,
});

/** Shift templates belong to the organization whose roster they are. */
export const DutyShifts = defineScopedEntity(DutyShift, {
  table: 'duty_shift',
  scope: { organizationColumn: 'organization_id' },
  read: CommandPermission.DutyRead,
  write: CommandPermission.DutyWrite,
});

/**
 * Assignments as rows of an organization's roster: in scope by their organization alone (the
 * shift's, copied onto the assignment), without the caller's own elsewhere. The coverage counts
 * rosters this way; `DutyAssignments` composes it with one's own.
 */
export const RosterAssignments = defineScopedEntity(DutyAssignment, {
  table: 'duty_assignment',
  scope: { organizationColumn: 'organization_id' },
  read: CommandPermission.DutyRead,
  write: CommandPermission.DutyWrite,
});

/**
 * SQL: the assignment under `alias` is in the principal's scope for `permission`:
 * - reading (`rescue.duty:read`): assignments of organizations where the caller may read duty, and
 *   the caller's own (the signed-in user's person is on it), wherever they are;
 * - the check-in steps (`rescue.duty:check-in`: confirm, check in, hand over): the caller's own, and
 *   assignments of organizations where the caller may arrange duty (`rescue.duty:write`);
 * - any other permission (arranging, cancelling): by the assignment's organization alone.
 */
export function dutyAssignmentRowScope(principal: Principal, permission: string, alias: string): Sql {
  const own = principal.personId ? sql`${raw(`${alias}.person_id`)} = CAST(${principal.personId} AS uuid)` : NO_ROWS;
  if (permission === CommandPermission.DutyRead || permission === CommandPermission.DutyCheckIn) {
    const organizations = rowScopeSql(principal, permission === CommandPermission.DutyRead ? CommandPermission.DutyRead : CommandPermission.DutyWrite, RosterAssignments, alias);
    if (organizations === ALL_ROWS || own === NO_ROWS) return organizations;
    if (organizations === NO_ROWS) return own;
    return join([organizations, own], ' OR ');
  }
  return rowScopeSql(principal, permission, RosterAssignments, alias);
}

/** Assignments: see `dutyAssignmentRowScope` (an organization's roster, plus one's own). */
export const DutyAssignments = defineScopedEntity(DutyAssignment, {
  table: 'duty_assignment',
  scope: { custom: dutyAssignmentRowScope },
  read: CommandPermission.DutyRead,
  write: CommandPermission.DutyWrite,
});

/** Coverage rules are a town-wide code list: every row is in scope for whoever may read duty; the rule managers change them. */
export const DutyRequirements = defineScopedEntity(DutyRequirement, {
  table: 'duty_requirement',
  scope: { custom: () => ALL_ROWS },
  read: CommandPermission.DutyRead,
  write: PreparednessPermission.RuleManage,
});

/** The declarations reachable by `node(nodeId:)` (their GraphQL types implement `Node`). */
export const commandNodeEntities = [CommandBodies, CommandPositions, RescueTeams, TeamMembers, TeamEquipmentItems, StaffingRules, DutyShifts, DutyAssignments, DutyRequirements];
