import { ALL_ROWS, NO_ROWS, raw, rowScopeSql, scopeOf, sql, type Principal, type Sql } from '@platform/core';
import { Organizations } from '@platform/directory';

/*
 * The rule of access administration (see reach.ts) as SQL: the custom row scope of the access
 * declarations (access.entities.ts), applied by the kernel to every statement of `records()`.
 * Hand-written: it compares each assignment's anchor organization and every permission its role
 * grants with the caller's own grants (a join of role_assignment, organization and role_permission
 * with the grants as rows), which no declared scope (organization column, parent, tree) expresses.
 * The organization scope inside it is still the directory's (`Organizations`, via `rowScopeSql`).
 */

/**
 * SQL that holds when every assignment selected by `assignments` (a condition over `ra`, a
 * role_assignment row, e.g. `ra.principal_kind = 'user' AND ra.principal_id = t.id` or
 * `ra.role_id = t.id`) lies within the actor's reach for `administering` (the rule of reach.ts), and,
 * when `homeOrganization` (an SQL expression of an organization id) is given, the home organization
 * does too. `ALL_ROWS` for the system principal, `NO_ROWS` for an actor without the permission.
 * The organization scope is the directory's (`Organizations`), applied by the kernel's `rowScopeSql`.
 */
export function reachSql(actor: Principal, administering: string, assignments: Sql, homeOrganization?: string): Sql {
  if (actor.kind === 'system') return ALL_ROWS;
  if (!scopeOf(actor, administering)) return NO_ROWS;
  const anchor = rowScopeSql(actor, administering, Organizations, 'ao');
  // The actor's own grants as rows, to compare each granted permission of the assignment with.
  const held = [...actor.grants].flatMap(([permission, grants]) => grants.filter((g) => g.scope === 'ALL' || g.organizationPath).map((g) => ({ permission, ...g })));
  const heldRows = sql`unnest(CAST(${held.map((g) => g.permission)} AS text[]), CAST(${held.map((g) => g.scope)} AS text[]), CAST(${held.map((g) => g.organizationId)} AS uuid[]), CAST(${held.map((g) => g.organizationPath ?? '')} AS ltree[]))`;
  const grantHeld = sql`EXISTS (
      SELECT 1 FROM ${heldRows} AS g(permission, scope, organization_id, path)
      WHERE g.permission = rp.permission
        AND (g.scope = 'ALL' OR (rp.scope <> 'ALL' AND ((g.scope = 'ORG_SUBTREE' AND ao.path <@ g.path) OR (g.scope = 'OWN_ORG' AND rp.scope = 'OWN_ORG' AND ao.id = g.organization_id)))))`;
  const assignmentsWithin = sql`NOT EXISTS (
      SELECT 1 FROM role_assignment ra
      JOIN organization ao ON ao.id = ra.organization_id
      LEFT JOIN role_permission rp ON rp.role_id = ra.role_id
      WHERE ${assignments} AND NOT (${anchor} AND (rp.permission IS NULL OR ${grantHeld})))`;
  if (!homeOrganization) return sql`(${assignmentsWithin})`;
  return sql`(${organizationIdInReach(actor, administering, homeOrganization)} AND ${assignmentsWithin})`;
}

/** SQL: the organization id in `column` names an organization within the actor's scope for `permission` (TRUE for ALL, also for no organization, as before). */
function organizationIdInReach(actor: Principal, permission: string, column: string): Sql {
  const inner = rowScopeSql(actor, permission, Organizations, 'so');
  if (inner === ALL_ROWS || inner === NO_ROWS) return inner;
  return sql`${raw(column)} IN (SELECT so.id FROM organization so WHERE ${inner})`;
}

/** The assignments of a user or API client, for `reachSql` (`alias` is the principal table's alias). */
export const assignmentsOfPrincipal = (kind: 'user' | 'api-client', alias: string): Sql => raw(`ra.principal_kind = '${kind}' AND ra.principal_id = ${alias}.id`);

/** The assignments of a role, for `reachSql`. */
export const assignmentsOfRole = (alias: string): Sql => raw(`ra.role_id = ${alias}.id`);
