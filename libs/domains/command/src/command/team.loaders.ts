import { defineChildPages, defineReference, sql, SortDirection, type RequestContext, type SortKey } from '@platform/core';
import type DataLoader from 'dataloader';
import type { CommandBody, CommandPosition } from './command-body.entity';
import type { RescueTeam, TeamEquipment, TeamMember } from './rescue-team.entity';
import { TeamMemberPageArgs } from './team.inputs';
import { CommandBodies, CommandPositions, RescueTeams, TeamEquipmentItems, TeamMembers } from '../command.entities';

/** Properties the keyset orders read (besides the id): a page must load them whatever is selected. */
export const MEMBER_KEY_PROPERTIES = ['role'];
export const EQUIPMENT_KEY_PROPERTIES = ['name'];
export const POSITION_KEY_PROPERTIES = ['sortOrder'];

/** Leaders first (the stored `role_rank`), then by id. */
export const teamMemberSortKeys: SortKey<TeamMember>[] = [
  { column: 't.role_rank', direction: SortDirection.ASC },
  { column: 't.id', direction: SortDirection.ASC },
];

export const teamEquipmentSortKeys: SortKey<TeamEquipment>[] = [
  { column: 't.name', direction: SortDirection.ASC },
  { column: 't.id', direction: SortDirection.ASC },
];

export const commandPositionSortKeys: SortKey<CommandPosition>[] = [
  { column: 't.sort_order', direction: SortDirection.ASC },
  { column: 't.id', direction: SortDirection.ASC },
];

/** Rescue teams by id within the caller's command read scope (archived ones too), else null: one statement per request level. */
export const RescueTeamReference = defineReference(RescueTeams, 'rescue.team.byId');
export const rescueTeamById = (ctx: RequestContext): DataLoader<string, RescueTeam | null> => RescueTeamReference.byId(ctx);

/** Command bodies by id within the caller's command read scope (archived ones too), else null: one statement per request level. */
export const CommandBodyReference = defineReference(CommandBodies, 'rescue.command.byId');
export const commandBodyById = (ctx: RequestContext): DataLoader<string, CommandBody | null> => CommandBodyReference.byId(ctx);

/** The members of a team: serving ones, or all with `includeFormer`; leaders first. */
export const RescueTeamMembers = defineChildPages(TeamMembers, {
  name: 'rescue.team.members',
  parentColumn: 'team_id',
  keys: teamMemberSortKeys,
  args: TeamMemberPageArgs,
  filterArgs: ['includeFormer'],
  where: (args) => (args.includeFormer ? [] : [sql`t.left_on IS NULL`]),
});

/** The equipment of a team by name. */
export const RescueTeamEquipment = defineChildPages(TeamEquipmentItems, { name: 'rescue.team.equipment', parentColumn: 'team_id', keys: teamEquipmentSortKeys });

/** The positions of a command body in their order. */
export const CommandBodyPositions = defineChildPages(CommandPositions, { name: 'rescue.command.positions', parentColumn: 'body_id', keys: commandPositionSortKeys });
