import { records, sql, type RequestContext } from '@platform/core';
import type { Person } from './person.entity';
import { Persons } from '../directory.entities';
import { DirectoryPermission } from '../permissions';
import { directoryRules } from '../directory.rules';

/**
 * The active person `id` if the caller may read it with `permission`; else BAD_USER_INPUT on
 * `field` (rule `exists`). An unknown id and one outside the caller's scope get the same answer, so
 * a reference can neither point out of scope nor probe which ids exist. Returns the person (callers
 * name them in messages), hence `one()` rather than `exists()`.
 */
export async function assertReadablePerson(ctx: RequestContext, id: string, field: string, permission: string = DirectoryPermission.PersonRead): Promise<Person> {
  const person = await records(ctx, Persons, permission).where(sql`t.archived_at IS NULL`).one(id);
  if (!person) throw directoryRules.field(field, 'exists', `no active person ${id} you may read.`);
  return person;
}
