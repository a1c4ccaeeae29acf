import { pageKey, pagesByParent, SortDirection, type ConnectionResult, type PageRequest, type RequestContext, type SortKey } from '@platform/core';
import type DataLoader from 'dataloader';
import { CommandPosition } from './command-body.entity';
import { TeamEquipment, TeamMember } from './rescue-team.entity';

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

/** The members of many teams (serving ones, or all with `includeFormer`), one statement per request level. */
export function teamMemberPages(ctx: RequestContext, page: PageRequest, includeFormer: boolean, properties: readonly string[] | null = null): DataLoader<string, ConnectionResult<TeamMember>> {
  return ctx.loaders.get(`rescue.team.members${includeFormer ? '.all' : ''}`, pageKey(page, properties), async (ids: readonly string[]) => {
    const pages = await pagesByParent({
      manager: ctx.manager,
      entity: TeamMember,
      table: 'rescue_team_member',
      parentColumn: 'team_id',
      parentIds: ids,
      where: includeFormer ? undefined : 't.left_on IS NULL',
      properties,
      keys: teamMemberSortKeys,
      page,
    });
    return ids.map((id) => pages.get(id)!);
  });
}

/** The equipment of many teams by name, one statement per request level. */
export function teamEquipmentPages(ctx: RequestContext, page: PageRequest, properties: readonly string[] | null = null): DataLoader<string, ConnectionResult<TeamEquipment>> {
  return ctx.loaders.get('rescue.team.equipment', pageKey(page, properties), async (ids: readonly string[]) => {
    const pages = await pagesByParent({ manager: ctx.manager, entity: TeamEquipment, table: 'rescue_team_equipment', parentColumn: 'team_id', parentIds: ids, properties, keys: teamEquipmentSortKeys, page });
    return ids.map((id) => pages.get(id)!);
  });
}

/** The positions of many command bodies in their order, one statement per request level. */
export function commandPositionPages(ctx: RequestContext, page: PageRequest, properties: readonly string[] | null = null): DataLoader<string, ConnectionResult<CommandPosition>> {
  return ctx.loaders.get('rescue.command.positions', pageKey(page, properties), async (ids: readonly string[]) => {
    const pages = await pagesByParent({ manager: ctx.manager, entity: CommandPosition, table: 'command_position', parentColumn: 'body_id', parentIds: ids, properties, keys: commandPositionSortKeys, page });
    return ids.map((id) => pages.get(id)!);
  });
}
