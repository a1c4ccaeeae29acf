import { scopeOf, type GrantScope, type Principal } from '@platform/core';
import { organizationIdInScope, organizationScope } from '@platform/directory';

/**
 * The rule of access administration: an administrator may see and change an account, API client,
 * role assignment or custom role only when everything it reaches lies within the administrator's
 * own reach. For each assignment of the account or role (a role at an anchor organization):
 *
 * - the anchor lies within where the administrator holds the administering permission
 *   (e.g. `access.user:write` for changing an account), and
 * - every permission the role grants there is one the administrator itself holds at that anchor
 *   at least as far (`holdsAt`).
 *
 * Accounts and API clients also belong to a home organization, which must lie within the
 * administering scope too (so an account without roles is not everybody's). Out of reach answers
 * like missing: lists leave it out, by-id changes answer NOT_FOUND. The SQL form (`governedSql`)
 * serves lists and lookups; the TypeScript form (`assignmentWithinReach`) checks a new assignment
 * or grant before it is written.
 */

export interface OrganizationRef {
  readonly id: string;
  /** The materialized path (ltree text). */
  readonly path: string;
}

const RANK: Record<GrantScope, number> = { OWN_ORG: 1, ORG_SUBTREE: 2, ALL: 3 };

/** The actor holds `permission` with a scope at least as wide as `scope` somewhere (nobody grants a role more than they hold). */
export function holdsRank(actor: Principal, permission: string, scope: GrantScope): boolean {
  if (actor.kind === 'system') return true;
  return (actor.grants.get(permission) ?? []).some((g) => RANK[g.scope] >= RANK[scope]);
}

/**
 * The actor holds `permission` reaching at least as far as `scope` anchored at `anchor` would: ALL
 * covers everything; a subtree grant covers anchors inside it, but not ALL; an own-organization
 * grant covers only the same organization with OWN_ORG.
 */
export function holdsAt(actor: Principal, permission: string, scope: GrantScope, anchor: OrganizationRef): boolean {
  if (actor.kind === 'system') return true;
  return (actor.grants.get(permission) ?? []).some((g) => {
    if (g.scope === 'ALL') return true;
    if (scope === 'ALL') return false;
    if (g.scope === 'ORG_SUBTREE') return isWithin(anchor.path, g.organizationPath);
    return scope === 'OWN_ORG' && g.organizationId === anchor.id;
  });
}

/** The organization lies where the actor holds `permission`: everywhere, inside one of its subtrees, or one of its own organizations. */
export function reachesOrganization(actor: Principal, permission: string, organization: OrganizationRef): boolean {
  const scope = scopeOf(actor, permission);
  if (!scope) return false;
  return scope.all || scope.organizationIds.includes(organization.id) || scope.subtreePaths.some((p) => isWithin(organization.path, p));
}

/**
 * A (new) assignment of a role with these grants at `anchor` stays within the actor's reach for the
 * administering permission: the anchor within its scope, every grant held there at least as far.
 * Returns the permissions that reach further (empty when within reach), or null when the anchor itself is out of reach.
 */
export function beyondReach(actor: Principal, administering: string, anchor: OrganizationRef, grants: ReadonlyArray<{ permission: string; scope: GrantScope }>): string[] | null {
  if (!reachesOrganization(actor, administering, anchor)) return null;
  return grants.filter((g) => !holdsAt(actor, g.permission, g.scope, anchor)).map((g) => g.permission);
}

function isWithin(path: string, ancestor: string | null): boolean {
  return ancestor !== null && (path === ancestor || path.startsWith(`${ancestor}.`));
}

/**
 * SQL that holds when every assignment selected by `assignments` (a condition over `ra`, a
 * role_assignment row, e.g. `ra.principal_kind = 'user' AND ra.principal_id = u.id` or
 * `ra.role_id = r.id`) lies within the actor's reach for `administering` (see the rule above), and,
 * when `homeOrganization` (an SQL expression of an organization id) is given, the home organization
 * does too. TRUE for the system principal, FALSE for an actor without the permission.
 *
 * The actor's grants go in as `:reachHeld…` parameters with fixed names: their values are all of
 * the actor's grants, whatever `administering` is, so two conditions in one query (one actor) share
 * them; the scope parts are named by their permission (see `organizationScope`).
 */
export function governedSql(actor: Principal, administering: string, assignments: string, homeOrganization?: string): { sql: string; params: Record<string, unknown> } {
  if (actor.kind === 'system') return { sql: 'TRUE', params: {} };
  if (!scopeOf(actor, administering)) return { sql: 'FALSE', params: {} };
  const anchor = organizationScope(actor, administering, 'ao.path', 'ao.id');
  // The actor's own grants as rows, to compare each granted permission of the assignment with.
  const held = [...actor.grants].flatMap(([permission, grants]) => grants.filter((g) => g.scope === 'ALL' || g.organizationPath).map((g) => ({ permission, ...g })));
  const params: Record<string, unknown> = {
    ...anchor.params,
    reachHeldPermissions: held.map((g) => g.permission),
    reachHeldScopes: held.map((g) => g.scope),
    reachHeldOrganizations: held.map((g) => g.organizationId),
    reachHeldPaths: held.map((g) => g.organizationPath ?? ''),
  };
  const grantHeld = `EXISTS (
      SELECT 1 FROM unnest(CAST(:reachHeldPermissions AS text[]), CAST(:reachHeldScopes AS text[]), CAST(:reachHeldOrganizations AS uuid[]), CAST(:reachHeldPaths AS ltree[])) AS g(permission, scope, organization_id, path)
      WHERE g.permission = rp.permission
        AND (g.scope = 'ALL' OR (rp.scope <> 'ALL' AND ((g.scope = 'ORG_SUBTREE' AND ao.path <@ g.path) OR (g.scope = 'OWN_ORG' AND rp.scope = 'OWN_ORG' AND ao.id = g.organization_id)))))`;
  const assignmentsWithin = `NOT EXISTS (
      SELECT 1 FROM role_assignment ra
      JOIN organization ao ON ao.id = ra.organization_id
      LEFT JOIN role_permission rp ON rp.role_id = ra.role_id
      WHERE ${assignments} AND NOT (${anchor.sql} AND (rp.permission IS NULL OR ${grantHeld})))`;
  if (!homeOrganization) return { sql: `(${assignmentsWithin})`, params };
  const home = organizationIdInScope(actor, administering, homeOrganization);
  return { sql: `(${home.sql} AND ${assignmentsWithin})`, params: { ...params, ...home.params } };
}

/** The assignments of a user or API client, for `governedSql` (`alias` is the principal table's alias). */
export const assignmentsOfPrincipal = (kind: 'user' | 'api-client', alias: string): string => `ra.principal_kind = '${kind}' AND ra.principal_id = ${alias}.id`;

/** The assignments of a role, for `governedSql`. */
export const assignmentsOfRole = (alias: string): string => `ra.role_id = ${alias}.id`;
