import { BadUserInputError, ForbiddenError, NotFoundError, audit, demand, transaction, type GrantScope, type RequestContext } from '@platform/core';
import { RoleAssignment } from './role-assignment.entity';
import { Role } from './role.entity';
import { RolePermission } from './role-permission.entity';
import { holdsAt } from './escalation';
import { AccessPermission } from '../permissions';
import type { AssignRoleInput } from './role.types';

const writePermissionFor = (kind: string) => (kind === 'user' ? AccessPermission.UserWrite : AccessPermission.ApiClientWrite);

export class AssignmentService {
  /** Assigns a role at an organization; the actor must hold every permission of the role at least as far. */
  async assign(ctx: RequestContext, input: AssignRoleInput): Promise<RoleAssignment> {
    return transaction(ctx, async (tx) => {
      await this.requireWrite(tx, input.principalKind);
      const table = input.principalKind === 'user' ? 'app_user' : 'api_client';
      const exists: unknown[] = await tx.manager.query(`SELECT 1 FROM ${table} WHERE id = $1`, [input.principalId]);
      if (!exists.length) throw BadUserInputError.field('input.principalId', 'exists', `no ${input.principalKind} ${input.principalId}.`);
      const role = await tx.manager.findOneBy(Role, { id: input.roleId });
      if (!role) throw BadUserInputError.field('input.roleId', 'exists', `no role ${input.roleId}.`);
      const anchor = await this.anchor(tx, input.organizationId);
      await this.requireCovers(tx, role, anchor);
      const result = await tx.manager
        .createQueryBuilder()
        .insert()
        .into(RoleAssignment)
        .values({ principalKind: input.principalKind, principalId: input.principalId, roleId: role.id, organizationId: anchor.id })
        .orIgnore()
        .returning('*')
        .execute();
      if (!(result.raw as unknown[]).length) throw BadUserInputError.field('input.roleId', 'unique', `the ${input.principalKind} already holds ${role.code} there.`);
      const assignment = (await tx.manager.findOneBy(RoleAssignment, { id: (result.raw as Array<{ id: string }>)[0]!.id }))!;
      await audit(tx, { action: 'access.role.assign', entityType: input.principalKind === 'user' ? 'User' : 'ApiClient', entityId: input.principalId, changes: { role: role.code, organizationId: anchor.id } });
      return assignment;
    });
  }

  /** Removes an assignment; refused when it would leave no active super admin. */
  async unassign(ctx: RequestContext, assignmentId: string): Promise<boolean> {
    return transaction(ctx, async (tx) => {
      const a = await tx.manager.findOneBy(RoleAssignment, { id: assignmentId });
      if (!a) throw new NotFoundError('RoleAssignment', assignmentId);
      await this.requireWrite(tx, a.principalKind);
      const role = (await tx.manager.findOneBy(Role, { id: a.roleId }))!;
      await this.requireCovers(tx, role, await this.anchor(tx, a.organizationId));
      await tx.manager.delete(RoleAssignment, { id: a.id });
      await assertSuperAdminRemains(tx);
      await audit(tx, { action: 'access.role.unassign', entityType: a.principalKind === 'user' ? 'User' : 'ApiClient', entityId: a.principalId, changes: { role: role.code, organizationId: a.organizationId } });
      return true;
    });
  }

  private async requireWrite(ctx: RequestContext, kind: string): Promise<void> {
    demand(ctx.principal, writePermissionFor(kind));
  }

  private async anchor(ctx: RequestContext, organizationId: string): Promise<{ id: string; path: string }> {
    const rows: Array<{ id: string; path: string }> = await ctx.manager.query(`SELECT id, path::text AS path FROM organization WHERE id = $1 AND archived_at IS NULL`, [organizationId]);
    if (!rows.length) throw BadUserInputError.field('input.organizationId', 'exists', `no active organization ${organizationId}.`);
    return rows[0]!;
  }

  /** Nobody assigns (or takes away) a role reaching further than their own grants. */
  private async requireCovers(ctx: RequestContext, role: Role, anchor: { id: string; path: string }): Promise<void> {
    const grants = await ctx.manager.findBy(RolePermission, { roleId: role.id });
    const missing = grants.filter((g) => !holdsAt(ctx.principal, g.permission, g.scope as GrantScope, anchor)).map((g) => g.permission);
    if (missing.length) throw new ForbiddenError(`The role ${role.code} reaches further than you do at that organization: ${missing.join(', ')}.`, missing[0]);
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
