import { request } from '../../api/client';
import {
  ConsolePermissionCatalogueDocument,
  ConsoleRoleGrantsDocument,
  ConsoleRolesDocument,
  type ConsolePermissionCatalogueQuery,
  type ConsoleRolesQuery,
  type GrantScope,
} from '../../generated/graphql';

/* Reading the grid's data: the whole permission catalogue (its rows) and the roles (its columns) with all their grants, page by page through the cursors. */

export type Permission = ConsolePermissionCatalogueQuery['permissions']['edges'][number]['node'];
export type RoleNode = ConsoleRolesQuery['roles']['edges'][number]['node'];
export type Scope = GrantScope;
export const SCOPES: readonly Scope[] = ['ALL', 'ORG_SUBTREE', 'OWN_ORG'];

/** A role with every grant it holds, by permission code. */
export interface GridRole {
  readonly role: RoleNode;
  readonly grants: ReadonlyMap<string, Scope>;
}

export interface RolePage {
  readonly roles: readonly GridRole[];
  readonly totalCount: number;
  readonly endCursor: string | null;
  readonly hasNextPage: boolean;
}

const PAGE = 100;
/** Roles are the grid's columns: ~20 in a town, 50 a page. */
export const ROLE_PAGE = 50;

/**
 * The permission catalogue, whole: it is a bounded list the enabled modules declare (~200), and the
 * grid's rows, module filter and search need all of it. Read 100 at a time along the cursors.
 */
export async function loadCatalogue(): Promise<Permission[]> {
  const out: Permission[] = [];
  let after: string | null = null;
  for (;;) {
    const { permissions }: ConsolePermissionCatalogueQuery = await request(ConsolePermissionCatalogueDocument, { first: PAGE, after });
    out.push(...permissions.edges.map((e) => e.node));
    if (!permissions.pageInfo.hasNextPage || !permissions.pageInfo.endCursor) return out;
    after = permissions.pageInfo.endCursor;
  }
}

/** One role's grants beyond the first 100 (the super admin holds every permission), along the cursors. */
async function withAllGrants(role: RoleNode): Promise<GridRole> {
  const grants = new Map(role.grants.edges.map((e) => [e.node.permission, e.node.scope] as const));
  let page = role.grants.pageInfo;
  while (page.hasNextPage && page.endCursor) {
    const { node } = await request(ConsoleRoleGrantsDocument, { nodeId: role.nodeId, after: page.endCursor });
    if (!node || !('grants' in node)) break;
    for (const e of node.grants.edges) grants.set(e.node.permission, e.node.scope);
    page = node.grants.pageInfo;
  }
  return { role, grants };
}

/** A page of roles (columns) after the cursor, each with all its grants. */
export async function loadRoles(after: string | null, first = ROLE_PAGE): Promise<RolePage> {
  const { roles } = await request(ConsoleRolesDocument, { first, after });
  return {
    roles: await Promise.all(roles.edges.map((e) => withAllGrants(e.node))),
    totalCount: roles.totalCount,
    endCursor: roles.pageInfo.endCursor,
    hasNextPage: roles.pageInfo.hasNextPage,
  };
}

/** The roles again from the start, at least as many as were shown (after a change). */
export async function reloadRoles(shown: number): Promise<RolePage> {
  let page = await loadRoles(null, Math.min(100, Math.max(ROLE_PAGE, shown)));
  while (page.roles.length < shown && page.hasNextPage) {
    const next = await loadRoles(page.endCursor);
    page = { ...next, roles: [...page.roles, ...next.roles] };
  }
  return page;
}

/** A pending change of one cell. */
export interface Change {
  readonly key: string;
  readonly role: RoleNode;
  readonly permission: Permission;
  readonly from: Scope | null;
  readonly to: Scope | null;
}

export const cellKey = (roleId: string, permission: string): string => `${roleId} ${permission}`;
