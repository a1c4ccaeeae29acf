import { ConflictError, containsPattern, createRecord, records, sentFields, sql, transaction, unscoped, updateRecord, whereChanged, type ConnectionResult, type Patch, type RequestContext } from '@platform/core';
import { Persons } from '@platform/directory';
import { AccountStatus, User } from './user.entity';
import { hashPassword } from './passwords';
import { accessChanged } from '../access-changed';
import { revokeSessionsOf } from './refresh-tokens.sql';
import { assertSuperAdminRemains } from '../roles/assignment.service';
import { homeOrganization } from '../roles/home-organization';
import { Users } from '../access.entities';
import { AccessPermission } from '../permissions';
import { UserOrder, type CreateUserInput, type UpdateUserInput, type UserListArgs } from './user.types';

export class UserService {
  /** The accounts within the caller's reach (see roles/reach.ts), by username unless ordered otherwise. */
  list(ctx: RequestContext, args: UserListArgs, withCount: boolean): Promise<ConnectionResult<User>> {
    const f = args.filter ?? {};
    let users = whereChanged(records(ctx, Users), f);
    if (f.search) {
      const q = containsPattern(f.search);
      users = users.where(sql`(t.username ILIKE ${q} OR t.display_name ILIKE ${q})`);
    }
    if (f.status) users = users.where(sql`t.status = ${f.status}`);
    return users.page({ keys: UserOrder.keys(args.orderBy), page: args, withCount });
  }

  /** A new account at a home organization within the caller's reach (no roles yet). */
  async create(ctx: RequestContext, input: CreateUserInput): Promise<User> {
    const passwordHash = await hashPassword(input.password);
    return transaction(ctx, async (tx) => {
      const home = await homeOrganization(tx, AccessPermission.UserWrite, input.organizationId, 'input.organizationId');
      if (input.personId) await records(tx, Persons).reference(input.personId, 'input.personId');
      const taken = await unscoped(tx, Users, 'usernames are unique among all accounts, those beyond the caller\'s reach too').where(sql`lower(t.username) = lower(${input.username})`).count();
      if (taken) throw new ConflictError(`The username ${input.username} is taken.`, { field: 'input.username' });
      return createRecord(
        tx,
        User,
        'User',
        { username: input.username.toLowerCase(), passwordHash, displayName: input.displayName, personId: input.personId ?? null, organizationId: home.id, status: AccountStatus.ACTIVE },
        { action: 'access.user.create', changes: (user) => ({ username: user.username, displayName: user.displayName, personId: user.personId, organizationId: home.id }) },
      );
    });
  }

  /** Changes an account within the caller's reach; disabling it or resetting the password ends its sessions. */
  async update(ctx: RequestContext, input: UpdateUserInput): Promise<User> {
    const passwordHash = input.password ? await hashPassword(input.password) : undefined;
    return transaction(ctx, async (tx) => {
      const current = await records(tx, Users, AccessPermission.UserWrite).lock(input.id);
      const patch: Patch<User> = sentFields(input, ['displayName', 'status']);
      if (input.organizationId !== undefined) patch.organizationId = (await homeOrganization(tx, AccessPermission.UserWrite, input.organizationId, 'input.organizationId')).id;
      if (passwordHash) {
        patch.passwordHash = passwordHash;
        patch.failedLogins = 0;
        patch.lockedUntil = null;
      }
      const changes: Record<string, unknown> = { ...(input.displayName !== undefined ? { displayName: [current.displayName, input.displayName] } : {}) };
      if (input.status !== undefined) changes['status'] = [current.status, input.status];
      if (patch.organizationId !== undefined) changes['organizationId'] = [current.organizationId, patch.organizationId];
      if (passwordHash) changes['password'] = '[reset]';
      const updated = await updateRecord(tx, User, 'User', current, input.version, patch, { action: 'access.user.update', changes });
      // Status, name and home organization are part of a cached principal (ended sessions announce themselves in endSessions).
      if (patch.status !== undefined || patch.displayName !== undefined || patch.organizationId !== undefined) await accessChanged(tx, 'account');
      if (patch.status === AccountStatus.DISABLED || passwordHash) await endSessions(tx, input.id);
      if (patch.status === AccountStatus.DISABLED) await assertSuperAdminRemains(tx);
      return updated;
    });
  }
}

/** Ends every session of the account (in the caller's transaction): its refresh tokens stop, and with them its access tokens (the principal cache is emptied at commit). */
export async function endSessions(ctx: RequestContext, userId: string): Promise<number> {
  const ended = await revokeSessionsOf(ctx, userId);
  if (ended) await accessChanged(ctx, 'session');
  return ended;
}
