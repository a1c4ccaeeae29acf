import { ParamNames, compile, rowScopeSql, type RequestContext } from '@platform/core';
import type { SelectQueryBuilder } from 'typeorm';
import { Person } from './person.entity';
import { Persons } from '../directory.entities';
import { DirectoryPermission } from '../permissions';

/**
 * Persons the caller may see with `permission` as a TypeORM query builder (alias `p`), by the
 * `Persons` declaration's rule. Kept in the public API for modules that still build their own
 * queries; the directory reads persons with `records(ctx, Persons)`. Remove once unused.
 */
export function scopedPersons(ctx: RequestContext, permission: string = DirectoryPermission.PersonRead): SelectQueryBuilder<Person> {
  const { text, params } = compile(rowScopeSql(ctx.principal, permission, Persons, 'p'), new ParamNames('person_scope_'));
  return ctx.manager.createQueryBuilder(Person, 'p').where(text, params);
}
