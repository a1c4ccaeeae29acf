import type { GrantScope, Principal } from '@platform/core';

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
 * like missing: lists leave it out, by-id changes answer NOT_FOUND. The SQL form (`reachSql`, in
 * reach.sql.ts) is the row scope of the access entities (see access.entities.ts); the TypeScript form (`holdsAt`,
 * `grantsBeyond`) checks a new assignment or grant before it is written.
 */

export interface OrganizationRef {
  readonly id: string;
  /** The materialized path (ltree text). */
  readonly path: string;
}

/** How far each scope reaches, narrowest first. */
export const SCOPE_RANK: Readonly<Record<GrantScope, number>> = { OWN_ORG: 1, ORG_SUBTREE: 2, ALL: 3 };

/** The actor holds `permission` with a scope at least as wide as `scope` somewhere (nobody grants a role more than they hold). */
export function holdsRank(actor: Principal, permission: string, scope: GrantScope): boolean {
  if (actor.kind === 'system') return true;
  return (actor.grants.get(permission) ?? []).some((g) => SCOPE_RANK[g.scope] >= SCOPE_RANK[scope]);
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

/**
 * The permissions of a (new) assignment of a role with these grants at `anchor` that reach further
 * than the actor does there (empty when all are held at least as far). The anchor itself is checked
 * to be within reach where it is read (`records(tx, Organizations, administering)`).
 */
export function grantsBeyond(actor: Principal, anchor: OrganizationRef, grants: ReadonlyArray<{ permission: string; scope: GrantScope }>): string[] {
  return grants.filter((g) => !holdsAt(actor, g.permission, g.scope, anchor)).map((g) => g.permission);
}

function isWithin(path: string, ancestor: string | null): boolean {
  return ancestor !== null && (path === ancestor || path.startsWith(`${ancestor}.`));
}
