import type { Grant, Principal } from '../context/principal';
import { ForbiddenError, UnauthenticatedError } from '../errors/errors';

/** Where a principal may use a permission: everywhere, or within organization subtrees / single organizations. */
export type OrganizationScope = { readonly all: true } | { readonly all: false; readonly subtreePaths: readonly string[]; readonly organizationIds: readonly string[] };

/** True when the principal holds the permission anywhere. The system principal holds everything. */
export function can(principal: Principal, code: string): boolean {
  return principal.kind === 'system' || (principal.grants.get(code)?.length ?? 0) > 0;
}

/** Null when the principal holds the permission; else UNAUTHENTICATED for anonymous callers, FORBIDDEN for others. */
export function denial(principal: Principal, code: string): UnauthenticatedError | ForbiddenError | null {
  if (can(principal, code)) return null;
  if (principal.kind === 'anonymous') return new UnauthenticatedError(`Sign in or send an API key: this needs the permission ${code}.`, code);
  return new ForbiddenError(`You do not have the permission ${code}.`, code);
}

/** Throws the denial, if any. */
export function demand(principal: Principal, code: string): void {
  const error = denial(principal, code);
  if (error) throw error;
}

/** The union of the principal's grants of a permission, or null when it holds none. */
export function scopeOf(principal: Principal, code: string): OrganizationScope | null {
  if (principal.kind === 'system') return { all: true };
  const grants = principal.grants.get(code);
  if (!grants?.length) return null;
  if (grants.some((g) => g.scope === 'ALL')) return { all: true };
  return {
    all: false,
    subtreePaths: grants.filter((g) => g.scope === 'ORG_SUBTREE' && g.organizationPath).map((g) => g.organizationPath!),
    organizationIds: grants.filter((g) => g.scope === 'OWN_ORG' && g.organizationId).map((g) => g.organizationId!),
  };
}

/** Whether the organization at ltree `path` lies in the subtree rooted at `ancestor` (itself included). */
function inSubtree(path: string | null, ancestor: string): boolean {
  return path !== null && (path === ancestor || path.startsWith(`${ancestor}.`));
}

/**
 * The principal with every grant narrowed to one organization's subtree: what it may do there, and
 * nothing elsewhere (e.g. a webhook subscription of an API client with `withinSubtreeOf`). ALL becomes
 * the subtree; a subtree grant anchored above it becomes the subtree, one anchored inside it stays;
 * an own-organization grant stays when its organization is inside it. Any other grant is dropped, and
 * a permission left without grants is not held. Row scopes (`records`) then apply to the narrowed
 * grants as to any other, custom ones included. Not for the system principal (it holds everything
 * without grants).
 */
export function withinSubtree(principal: Principal, organization: { readonly id: string; readonly path: string }): Principal {
  if (principal.kind === 'system') throw new Error('withinSubtree: the system principal has no grants to narrow.');
  const subtree: Grant = { scope: 'ORG_SUBTREE', organizationId: organization.id, organizationPath: organization.path };
  const grants = new Map<string, Grant[]>();
  for (const [code, held] of principal.grants) {
    const narrowed = held.flatMap((g): Grant[] => {
      if (g.scope === 'ALL') return [subtree];
      if (g.scope === 'ORG_SUBTREE') return inSubtree(g.organizationPath, organization.path) ? [g] : g.organizationPath !== null && inSubtree(organization.path, g.organizationPath) ? [subtree] : [];
      return inSubtree(g.organizationPath, organization.path) ? [g] : [];
    });
    if (narrowed.length) grants.set(code, narrowed);
  }
  return { ...principal, grants };
}
