import { modifyReturning, type GrantScope, type RequestContext } from '@platform/core';
import type { RolePermission } from './role-permission.entity';

/*
 * The grants of roles (role_permission rows) and the deletion of a custom role. Hand-written: a grant
 * has no id and no scope of its own, it is part of its role (whoever was given the role sees what it
 * grants, whoever may change the role changes them), and a grant is an upsert or delete by (role,
 * permission), a role's end a delete, which the write helpers (one versioned record by id, archived
 * rather than deleted) do not express. The role's version moves and the audit entry is written by
 * RoleService (`updateRecord` of the role, `audit` of the deletion) after the role was checked
 * within the caller's reach.
 */

/** The grants of these roles, by permission. */
export function grantsOfRoles(ctx: RequestContext, roleIds: readonly string[]): Promise<RolePermission[]> {
  return ctx.manager.query(`SELECT role_id AS "roleId", permission, scope FROM role_permission WHERE role_id = ANY($1::uuid[]) ORDER BY permission`, [[...roleIds]]);
}

/** Grants `permission` to the role with `scope` (replacing the scope it had); the scope before, null when it was not granted. */
export async function grantToRole(tx: RequestContext, roleId: string, permission: string, scope: GrantScope): Promise<GrantScope | null> {
  const [before]: Array<{ scope: GrantScope }> = await tx.manager.query(`SELECT scope FROM role_permission WHERE role_id = $1 AND permission = $2`, [roleId, permission]);
  await tx.manager.query(
    `INSERT INTO role_permission (role_id, permission, scope) VALUES ($1, $2, $3)
     ON CONFLICT (role_id, permission) DO UPDATE SET scope = EXCLUDED.scope`,
    [roleId, permission, scope],
  );
  return before?.scope ?? null;
}

/** Takes `permission` from the role; whether it held it. */
export async function revokeFromRole(tx: RequestContext, roleId: string, permission: string): Promise<boolean> {
  return (await modifyReturning(tx.manager, `DELETE FROM role_permission WHERE role_id = $1 AND permission = $2 RETURNING permission`, [roleId, permission])).length > 0;
}

/** Deletes a custom role at the version the caller read; whether it was deleted (false: it changed meanwhile). */
export async function deleteRole(tx: RequestContext, roleId: string, version: number): Promise<boolean> {
  return (await modifyReturning(tx.manager, `DELETE FROM role WHERE id = $1 AND version = $2 RETURNING id`, [roleId, version])).length > 0;
}
