import { scopeOf, type Principal, type RequestContext } from '@platform/core';

/**
 * `permission` as a part of a parameter name, one to one: letters and digits stay, every other
 * character becomes `_<hex code>_` (so `a.b:c` and `a_b_c` stay apart). TypeORM's named parameters
 * allow letters, digits, `_` and `.`.
 */
export function permissionParameterName(permission: string): string {
  return permission.replace(/[^A-Za-z0-9]/g, (c) => `_${c.codePointAt(0)!.toString(16)}_`);
}

/**
 * SQL limiting rows to the organizations where the principal holds `permission`: TRUE for ALL,
 * FALSE for nothing, else "in one of the anchored subtrees or one of the own organizations".
 * `path` and `id` are SQL expressions of the organization the row belongs to.
 *
 * Parameter names come from the permission (`scopePaths_<permission>`), because the values depend
 * on nothing else (for one principal, and a query serves one): several conditions can share a query,
 * two with the same name carry the same value, and the function is pure (no counter kept between
 * calls, as there was: the same call gives the same SQL and parameters).
 */
export function organizationScope(principal: Principal, permission: string, path: string, id: string): { sql: string; params: Record<string, unknown> } {
  const scope = scopeOf(principal, permission);
  if (!scope) return { sql: 'FALSE', params: {} };
  if (scope.all) return { sql: 'TRUE', params: {} };
  const name = permissionParameterName(permission);
  const parts: string[] = [];
  const params: Record<string, unknown> = {};
  if (scope.subtreePaths.length) {
    parts.push(`${path} <@ ANY(CAST(:scopePaths_${name} AS ltree[]))`);
    params[`scopePaths_${name}`] = scope.subtreePaths;
  }
  if (scope.organizationIds.length) {
    parts.push(`${id} = ANY(CAST(:scopeIds_${name} AS uuid[]))`);
    params[`scopeIds_${name}`] = scope.organizationIds;
  }
  return { sql: parts.length ? `(${parts.join(' OR ')})` : 'FALSE', params };
}

/** Rows whose `organizationIdColumn` names an organization in scope (for tables that reference organizations). */
export function organizationIdInScope(principal: Principal, permission: string, organizationIdColumn: string): { sql: string; params: Record<string, unknown> } {
  const inner = organizationScope(principal, permission, 'so.path', 'so.id');
  if (inner.sql === 'TRUE' || inner.sql === 'FALSE') return inner;
  return { sql: `${organizationIdColumn} IN (SELECT so.id FROM organization so WHERE ${inner.sql})`, params: inner.params };
}

/**
 * The organization (id and tree path) a domain record is kept under, if it is active and within the
 * caller's scope for `permission`. With `permission` null, any organization,
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
