import { ConflictError, SortDirection, audit, containsPattern, modifyReturning, paginate, transaction, updateWithVersion, type ConnectionResult, type RequestContext } from '@platform/core';
import { AccountStatus, User } from './user.entity';
import { hashPassword } from '../auth/passwords';
import { accessChanged } from '../auth/access-changed';
import { assertSuperAdminRemains } from '../roles/assignment.service';
import { governedPrincipalForUpdate, governedPrincipals } from '../roles/governed';
import { homeOrganization } from '../roles/home-organization';
import { assertReadablePerson } from '@platform/directory';
import { AccessPermission } from '../permissions';
import type { CreateUserInput, UpdateUserInput, UserListArgs } from './user.types';

export class UserService {
  list(ctx: RequestContext, args: UserListArgs, withCount: boolean): Promise<ConnectionResult<User>> {
    const qb = governedPrincipals(ctx, 'user', AccessPermission.UserRead, 'u');
    if (args.filter?.search) qb.andWhere('(u.username ILIKE :q OR u.display_name ILIKE :q)', { q: containsPattern(args.filter.search) });
    if (args.filter?.status) qb.andWhere('u.status = :status', { status: args.filter.status });
    return paginate(qb, args, [{ column: 'u.username', direction: SortDirection.ASC }], withCount);
  }

  async create(ctx: RequestContext, input: CreateUserInput): Promise<User> {
    const passwordHash = await hashPassword(input.password);
    return transaction(ctx, async (tx) => {
      const home = await homeOrganization(tx, AccessPermission.UserWrite, input.organizationId, 'input.organizationId');
      if (input.personId) await assertReadablePerson(tx, input.personId, 'input.personId');
      const taken = await tx.manager.createQueryBuilder(User, 'u').where('lower(u.username) = lower(:n)', { n: input.username }).getExists();
      if (taken) throw new ConflictError(`The username ${input.username} is taken.`, { field: 'input.username' });
      const user = await tx.manager.save(
        tx.manager.create(User, { username: input.username.toLowerCase(), passwordHash, displayName: input.displayName, personId: input.personId ?? null, organizationId: home.id, status: AccountStatus.ACTIVE }),
      );
      await audit(tx, { action: 'access.user.create', entityType: 'User', entityId: user.id, changes: { username: user.username, displayName: user.displayName, personId: user.personId, organizationId: home.id } });
      return user;
    });
  }

  /** Changes an account within the caller's reach; disabling it or resetting the password ends its sessions. */
  async update(ctx: RequestContext, input: UpdateUserInput): Promise<User> {
    const passwordHash = input.password ? await hashPassword(input.password) : undefined;
    return transaction(ctx, async (tx) => {
      const current = await governedPrincipalForUpdate(tx, 'user', input.id, AccessPermission.UserWrite);
      const patch: Partial<User> = {};
      if (input.displayName !== undefined) patch.displayName = input.displayName;
      if (input.status !== undefined) patch.status = input.status;
      if (input.organizationId !== undefined) patch.organizationId = (await homeOrganization(tx, AccessPermission.UserWrite, input.organizationId, 'input.organizationId')).id;
      if (passwordHash) Object.assign(patch, { passwordHash, failedLogins: 0, lockedUntil: null });
      const updated = await updateWithVersion(tx, User, 'User', input.id, input.version, patch);
      // Status and name are part of a cached principal (ended sessions announce themselves in endSessions).
      if (patch.status !== undefined || patch.displayName !== undefined) await accessChanged(tx, 'account');
      if (patch.status === AccountStatus.DISABLED || passwordHash) await endSessions(tx, input.id);
      if (patch.status === AccountStatus.DISABLED) await assertSuperAdminRemains(tx);
      const changes: Record<string, unknown> = { ...(input.displayName !== undefined ? { displayName: [current.displayName, input.displayName] } : {}) };
      if (input.status !== undefined) changes['status'] = [current.status, input.status];
      if (patch.organizationId !== undefined) changes['organizationId'] = [current.organizationId, patch.organizationId];
      if (passwordHash) changes['password'] = '[reset]';
      await audit(tx, { action: 'access.user.update', entityType: 'User', entityId: input.id, changes });
      return updated;
    });
  }
}

/** Ends every session of the account (in the caller's transaction): its refresh tokens stop, and with them its access tokens (the principal cache is emptied at commit). */
export async function endSessions(ctx: RequestContext, userId: string): Promise<number> {
  const ended = (await modifyReturning(ctx.manager, `UPDATE refresh_token SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL RETURNING id`, [userId])).length;
  if (ended) await accessChanged(ctx, 'session');
  return ended;
}
