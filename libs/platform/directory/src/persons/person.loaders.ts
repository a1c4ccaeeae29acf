import { records, sql, SortDirection, type ConnectionResult, type PageRequest, type RequestContext, type SortKey } from '@platform/core';
import type DataLoader from 'dataloader';
import type { Person } from './person.entity';
import type { Position } from './position.entity';
import { Persons, Positions } from '../directory.entities';
import { DirectoryPermission } from '../permissions';

/** Persons by id; one the caller may not read loads as null. */
export function personById(ctx: RequestContext): DataLoader<string, Person | null> {
  return ctx.loaders.get('directory.person.byId', undefined, (ids: readonly string[]) => records(ctx, Persons).many(ids));
}

/** Whether the caller may read each person's phone and ID number unmasked (one query per request level). */
export function sensitiveReadable(ctx: RequestContext): DataLoader<string, boolean> {
  return ctx.loaders.get('directory.person.sensitiveReadable', undefined, async (ids: readonly string[]) =>
    (await records(ctx, Persons, DirectoryPermission.PersonReadSensitive).many(ids, ['id'])).map((p) => p !== null),
  );
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
    const pages = await records(ctx, Positions, permission)
      .where(sql`t.ended_on IS NULL`)
      .byParent(by, ids, { keys: positionSortKeys('t'), page });
    return ids.map((id) => pages.get(id)!);
  });
}
