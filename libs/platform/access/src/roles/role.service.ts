import {
  BadUserInputError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  SortDirection,
  audit,
  byKeys,
  groupByKeys,
  paginate,
  transaction,
  updateWithVersion,
  type ArchiveInput,
  type ConnectionResult,
  type PageRequest,
  type RequestContext,
} from '@platform/core';
import type DataLoader from 'dataloader';
import { In } from 'typeorm';
import { Role } from './role.entity';
import { RolePermission } from './role-permission.entity';
import { assignmentsOfRole, governedSql, holdsAt, holdsRank } from './reach';
import { anchorsOfRole, governedRoles } from './governed';
import { AccessPermission } from '../permissions';
import { accessChanged } from '../auth/access-changed';
import type { CreateRoleInput, GrantPermissionInput, PermissionInfo, RevokePermissionInput, UpdateRoleInput } from './role.types';

/** The permission catalog of the enabled modules (provided at start as `access.catalog`). */
export const catalogOf = (ctx: RequestContext): readonly PermissionInfo[] => ctx.service<readonly PermissionInfo[]>('access.catalog');

export function grantsByRole(ctx: RequestContext): DataLoader<string, RolePermission[]> {
  return ctx.loaders.get('access.role.grants', undefined, async (ids: readonly string[]) =>
    groupByKeys(ids, await ctx.manager.find(RolePermission, { where: { roleId: In([...ids]) }, order: { permission: 'ASC' } }), (g) => g.roleId),
  );
}

export function roleById(ctx: RequestContext): DataLoader<string, Role | null> {
  return ctx.loaders.get('access.role.byId', undefined, async (ids: readonly string[]) => byKeys(ids, await ctx.manager.findBy(Role, { id: In([...ids]) }), (r) => r.id));
}

export class RoleService {
  /** System roles (declared by the modules, the same everywhere) and the custom roles within the caller's reach. */
  list(ctx: RequestContext, page: PageRequest, withCount: boolean): Promise<ConnectionResult<Role>> {
    const governed = governedSql(ctx.principal, AccessPermission.RoleRead, assignmentsOfRole('r'));
    const qb = ctx.manager.createQueryBuilder(Role, 'r').where(`(r.is_system OR ${governed.sql})`, governed.params);
    return paginate(qb, page, [{ column: 'r.code', direction: SortDirection.ASC }], withCount);
  }

  async create(ctx: RequestContext, input: CreateRoleInput): Promise<Role> {
    return transaction(ctx, async (tx) => {
      if (await tx.manager.existsBy(Role, { code: input.code })) throw new ConflictError(`A role with code ${input.code} exists.`, { field: 'input.code' });
      const role = await tx.manager.save(tx.manager.create(Role, { ...input, isSystem: false }));
      await audit(tx, { action: 'access.role.create', entityType: 'Role', entityId: role.id, changes: { ...input } });
      await accessChanged(tx, 'role');
      return role;
    });
  }

  async update(ctx: RequestContext, input: UpdateRoleInput): Promise<Role> {
    return transaction(ctx, async (tx) => {
      const current = await this.custom(tx, input.id);
      const patch: Partial<Role> = {};
      if (input.nameZh !== undefined) patch.nameZh = input.nameZh;
      if (input.description !== undefined) patch.description = input.description;
      const updated = await updateWithVersion(tx, Role, 'Role', input.id, input.version, patch);
      await audit(tx, { action: 'access.role.update', entityType: 'Role', entityId: current.id, changes: { ...patch } });
      await accessChanged(tx, 'role');
      return updated;
    });
  }

  /** Deletes a custom role that nobody holds any more. */
  async delete(ctx: RequestContext, input: ArchiveInput): Promise<boolean> {
    return transaction(ctx, async (tx) => {
      const role = await this.custom(tx, input.id);
      const held: Array<{ n: number }> = await tx.manager.query(`SELECT count(*)::int AS n FROM role_assignment WHERE role_id = $1`, [role.id]);
      if (held[0]!.n > 0) throw BadUserInputError.field('input.id', 'notAssigned', `the role is still assigned ${held[0]!.n} time(s); unassign it first.`);
      const deleted = await tx.manager.createQueryBuilder().delete().from(Role).where('id = :id AND version = :v', { id: role.id, v: input.version }).execute();
      if (!deleted.affected) throw new ConflictError(`Role ${role.id} was changed by someone else. Reload and retry.`);
      await audit(tx, { action: 'access.role.delete', entityType: 'Role', entityId: role.id, changes: { code: role.code } });
      await accessChanged(tx, 'role');
      return true;
    });
  }

