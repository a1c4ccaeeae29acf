import { organizationScope } from '@platform/directory';
import type { RequestContext } from '@platform/core';

/**
 * Shared by the registers (shelters, fire facilities): the organization a register entry is kept
 * under, if it is active and within the caller's scope for `permission`. A target outside the
 * scope is answered like a missing one, so the caller learns nothing about other villages.
 */
export async function organizationInScope(ctx: RequestContext, id: string, permission: string): Promise<{ id: string } | null> {
  const scope = organizationScope(ctx.principal, permission, 'o.path', 'o.id');
  const [org] = await ctx.manager
    .createQueryBuilder()
    .select('o.id', 'id')
    .from('organization', 'o')
    .where('o.id = :id AND o.archived_at IS NULL', { id })
    .andWhere(scope.sql, scope.params)
    .getRawMany<{ id: string }>();
  return org ?? null;
}

/** SQL: the row's organization (column `organizationIdColumn`) is `:subtreeRoot` or below it. */
export const withinSubtreeSql = (organizationIdColumn: string): string =>
  `${organizationIdColumn} IN (SELECT o.id FROM organization o WHERE o.path <@ (SELECT r.path FROM organization r WHERE r.id = :subtreeRoot))`;
