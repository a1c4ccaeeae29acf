import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  audit,
  createRecord,
  groupByKeys,
  records,
  sentFields,
  sql,
  transaction,
  unscoped,
  updateRecord,
  whereChanged,
  type ArchiveInput,
  type ConnectionResult,
  type RequestContext,
} from '@platform/core';
import type DataLoader from 'dataloader';
import { Organizations } from '@platform/directory';
import { Role } from './role.entity';
import type { RolePermission } from './role-permission.entity';
import { holdsAt, holdsRank, type OrganizationRef } from './reach';
import { deleteRole, grantToRole, grantsOfRoles, revokeFromRole } from './role.sql';
import { RoleAssignments, Roles } from '../access.entities';
import { accessRules } from '../access.rules';
import { AccessPermission } from '../permissions';
import { accessChanged } from '../access-changed';
import type { CreateRoleInput, GrantPermissionInput, PermissionInfo, RevokePermissionInput, UpdateRoleInput } from './role.types';
import { RoleOrder, type RoleListArgs } from './role-lists.types';

/** The permission catalog of the enabled modules (provided at start as `access.catalog`). */
export const catalogOf = (ctx: RequestContext): readonly PermissionInfo[] => ctx.service<readonly PermissionInfo[]>('access.catalog');

/** The grants of each role, by permission (a role's grants go with the role the caller was given). */
export function grantsByRole(ctx: RequestContext): DataLoader<string, RolePermission[]> {
  return ctx.loaders.get('access.role.grants', undefined, async (ids: readonly string[]) => groupByKeys(ids, await grantsOfRoles(ctx, ids), (g) => g.roleId));
}

/** Roles by id, for `RoleAssignment.role`: the role of an assignment the caller sees (through its account or client) is shown, wherever else it is assigned. */
export function roleById(ctx: RequestContext): DataLoader<string, Role | null> {
  return ctx.loaders.get('access.role.byId', undefined, (ids: readonly string[]) =>
    unscoped(ctx, Roles, 'the role of an assignment the caller was given (its account or client is within reach) goes with it').many(ids),
  );
}

export class RoleService {
  /** System roles (declared by the modules, the same everywhere) and the custom roles within the caller's reach. */
  list(ctx: RequestContext, args: RoleListArgs, withCount: boolean): Promise<ConnectionResult<Role>> {
    return whereChanged(records(ctx, Roles), args.filter).page({ keys: RoleOrder.keys(args.orderBy), page: args, withCount });
  }

  async create(ctx: RequestContext, input: CreateRoleInput): Promise<Role> {
    return transaction(ctx, async (tx) => {
      const taken = await unscoped(tx, Roles, 'role codes are unique among all roles, those beyond the caller\'s reach too').where(sql`t.code = ${input.code}`).count();
      if (taken) throw new ConflictError(`A role with code ${input.code} exists.`, { field: 'input.code' });
      const role = await createRecord(tx, Role, 'Role', { code: input.code, nameZh: input.nameZh, description: input.description, isSystem: false }, { action: 'access.role.create', changes: { ...input } });
      await accessChanged(tx, 'role');
      return role;
    });
  }

  async update(ctx: RequestContext, input: UpdateRoleInput): Promise<Role> {
    return transaction(ctx, async (tx) => {
      const current = await this.custom(tx, input.id);
      const patch = sentFields(input, ['nameZh', 'description']);
      const updated = await updateRecord(tx, Role, 'Role', current, input.version, patch, { action: 'access.role.update', changes: { ...patch } });
      await accessChanged(tx, 'role');
      return updated;
    });
  }

  /** Deletes a custom role that nobody holds any more. */
  async delete(ctx: RequestContext, input: ArchiveInput): Promise<boolean> {
    return transaction(ctx, async (tx) => {
      const role = await this.custom(tx, input.id);
      const held = await unscoped(tx, RoleAssignments, 'a role is deleted only when nobody holds it anywhere, also beyond the caller\'s reach').where(sql`t.role_id = ${role.id}`).count();
      if (held > 0) throw accessRules.field('input.id', 'notAssigned', `the role is still assigned ${held} time(s); unassign it first.`);
      if (!(await deleteRole(tx, role.id, input.version))) throw new ConflictError(`Role ${role.id} was changed by someone else. Reload and retry.`);
      await audit(tx, { action: 'access.role.delete', entityType: 'Role', entityId: role.id, changes: { code: role.code } });
      await accessChanged(tx, 'role');
      return true;
    });
  }

