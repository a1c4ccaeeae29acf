import { BadUserInputError, scopeOf, type RequestContext } from '@platform/core';
import { organizationInScope } from '@platform/directory';
import type { OrganizationRef } from './reach';

/**
 * The home organization of a new (or moved) account or API client: the one named, if it is active
 * and within the caller's reach for `administering`; when none is named, the root (the town
 * government) for callers whose reach is the whole town, else a field error asking for one.
 */
export async function homeOrganization(ctx: RequestContext, administering: string, organizationId: string | null | undefined, field: string): Promise<OrganizationRef> {
  if (organizationId) {
    const org = await organizationInScope(ctx, organizationId, administering);
    if (!org) throw BadUserInputError.field(field, 'exists', `no active organization ${organizationId} within your reach.`);
    return org;
  }
  if (!scopeOf(ctx.principal, administering)?.all) throw BadUserInputError.field(field, 'required', 'name the organization it belongs to (one within your reach).');
  const [root]: OrganizationRef[] = await ctx.manager.query(`SELECT id, path::text AS path FROM organization WHERE nlevel(path) = 1 AND archived_at IS NULL ORDER BY created_at, id LIMIT 1`);
  if (!root) throw new Error('The directory has no town government yet: seed or create it first.');
  return root;
}
