import { byKeys, pagesByParent, SortDirection, type ConnectionResult, type PageRequest, type RequestContext, type SortKey } from '@platform/core';
import type DataLoader from 'dataloader';
import { In } from 'typeorm';
import { Person } from './person.entity';
import { Position } from './position.entity';

export function personById(ctx: RequestContext): DataLoader<string, Person | null> {
  return ctx.loaders.get('directory.person.byId', undefined, async (ids: readonly string[]) =>
    byKeys(ids, await ctx.manager.findBy(Person, { id: In([...ids]) }), (p) => p.id),
  );
}

/** Positions newest first, ties by id. */
export const positionSortKeys = (alias: string): SortKey<Position>[] => [
  { column: `${alias}.created_at`, direction: SortDirection.DESC, value: (p) => p.createdAt.toISOString() },
  { column: `${alias}.id`, direction: SortDirection.DESC, value: (p) => p.id },
];

/** Current positions (not ended) per person or per organization, one statement per request level. */
export function currentPositionPages(ctx: RequestContext, by: 'person_id' | 'organization_id', page: PageRequest): DataLoader<string, ConnectionResult<Position>> {
  return ctx.loaders.get(`directory.position.by.${by}`, page, async (ids: readonly string[]) => {
    const pages = await pagesByParent({
      manager: ctx.manager,
      entity: Position,
      table: 'person_position',
      parentColumn: by,
      parentIds: ids,
      where: 't.ended_on IS NULL',
      keys: positionSortKeys('t'),
      page,
    });
    return ids.map((id) => pages.get(id)!);
  });
}
