import { ParamNames, compile, organizationIdWithinScope, organizationWithinScope, type Principal } from '@platform/core';

/*
 * The organization scope as SQL text, for the modules that still write their own queries (access,
 * risk, rescue): the same kernel rule the directory's declarations apply (`Organizations`:
 * organizationTree; `Positions`, `EnterpriseProfiles`: organizationColumn). The directory itself no
 * longer uses them. Remove each once its last caller reads through `records()`.
 */

/**
 * `permission` as a part of a parameter name, one to one: letters and digits stay, every other
 * character becomes `_<hex code>_` (so `a.b:c` and `a_b_c` stay apart). TypeORM's named parameters
 * allow letters, digits, `_` and `.`.
 */
export function permissionParameterName(permission: string): string {
  return permission.replace(/[^A-Za-z0-9]/g, (c) => `_${c.codePointAt(0)!.toString(16)}_`);
}

/**
 * The kernel's organization scope (`organizationWithinScope`) as SQL text with named parameters:
 * TRUE for ALL, FALSE for nothing, else "in one of the anchored subtrees or one of the own
 * organizations". `path` and `id` are SQL expressions of the organization the row belongs to.
 * Kept for the modules not yet on the data layer (access, risk, rescue).
 *
 * Parameter names come from the permission (`scope_<permission>_1`, …), because the values depend on
 * nothing else (for one principal, and a query serves one): several conditions can share a query, two
 * with the same name carry the same value, and the same call gives the same SQL and parameters.
 */
export function organizationScope(principal: Principal, permission: string, path: string, id: string): { sql: string; params: Record<string, unknown> } {
  const { text, params } = compile(organizationWithinScope(principal, permission, path, id), new ParamNames(`scope_${permissionParameterName(permission)}_`));
  return { sql: text, params };
}

/** Rows whose `organizationIdColumn` names an organization in scope (for tables that reference organizations). Kept for the modules not yet on the data layer. */
export function organizationIdInScope(principal: Principal, permission: string, organizationIdColumn: string): { sql: string; params: Record<string, unknown> } {
  const { text, params } = compile(organizationIdWithinScope(principal, permission, organizationIdColumn), new ParamNames(`scope_${permissionParameterName(permission)}_`));
  return { sql: text, params };
}

/** SQL: the row's organization (column `organizationIdColumn`) is `:subtreeRoot` or below it. Kept for the modules not yet on the data layer (the directory uses `withinSubtree`). */
export const withinSubtreeSql = (organizationIdColumn: string): string =>
  `${organizationIdColumn} IN (SELECT o.id FROM organization o WHERE o.path <@ (SELECT r.path FROM organization r WHERE r.id = :subtreeRoot))`;
