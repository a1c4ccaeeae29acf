import { byKeys, pagesByParent, SortDirection, type ConnectionResult, type PageRequest, type RequestContext, type SortKey } from '@platform/core';
import type DataLoader from 'dataloader';
import { Person } from './person.entity';
import { Position } from './position.entity';
import { scopedPersons } from './person-scope';
import { organizationIdInScope } from '../organizations/organization-scope';
import { DirectoryPermission } from '../permissions';

/** Persons by id; one the caller may not read loads as null. */
export function personById(ctx: RequestContext): DataLoader<string, Person | null> {
  return ctx.loaders.get('directory.person.byId', undefined, async (ids: readonly string[]) =>
    byKeys(ids, await scopedPersons(ctx).andWhere('p.id IN (:...ids)', { ids }).getMany(), (p) => p.id),
  );
}

/** Whether the caller may read each person's phone and ID number unmasked (one query per request level). */
export function sensitiveReadable(ctx: RequestContext): DataLoader<string, boolean> {
  return ctx.loaders.get('directory.person.sensitiveReadable', undefined, async (ids: readonly string[]) => {
    const visible = await scopedPersons(ctx, DirectoryPermission.PersonReadSensitive).andWhere('p.id IN (:...ids)', { ids }).select('p.id', 'id').getRawMany<{ id: string }>();
    const set = new Set(visible.map((r) => r.id));
    return ids.map((id) => set.has(id));
  });
}

/** Positions newest first, ties by id. */
export const positionSortKeys = (alias: string): SortKey<Position>[] => [
  { column: `${alias}.created_at`, direction: SortDirection.DESC },
  { column: `${alias}.id`, direction: SortDirection.DESC },
];

/** Current positions (not ended) per person or per organization, one statement per request level. */
export function currentPositionPages(ctx: RequestContext, by: 'person_id' | 'organization_id', page: PageRequest): DataLoader<string, ConnectionResult<Position>> {
  return ctx.loaders.get(`directory.position.by.${by}`, page, async (ids: readonly string[]) => {
    // A person's positions: only in organizations the caller may read (Position.organization never
    // dangles). An organization's positions: only where the caller may read persons (Position.person).
    const permission = by === 'person_id' ? DirectoryPermission.OrganizationRead : DirectoryPermission.PersonRead;
    const orgScope = organizationIdInScope(ctx.principal, permission, 't.organization_id');
    const pages = await pagesByParent({
      manager: ctx.manager,
      entity: Position,
      table: 'person_position',
      parentColumn: by,
      parentIds: ids,
      where: `t.ended_on IS NULL AND ${orgScope.sql}`,
      params: orgScope.params,
      keys: positionSortKeys('t'),
      page,
    });
    return ids.map((id) => pages.get(id)!);
  });
}
