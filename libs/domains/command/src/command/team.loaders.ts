import { pageKey, records, sql, SortDirection, type ConnectionResult, type PageRequest, type RequestContext, type SortKey } from '@platform/core';
import type DataLoader from 'dataloader';
import type { CommandBody, CommandPosition } from './command-body.entity';
import type { RescueTeam, TeamEquipment, TeamMember } from './rescue-team.entity';
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
export function rescueTeamById(ctx: RequestContext): DataLoader<string, RescueTeam | null> {
  return ctx.loaders.get('rescue.team.byId', undefined, (ids: readonly string[]) => records(ctx, RescueTeams).many(ids));
}

/** Command bodies by id within the caller's command read scope (archived ones too), else null: one statement per request level. */
export function commandBodyById(ctx: RequestContext): DataLoader<string, CommandBody | null> {
  return ctx.loaders.get('rescue.command.byId', undefined, (ids: readonly string[]) => records(ctx, CommandBodies).many(ids));
}

/** The members of many teams (serving ones, or all with `includeFormer`), one statement per request level. */
export function teamMemberPages(ctx: RequestContext, page: PageRequest, includeFormer: boolean, properties: readonly string[] | null = null): DataLoader<string, ConnectionResult<TeamMember>> {
  return ctx.loaders.get(`rescue.team.members${includeFormer ? '.all' : ''}`, pageKey(page, properties), async (ids: readonly string[]) => {
    const members = includeFormer ? records(ctx, TeamMembers) : records(ctx, TeamMembers).where(sql`t.left_on IS NULL`);
    const pages = await members.byParent('team_id', ids, { keys: teamMemberSortKeys, page, properties });
    return ids.map((id) => pages.get(id)!);
  });
}

/** The equipment of many teams by name, one statement per request level. */
export function teamEquipmentPages(ctx: RequestContext, page: PageRequest, properties: readonly string[] | null = null): DataLoader<string, ConnectionResult<TeamEquipment>> {
  return ctx.loaders.get('rescue.team.equipment', pageKey(page, properties), async (ids: readonly string[]) => {
    const pages = await records(ctx, TeamEquipmentItems).byParent('team_id', ids, { keys: teamEquipmentSortKeys, page, properties });
    return ids.map((id) => pages.get(id)!);
  });
}

/** The positions of many command bodies in their order, one statement per request level. */
export function commandPositionPages(ctx: RequestContext, page: PageRequest, properties: readonly string[] | null = null): DataLoader<string, ConnectionResult<CommandPosition>> {
  return ctx.loaders.get('rescue.command.positions', pageKey(page, properties), async (ids: readonly string[]) => {
    const pages = await records(ctx, CommandPositions).byParent('body_id', ids, { keys: commandPositionSortKeys, page, properties });
    return ids.map((id) => pages.get(id)!);
  });
}
