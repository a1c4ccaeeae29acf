import { raw, sql, type Sql } from '@platform/core';

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
