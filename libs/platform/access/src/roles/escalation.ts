import type { GrantScope, Principal } from '@platform/core';

const RANK: Record<GrantScope, number> = { OWN_ORG: 1, ORG_SUBTREE: 2, ALL: 3 };

/** The actor holds `permission` with a scope at least as wide as `scope` (for granting it to a role). */
export function holdsRank(actor: Principal, permission: string, scope: GrantScope): boolean {
  if (actor.kind === 'system') return true;
  return (actor.grants.get(permission) ?? []).some((g) => RANK[g.scope] >= RANK[scope]);
}

/**
 * The actor holds `permission` reaching at least as far as `scope` anchored at `anchor` would (for
 * assigning a role there): ALL covers everything; a subtree grant covers anchors inside it, but not
 * ALL; an own-organization grant covers only the same organization with OWN_ORG.
 */
export function holdsAt(actor: Principal, permission: string, scope: GrantScope, anchor: { id: string; path: string }): boolean {
  if (actor.kind === 'system') return true;
  return (actor.grants.get(permission) ?? []).some((g) => {
    if (g.scope === 'ALL') return true;
    if (scope === 'ALL') return false;
    if (g.scope === 'ORG_SUBTREE') return anchor.path === g.organizationPath || anchor.path.startsWith(`${g.organizationPath}.`);
    return scope === 'OWN_ORG' && g.organizationId === anchor.id;
  });
}