  /** Grants a declared permission to a custom role; nobody grants more than they hold. */
  async grant(ctx: RequestContext, input: GrantPermissionInput): Promise<Role> {
    return transaction(ctx, async (tx) => {
      const role = await this.custom(tx, input.roleId);
      if (!catalogOf(tx).some((p) => p.code === input.permission)) throw BadUserInputError.field('input.permission', 'declared', `no enabled module declares ${input.permission}.`);
      if (!holdsRank(tx.principal, input.permission, input.scope)) {
        throw new ForbiddenError(`You cannot grant ${input.permission} with scope ${input.scope}: you do not hold it that widely.`, input.permission);
      }
      // The grant applies wherever the role is assigned: the caller must hold it that far at every one of those places.
      const beyond = (await anchorsOfRole(tx, role.id)).filter((anchor) => !holdsAt(tx.principal, input.permission, input.scope, anchor));
      if (beyond.length) {
        throw new ForbiddenError(`You cannot grant ${input.permission} with scope ${input.scope} to ${role.code}: it is assigned where you do not hold it that widely.`, input.permission);
      }
      const before = await tx.manager.findOneBy(RolePermission, { roleId: role.id, permission: input.permission });
      await tx.manager.upsert(RolePermission, { roleId: role.id, permission: input.permission, scope: input.scope }, ['roleId', 'permission']);
      await this.touch(tx, role.id);
      await audit(tx, { action: 'access.role.grant', entityType: 'Role', entityId: role.id, changes: { [input.permission]: [before?.scope ?? null, input.scope] } });
      await accessChanged(tx, 'grant');
      return (await tx.manager.findOneBy(Role, { id: role.id }))!;
    });
  }

  async revoke(ctx: RequestContext, input: RevokePermissionInput): Promise<Role> {
    return transaction(ctx, async (tx) => {
      const role = await this.custom(tx, input.roleId);
      if (!holdsRank(tx.principal, input.permission, 'OWN_ORG')) throw new ForbiddenError(`You cannot revoke ${input.permission}: you do not hold it.`, input.permission);
      const removed = await tx.manager.delete(RolePermission, { roleId: role.id, permission: input.permission });
      if (!removed.affected) throw BadUserInputError.field('input.permission', 'granted', `the role does not hold ${input.permission}.`);
      await this.touch(tx, role.id);
      await audit(tx, { action: 'access.role.revoke', entityType: 'Role', entityId: role.id, changes: { [input.permission]: ['granted', null] } });
      await accessChanged(tx, 'grant');
      return (await tx.manager.findOneBy(Role, { id: role.id }))!;
    });
  }

  /**
   * A custom role within the caller's reach for `access.role:write` (every place it is assigned,
   * everything it grants there), locked for the change; beyond reach answers like missing. System
   * roles follow the modules' declarations only.
   */
  private async custom(ctx: RequestContext, id: string): Promise<Role> {
    const role = await ctx.manager.createQueryBuilder(Role, 'r').setLock('pessimistic_write').where('r.id = :id', { id }).getOne();
    if (!role) throw new NotFoundError('Role', id);
    if (role.isSystem) throw BadUserInputError.field('input.id', 'customRole', `${role.code} is a system role: its grants follow the modules' declarations. Create a custom role instead.`);
    if (!(await governedRoles(ctx, AccessPermission.RoleWrite).andWhere('r.id = :id', { id }).getExists())) throw new NotFoundError('Role', id);
    return role;
  }

  /** A grant change is a change of the role: its version moves so stale editors get CONFLICT. */
  private async touch(ctx: RequestContext, roleId: string): Promise<void> {
    await ctx.manager.query(`UPDATE role SET version = version + 1, updated_at = now() WHERE id = $1`, [roleId]);
  }
}
