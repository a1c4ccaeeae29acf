import { ForbiddenError, NotFoundError, audit, createRecord, demand, records, rowScopeSql, sql, transaction, unscoped, type RequestContext } from '@platform/core';
import { Organizations } from '@platform/directory';
import { RoleAssignment } from './role-assignment.entity';
import type { Role } from './role.entity';
import { grantsBeyond } from './reach';
import { grantsOfRoles } from './role.sql';
import { activeSuperAdmins, deleteAssignment } from './assignment.sql';
import { RoleAssignments, Roles, principalsOf, type PrincipalKind } from '../access.entities';
import { accessRules } from '../access.rules';
import { AccessPermission } from '../permissions';
import type { AssignRoleInput } from './role.types';
import { accessChanged } from '../access-changed';

export type { PrincipalKind } from '../access.entities';

/** The permission that administers users or API clients (and their assignments). */
export const writePermissionFor = (kind: PrincipalKind): string => (kind === 'user' ? AccessPermission.UserWrite : AccessPermission.ApiClientWrite);

/** The audit entries of assignments are filed under the account or client (where a reviewer looks). */
const entityTypeOf = (kind: PrincipalKind): string => (kind === 'user' ? 'User' : 'ApiClient');

export class AssignmentService {
  /**
   * Assigns a role at an organization. The account or client must be within the caller's reach,
   * and stay so: the anchor within reach for both `access.role:assign` and the account's write
   * permission, and every permission of the role held by the caller there at least as far. An
   * account, role or organization missing or beyond reach answers NOT_FOUND on its input field.
   */
  async assign(ctx: RequestContext, input: AssignRoleInput): Promise<RoleAssignment> {
    return transaction(ctx, async (tx) => {
      const kind = input.principalKind as PrincipalKind;
      const administering = writePermissionFor(kind);
      demand(tx.principal, administering);
      // Locked: assignments of one account or client are made one after the other (so the check for a duplicate below holds).
      await records(tx, principalsOf(kind), administering).reference(input.principalId, 'input.principalId', { lock: 'update' });
      const role = await this.assignableRole(tx, input.roleId);
      const anchor = await records(tx, Organizations, administering)
        .where(rowScopeSql(tx.principal, AccessPermission.RoleAssign, Organizations, 't'))
        .reference(input.organizationId, 'input.organizationId', { properties: ['path'] });
      const beyond = grantsBeyond(tx.principal, anchor, await grantsOfRoles(tx, [role.id]));
      if (beyond.length) throw new ForbiddenError(`The role ${role.code} reaches further than you do at that organization: ${beyond.join(', ')}.`, beyond[0]);
      const held = await unscoped(tx, RoleAssignments, 'a role is held once per organization, whoever sees the holder')
        .where(sql`t.principal_kind = ${kind} AND t.principal_id = ${input.principalId} AND t.role_id = ${role.id} AND t.organization_id = ${anchor.id}`)
        .count();
      if (held) throw accessRules.field('input.roleId', 'unique', `the ${kind} already holds ${role.code} there.`);
      const assignment = await createRecord(
        tx,
        RoleAssignment,
        'RoleAssignment',
        { principalKind: kind, principalId: input.principalId, roleId: role.id, organizationId: anchor.id },
        { action: 'access.role.assign', auditUnder: { entityType: entityTypeOf(kind), entityId: input.principalId }, changes: { role: role.code, organizationId: anchor.id } },
      );
      await accessChanged(tx, 'assignment');
      return assignment;
    });
  }

  /** Removes an assignment of an account or client within the caller's reach; refused when it would leave no active super admin. */
  async unassign(ctx: RequestContext, assignmentId: string): Promise<boolean> {
    return transaction(ctx, async (tx) => {
      const a = await unscoped(tx, RoleAssignments, 'whose it is decides which permission administers it; its reach is checked next').one(assignmentId);
      if (!a) throw new NotFoundError('RoleAssignment', assignmentId);
      const administering = writePermissionFor(a.principalKind);
      demand(tx.principal, administering);
      // Out of reach answers like missing: the account or client (locked for the change), and the anchor for access.role:assign.
      await records(tx, principalsOf(a.principalKind), administering)
        .lock(a.principalId)
        .catch((error: unknown) => Promise.reject(error instanceof NotFoundError ? new NotFoundError('RoleAssignment', assignmentId) : error));
      if (!(await records(tx, Organizations, AccessPermission.RoleAssign).exists(a.organizationId))) throw new NotFoundError('RoleAssignment', assignmentId);
      const role = (await unscoped(tx, Roles, 'the role of the assignment, named in the audit entry').one(a.roleId))!;
      await deleteAssignment(tx, a.id);
      await assertSuperAdminRemains(tx);
      await audit(tx, { action: 'access.role.unassign', entityType: entityTypeOf(a.principalKind), entityId: a.principalId, changes: { role: role.code, organizationId: a.organizationId } });
      await accessChanged(tx, 'assignment');
      return true;
    });
  }

  /**
   * A system role, or a custom role within the caller's reach for `access.role:assign` (a custom
   * role assigned in several places is governed only by someone whose reach covers all of them);
   * NOT_FOUND on `input.roleId` otherwise. Locked FOR SHARE first, so a concurrent grant to the role
   * waits for this assignment (and is then checked against its anchor), and checked within reach
   * in a statement of its own, which sees a grant committed while it waited.
   */
  private async assignableRole(tx: RequestContext, roleId: string): Promise<Role> {
    await unscoped(tx, Roles, 'locked before its reach is checked (next statement)')
      .lock(roleId, 'share')
      .catch((error: unknown) => (error instanceof NotFoundError ? null : Promise.reject(error)));
    return records(tx, Roles, AccessPermission.RoleAssign).reference(roleId, 'input.roleId');
  }
}

/** The installation always keeps at least one active user holding super-admin. */
export async function assertSuperAdminRemains(ctx: RequestContext): Promise<void> {
  if ((await activeSuperAdmins(ctx)) === 0) throw accessRules.field('input', 'lastSuperAdmin', 'this would leave no active super admin.');
}
