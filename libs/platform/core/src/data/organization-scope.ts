import { scopeOf } from '../access/authorization';
import type { Principal } from '../context/principal';
import { Sql, join, raw, sql } from '../sql/sql';

/** Conditions that need no work: everything, or nothing, is in scope. */
export const ALL_ROWS = raw('TRUE');
export const NO_ROWS = raw('FALSE');

/**
 * SQL: the organization given by its path and id expressions lies where the principal holds
 * `permission`: everywhere (ALL), inside one of its anchored subtrees, or one of its own
 * organizations. Nothing when it does not hold the permission.
 */
export function organizationWithinScope(principal: Principal, permission: string, path: string, id: string): Sql {
  const scope = scopeOf(principal, permission);
  if (!scope) return NO_ROWS;
  if (scope.all) return ALL_ROWS;
  const parts: Sql[] = [];
  if (scope.subtreePaths.length) parts.push(sql`${raw(path)} <@ ANY(CAST(${scope.subtreePaths} AS ltree[]))`);
  if (scope.organizationIds.length) parts.push(sql`${raw(id)} = ANY(CAST(${scope.organizationIds} AS uuid[]))`);
  return join(parts, ' OR ', 'FALSE');
}

/** SQL: the organization id in `column` names an organization within the principal's scope for `permission`. */
export function organizationIdWithinScope(principal: Principal, permission: string, column: string): Sql {
  const inner = organizationWithinScope(principal, permission, 'so.path', 'so.id');
  if (inner === ALL_ROWS || inner === NO_ROWS) return inner;
  return sql`${raw(column)} IN (SELECT so.id FROM organization so WHERE ${inner})`;
}
