import { defineChildPages, defineReference, records, sql, SortDirection, type ConnectionResult, type PageRequest, type RequestContext, type SortKey } from '@platform/core';
import type DataLoader from 'dataloader';
import type { Person } from './person.entity';
import type { Position } from './position.entity';
import { Persons, Positions } from '../directory.entities';
import { DirectoryPermission } from '../permissions';

/** Persons by id; one the caller may not read loads as null. */
export const PersonReference = defineReference(Persons, 'directory.person.byId');
export const personById = (ctx: RequestContext): DataLoader<string, Person | null> => PersonReference.byId(ctx);

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

/** An organization's current positions (not ended), newest first, where the caller may read persons (`Position.person`). */
export const OrganizationPositions = defineChildPages(Positions, {
  name: 'directory.position.by.organization_id',
  parentColumn: 'organization_id',
  keys: positionSortKeys('t'),
  where: () => [sql`t.ended_on IS NULL`],
});

/**
 * A person's current positions (not ended), newest first, one statement per request level: only in
 * organizations the caller may read (directory.organization:read, so `Position.organization` never
 * dangles). Read with another permission than the entity's, so not a declared relation (an
 * organization's positions are: `OrganizationPositions`).
 */
export function currentPositionPages(ctx: RequestContext, page: PageRequest): DataLoader<string, ConnectionResult<Position>> {
  return ctx.loaders.get('directory.position.by.person_id', page, async (ids: readonly string[]) => {
    const pages = await records(ctx, Positions, DirectoryPermission.OrganizationRead)
      .where(sql`t.ended_on IS NULL`)
      .byParent('person_id', ids, { keys: positionSortKeys('t'), page });
    return ids.map((id) => pages.get(id)!);
  });
}