  /** Grants a declared permission to a custom role; nobody grants more than they hold. */
  async grant(ctx: RequestContext, input: GrantPermissionInput): Promise<Role> {
    return transaction(ctx, async (tx) => {
      const role = await this.custom(tx, input.roleId);
      if (!catalogOf(tx).some((p) => p.code === input.permission)) throw accessRules.field('input.permission', 'declared', `no enabled module declares ${input.permission}.`);
      if (!holdsRank(tx.principal, input.permission, input.scope)) {
        throw new ForbiddenError(`You cannot grant ${input.permission} with scope ${input.scope}: you do not hold it that widely.`, input.permission);
      }
      // The grant applies wherever the role is assigned: the caller must hold it that far at every one of those places.
      const beyond = (await anchorsOf(tx, role.id)).filter((anchor) => !holdsAt(tx.principal, input.permission, input.scope, anchor));
      if (beyond.length) {
        throw new ForbiddenError(`You cannot grant ${input.permission} with scope ${input.scope} to ${role.code}: it is assigned where you do not hold it that widely.`, input.permission);
      }
      const before = await grantToRole(tx, role.id, input.permission, input.scope);
      const updated = await this.grantsChanged(tx, role, { action: 'access.role.grant', changes: { [input.permission]: [before, input.scope] } });
      await accessChanged(tx, 'grant');
      return updated;
    });
  }

  async revoke(ctx: RequestContext, input: RevokePermissionInput): Promise<Role> {
    return transaction(ctx, async (tx) => {
      const role = await this.custom(tx, input.roleId);
      if (!holdsRank(tx.principal, input.permission, 'OWN_ORG')) throw new ForbiddenError(`You cannot revoke ${input.permission}: you do not hold it.`, input.permission);
      if (!(await revokeFromRole(tx, role.id, input.permission))) throw accessRules.field('input.permission', 'granted', `the role does not hold ${input.permission}.`);
      const updated = await this.grantsChanged(tx, role, { action: 'access.role.revoke', changes: { [input.permission]: ['granted', null] } });
      await accessChanged(tx, 'grant');
      return updated;
    });
  }

  /**
   * A custom role within the caller's reach for `access.role:write` (every place it is assigned,
   * everything it grants there), locked for the change; beyond reach answers like missing. System
   * roles follow the modules' declarations only. Locked first and checked within reach in a
   * statement of its own, so an assignment committed while it waited for the lock counts.
   */
  private async custom(tx: RequestContext, id: string): Promise<Role> {
    const role = await unscoped(tx, Roles, 'locked before its reach is checked (next statement), which then sees assignments committed meanwhile').lock(id);
    if (role.isSystem) throw accessRules.field('input.id', 'customRole', `${role.code} is a system role: its grants follow the modules' declarations. Create a custom role instead.`);
    if (!(await records(tx, Roles, AccessPermission.RoleWrite).exists(id))) throw new NotFoundError('Role', id);
    return role;
  }

  /** A grant change is a change of the role: its version moves so stale editors get CONFLICT, and it is audited as one. */
  private grantsChanged(tx: RequestContext, role: Role, change: { action: string; changes: Record<string, unknown> }): Promise<Role> {
    return updateRecord(tx, Role, 'Role', role, role.version, { updatedAt: () => 'now()' }, change);
  }
}

/** The organizations (id and path) where a role is assigned, wherever they are: a grant to it must be held at each. */
function anchorsOf(tx: RequestContext, roleId: string): Promise<OrganizationRef[]> {
  return unscoped(tx, Organizations, 'every place the role is assigned, also beyond the caller\'s reach: the grant must be held at each')
    .where(sql`t.id IN (SELECT ra.organization_id FROM role_assignment ra WHERE ra.role_id = ${roleId})`)
    .aggregate<{ id: string; path: string }>(sql`t.id AS "id", t.path::text AS "path"`);
}
