import { BadUserInputError, type Principal, type RequestContext } from '@platform/core';
import type { SelectQueryBuilder } from 'typeorm';
import { Person } from './person.entity';
import { organizationIdInScope } from '../organizations/organization-scope';
import { DirectoryPermission } from '../permissions';

/**
 * Persons the caller may see with `permission`: everyone for ALL, else those holding a current
 * position in an organization within the caller's scope. Query alias `p`.
 */
export function personScope(principal: Principal, permission: string): { sql: string; params: Record<string, unknown> } {
  const inScope = organizationIdInScope(principal, permission, 'pp.organization_id');
  if (inScope.sql === 'TRUE' || inScope.sql === 'FALSE') return inScope;
  return { sql: `EXISTS (SELECT 1 FROM person_position pp WHERE pp.person_id = p.id AND pp.ended_on IS NULL AND ${inScope.sql})`, params: inScope.params };
}

export function scopedPersons(ctx: RequestContext, permission: string = DirectoryPermission.PersonRead): SelectQueryBuilder<Person> {
  const scope = personScope(ctx.principal, permission);
  return ctx.manager.createQueryBuilder(Person, 'p').where(scope.sql, scope.params);
}

/**
 * The active person `id` if the caller may read it with `permission`; else BAD_USER_INPUT on
 * `field` (rule `exists`). An unknown id and one outside the caller's scope get the same answer, so
 * a reference can neither point out of scope nor probe which ids exist.
 */
export async function assertReadablePerson(ctx: RequestContext, id: string, field: string, permission: string = DirectoryPermission.PersonRead): Promise<Person> {
  const person = await scopedPersons(ctx, permission).andWhere('p.id = :id AND p.archived_at IS NULL', { id }).getOne();
  if (!person) throw BadUserInputError.field(field, 'exists', `no active person ${id} you may read.`);
  return person;
}
