import { NotFoundError, type RequestContext } from '@platform/core';
import type { SelectQueryBuilder } from 'typeorm';
import { User } from '../users/user.entity';
import { ApiClient } from '../api-clients/api-client.entity';
import { Role } from './role.entity';
import { assignmentsOfPrincipal, assignmentsOfRole, governedSql } from './reach';

export type PrincipalKind = 'user' | 'api-client';

/**
 * Accounts (users) or API clients within the caller's reach for `permission` (see reach.ts), as a
 * query builder over alias `alias`: lists filter on it and by-id changes look up through it, so an
 * account beyond the caller's reach is missing wherever the caller looks.
 */
export function governedPrincipals<K extends PrincipalKind>(ctx: RequestContext, kind: K, permission: string, alias = 'p'): SelectQueryBuilder<K extends 'user' ? User : ApiClient> {
  const governed = governedSql(ctx.principal, permission, assignmentsOfPrincipal(kind, alias), `${alias}.organization_id`);
  const entity = kind === 'user' ? User : ApiClient;
  return ctx.manager.createQueryBuilder(entity, alias).where(governed.sql, governed.params) as SelectQueryBuilder<K extends 'user' ? User : ApiClient>;
}

/** The user or API client, locked for a change of it or its assignments, if within reach for `permission`; else NOT_FOUND. */
export async function governedPrincipalForUpdate<K extends PrincipalKind>(ctx: RequestContext, kind: K, id: string, permission: string): Promise<K extends 'user' ? User : ApiClient> {
  const found = await governedPrincipals(ctx, kind, permission).andWhere('p.id = :id', { id }).setLock('pessimistic_write').getOne();
  if (!found) throw new NotFoundError(kind === 'user' ? 'User' : 'ApiClient', id);
  return found;
}

/** Custom roles within the caller's reach for `permission` (every place they are assigned, everything they grant there). */
export function governedRoles(ctx: RequestContext, permission: string, alias = 'r'): SelectQueryBuilder<Role> {
  const governed = governedSql(ctx.principal, permission, assignmentsOfRole(alias), undefined);
  return ctx.manager.createQueryBuilder(Role, alias).where(governed.sql, governed.params);
}

/** The organizations (id and path) where a role is assigned. */
export async function anchorsOfRole(ctx: RequestContext, roleId: string): Promise<Array<{ id: string; path: string }>> {
  return ctx.manager.query(`SELECT DISTINCT o.id, o.path::text AS path FROM role_assignment ra JOIN organization o ON o.id = ra.organization_id WHERE ra.role_id = $1`, [roleId]);
}
