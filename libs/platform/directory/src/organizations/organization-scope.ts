import { raw, records, sql, unscoped, type RequestContext, type Sql } from '@platform/core';
import { Organizations } from '../directory.entities';

/** SQL condition: the organization path expression `path` lies at or below the organization `rootId`. */
export function withinSubtree(path: string, rootId: string): Sql {
  return sql`${raw(path)} <@ (SELECT r.path FROM organization r WHERE r.id = ${rootId})`;
}

/**
 * SQL condition: the organization id in `column` (e.g. `t.organization_id`) names an organization at
 * or below `rootId`: the "within subtree" filter of domain lists. It narrows a scoped list, never widens it.
 */
export function organizationIdWithinSubtree(column: string, rootId: string): Sql {
  return sql`${raw(column)} IN (SELECT so.id FROM organization so WHERE ${withinSubtree('so.path', rootId)})`;
}

/**
 * The organization (id and tree path) a domain record is kept under, if it is active and within the
 * caller's scope for `permission`. With `permission` null, any organization, archived too (for
 * records already kept there). A target outside the scope is answered like a missing one, so the
 * caller learns nothing about other villages. Used by access, risk and rescue until they read
 * organizations through `records(ctx, Organizations, permission)` themselves.
 */
export async function organizationInScope(ctx: RequestContext, id: string, permission: string | null): Promise<{ id: string; path: string } | null> {
  const org = permission
    ? await records(ctx, Organizations, permission).where(sql`t.archived_at IS NULL`).one(id, ['path'])
    : await unscoped(ctx, Organizations, 'permission null: the organization a record is already kept at, archived or not, wherever the caller\'s scope').one(id, ['path']);
  return org ? { id: org.id, path: org.path } : null;
}
