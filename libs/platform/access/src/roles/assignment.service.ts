import { BadUserInputError, ForbiddenError, NotFoundError, audit, demand, transaction, type RequestContext } from '@platform/core';
import { RoleAssignment } from './role-assignment.entity';
import { Role } from './role.entity';
import { RolePermission } from './role-permission.entity';
import { beyondReach, reachesOrganization, type OrganizationRef } from './reach';
import { governedPrincipalForUpdate, governedRoles, type PrincipalKind } from './governed';
import { AccessPermission } from '../permissions';
import type { AssignRoleInput } from './role.types';
import { accessChanged } from '../auth/access-changed';

/** The permission that administers users or API clients (and their assignments). */
export const writePermissionFor = (kind: PrincipalKind): string => (kind === 'user' ? AccessPermission.UserWrite : AccessPermission.ApiClientWrite);

export class AssignmentService {
  /**
   * Assigns a role at an organization. The account or client must be within the caller's reach,
   * and stay so: the anchor within reach for both `access.role:assign` and the account's write
   * permission, and every permission of the role held by the caller there at least as far.
   */
  async assign(ctx: RequestContext, input: AssignRoleInput): Promise<RoleAssignment> {
    return transaction(ctx, async (tx) => {
      const kind = input.principalKind as PrincipalKind;
      const administering = writePermissionFor(kind);
      demand(tx.principal, administering);
      await governedPrincipalForUpdate(tx, kind, input.principalId, administering).catch((error: unknown) => {
        throw error instanceof NotFoundError ? BadUserInputError.field('input.principalId', 'exists', `no ${kind} ${input.principalId} within your reach.`) : error;
      });
      const role = await this.assignableRole(tx, input.roleId);
      const anchor = await this.anchor(tx, input.organizationId);
      const grants = await tx.manager.findBy(RolePermission, { roleId: role.id });
      const beyond = reachesOrganization(tx.principal, AccessPermission.RoleAssign, anchor) ? beyondReach(tx.principal, administering, anchor, grants) : null;
      if (!beyond) throw BadUserInputError.field('input.organizationId', 'exists', `no active organization ${input.organizationId} within your reach.`);
      if (beyond.length) throw new ForbiddenError(`The role ${role.code} reaches further than you do at that organization: ${beyond.join(', ')}.`, beyond[0]);
      const result = await tx.manager
        .createQueryBuilder()
        .insert()
        .into(RoleAssignment)
        .values({ principalKind: kind, principalId: input.principalId, roleId: role.id, organizationId: anchor.id })
        .orIgnore()
        .returning('*')
        .execute();
      if (!(result.raw as unknown[]).length) throw BadUserInputError.field('input.roleId', 'unique', `the ${kind} already holds ${role.code} there.`);
      const assignment = (await tx.manager.findOneBy(RoleAssignment, { id: (result.raw as Array<{ id: string }>)[0]!.id }))!;
      await audit(tx, { action: 'access.role.assign', entityType: kind === 'user' ? 'User' : 'ApiClient', entityId: input.principalId, changes: { role: role.code, organizationId: anchor.id } });
      await accessChanged(tx, 'assignment');
      return assignment;
    });
  }

  /** Removes an assignment of an account or client within the caller's reach; refused when it would leave no active super admin. */
  async unassign(ctx: RequestContext, assignmentId: string): Promise<boolean> {
    return transaction(ctx, async (tx) => {
      const a = await tx.manager.findOneBy(RoleAssignment, { id: assignmentId });
      if (!a) throw new NotFoundError('RoleAssignment', assignmentId);
      const administering = writePermissionFor(a.principalKind);
      demand(tx.principal, administering);
      const anchor = await this.anchor(tx, a.organizationId, true);
      // Out of reach answers like missing.
      await governedPrincipalForUpdate(tx, a.principalKind, a.principalId, administering).catch((error: unknown) => {
        throw error instanceof NotFoundError ? new NotFoundError('RoleAssignment', assignmentId) : error;
      });
      if (!reachesOrganization(tx.principal, AccessPermission.RoleAssign, anchor)) throw new NotFoundError('RoleAssignment', assignmentId);
      const role = (await tx.manager.findOneBy(Role, { id: a.roleId }))!;
      await tx.manager.delete(RoleAssignment, { id: a.id });
      await assertSuperAdminRemains(tx);
      await audit(tx, { action: 'access.role.unassign', entityType: a.principalKind === 'user' ? 'User' : 'ApiClient', entityId: a.principalId, changes: { role: role.code, organizationId: a.organizationId } });
      await accessChanged(tx, 'assignment');
      return true;
    });
  }

  /**
   * A system role, or a custom role within the caller's reach for `access.role:assign` (a custom
   * role assigned in several places is governed only by someone whose reach covers all of them).
   * Locked FOR SHARE, so a concurrent grant to the role waits for this assignment (and is then
   * checked against its anchor).
   */
  private async assignableRole(ctx: RequestContext, roleId: string): Promise<Role> {
    const role = await ctx.manager.createQueryBuilder(Role, 'r').where('r.id = :id', { id: roleId }).setLock('pessimistic_read').getOne();
    const visible = role && (role.isSystem || (await governedRoles(ctx, AccessPermission.RoleAssign).andWhere('r.id = :id', { id: roleId }).getExists()));
    if (!role || !visible) throw BadUserInputError.field('input.roleId', 'exists', `no role ${roleId} within your reach.`);
    return role;
  }

  private async anchor(ctx: RequestContext, organizationId: string, archivedToo = false): Promise<OrganizationRef> {
    const rows: OrganizationRef[] = await ctx.manager.query(`SELECT id, path::text AS path FROM organization WHERE id = $1 AND ($2 OR archived_at IS NULL)`, [organizationId, archivedToo]);
    if (!rows.length) throw BadUserInputError.field('input.organizationId', 'exists', `no active organization ${organizationId} within your reach.`);
    return rows[0]!;
  }
}

/** The installation always keeps at least one active user holding super-admin. */
export async function assertSuperAdminRemains(ctx: RequestContext): Promise<void> {
  // Serializes concurrent removals: the count then sees every committed one.
  await ctx.manager.query(`SELECT pg_advisory_xact_lock(hashtext('access.super-admins'))`);
  const [{ n }]: Array<{ n: number }> = await ctx.manager.query(
    `SELECT count(*)::int AS n FROM role_assignment ra JOIN role r ON r.id = ra.role_id JOIN app_user u ON u.id = ra.principal_id
     WHERE r.code = 'super-admin' AND ra.principal_kind = 'user' AND u.status = 'ACTIVE'`,
  );
  if (n === 0) throw BadUserInputError.field('input', 'lastSuperAdmin', 'this would leave no active super admin.');
}
