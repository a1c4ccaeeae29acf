import { organizationScope } from '@platform/directory';
import type { RequestContext } from '@platform/core';

/**
 * Shared by the whole module: the organization (id and tree path) a record is kept under, if it is
 * active and within the caller's scope for `permission`. With `permission` null, any organization,
 * archived too (for records already kept there). A target outside the scope is answered like a
 * missing one, so the caller learns nothing about other villages.
 */
export async function organizationInScope(ctx: RequestContext, id: string, permission: string | null): Promise<{ id: string; path: string } | null> {
  const scope = permission ? organizationScope(ctx.principal, permission, 'o.path', 'o.id') : { sql: 'TRUE', params: {} };
  const [org] = await ctx.manager
    .createQueryBuilder()
    .select('o.id', 'id')
    .addSelect('o.path::text', 'path')
    .from('organization', 'o')
    .where(permission ? 'o.id = :id AND o.archived_at IS NULL' : 'o.id = :id', { id })
    .andWhere(scope.sql, scope.params)
    .getRawMany<{ id: string; path: string }>();
  return org ?? null;
}

/** SQL: the row's organization (column `organizationIdColumn`) is `:subtreeRoot` or below it. */
export const withinSubtreeSql = (organizationIdColumn: string): string =>
  `${organizationIdColumn} IN (SELECT o.id FROM organization o WHERE o.path <@ (SELECT r.path FROM organization r WHERE r.id = :subtreeRoot))`;
