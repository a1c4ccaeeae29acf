import { SortDirection, records, scopeOf, sql, type RequestContext } from '@platform/core';
import { Organizations } from '@platform/directory';
import { accessRules } from '../access.rules';
import type { OrganizationRef } from './reach';

/**
 * The home organization of a new (or moved) account or API client: the one named, if it is within
 * the caller's reach for `administering` (NOT_FOUND on `field` when missing or beyond it, BAD_USER_INPUT
 * `notArchived` when archived); when none is named, the root (the town government) for callers whose
 * reach is the whole town, else a field error asking for one.
 */
export async function homeOrganization(ctx: RequestContext, administering: string, organizationId: string | null | undefined, field: string): Promise<OrganizationRef> {
  const organizations = records(ctx, Organizations, administering);
  if (organizationId) {
    const org = await organizations.reference(organizationId, field, { properties: ['path'] });
    return { id: org.id, path: org.path };
  }
  if (!scopeOf(ctx.principal, administering)?.all) throw accessRules.field(field, 'required', 'name the organization it belongs to (one within your reach).');
  const [root] = await organizations.where(sql`nlevel(t.path) = 1 AND t.archived_at IS NULL`).list({
    keys: [
      { column: 't.created_at', direction: SortDirection.ASC },
      { column: 't.id', direction: SortDirection.ASC },
    ],
    limit: 1,
    properties: ['path'],
  });
  if (!root) throw new Error('The directory has no town government yet: seed or create it first.');
  return { id: root.id, path: root.path };
}
