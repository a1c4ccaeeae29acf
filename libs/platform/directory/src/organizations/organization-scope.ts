import { ParamNames, compile, organizationIdWithinScope, organizationWithinScope, type Principal, type RequestContext } from '@platform/core';

/**
 * `permission` as a part of a parameter name, one to one: letters and digits stay, every other
 * character becomes `_<hex code>_` (so `a.b:c` and `a_b_c` stay apart). TypeORM's named parameters
 * allow letters, digits, `_` and `.`.
 */
export function permissionParameterName(permission: string): string {
  return permission.replace(/[^A-Za-z0-9]/g, (c) => `_${c.codePointAt(0)!.toString(16)}_`);
}

/**
 * The kernel's organization scope (`organizationWithinScope`) as SQL text with named parameters,
 * for the queries not yet on the kernel data layer: TRUE for ALL, FALSE for nothing, else "in one of
 * the anchored subtrees or one of the own organizations". `path` and `id` are SQL expressions of the
 * organization the row belongs to.
 *
 * Parameter names come from the permission (`scope_<permission>_1`, …), because the values depend on
 * nothing else (for one principal, and a query serves one): several conditions can share a query, two
 * with the same name carry the same value, and the same call gives the same SQL and parameters.
 */
export function organizationScope(principal: Principal, permission: string, path: string, id: string): { sql: string; params: Record<string, unknown> } {
  const { text, params } = compile(organizationWithinScope(principal, permission, path, id), new ParamNames(`scope_${permissionParameterName(permission)}_`));
  return { sql: text, params };
}

/** Rows whose `organizationIdColumn` names an organization in scope (for tables that reference organizations). */
export function organizationIdInScope(principal: Principal, permission: string, organizationIdColumn: string): { sql: string; params: Record<string, unknown> } {
  const { text, params } = compile(organizationIdWithinScope(principal, permission, organizationIdColumn), new ParamNames(`scope_${permissionParameterName(permission)}_`));
  return { sql: text, params };
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
