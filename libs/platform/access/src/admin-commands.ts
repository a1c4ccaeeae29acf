import { PrincipalKind, SortDirection, sql, transaction, unscoped, validateInput, type RequestContext } from '@platform/core';
import { CreateUserInput } from './users/user.types';
import { CreateApiClientInput } from './api-clients/api-client.types';
import { UserService } from './users/user.service';
import { ApiClientService } from './api-clients/api-client.service';
import { AssignmentService } from './roles/assignment.service';
import type { User } from './users/user.entity';
import type { ApiClientKey } from './api-clients/api-client.types';
import { homeOrganization } from './roles/home-organization';
import { AccessPermission } from './permissions';
import { Roles } from './access.entities';
import { accessRules } from './access.rules';

/** Where a command puts the account and its role: the town government (the root) unless told otherwise. */
async function anchorAndRole(ctx: RequestContext, roleCode: string, organizationId?: string): Promise<{ roleId: string; organizationId: string }> {
  const [role] = await unscoped(ctx, Roles, 'command-line and bootstrap use, run by the operator as the system')
    .where(sql`t.code = ${roleCode}`)
    .list({ keys: [{ column: 't.code', direction: SortDirection.ASC }], limit: 1 });
  if (!role) throw accessRules.field('role', 'exists', `no role ${roleCode}.`);
  return { roleId: role.id, organizationId: (await homeOrganization(ctx, AccessPermission.UserWrite, organizationId, 'organization')).id };
}

/** Command-line and bootstrap use: a user with one role, in one transaction. */
export async function createUserWithRole(
  ctx: RequestContext,
  input: { username: string; password: string; displayName: string; roleCode: string; organizationId?: string },
): Promise<User> {
  // The rules of createUser's input (username pattern, password strength, name length) hold here too.
  const checked = await validateInput(CreateUserInput, { username: input.username, password: input.password, displayName: input.displayName });
  return transaction(ctx, async (tx) => {
    const target = await anchorAndRole(tx, input.roleCode, input.organizationId);
    const user = await new UserService().create(tx, { username: checked.username, password: checked.password, displayName: checked.displayName, organizationId: target.organizationId });
    await new AssignmentService().assign(tx, { principalKind: PrincipalKind.USER, principalId: user.id, ...target });
    return user;
  });
}

/** Command-line use: an API client with one role; the key is returned once. */
export async function createApiClientWithRole(ctx: RequestContext, input: { name: string; roleCode: string; organizationId?: string; expiresAt?: Date }): Promise<ApiClientKey> {
  // The rules of createApiClient's input (name length, expiry) hold here too.
  const checked = await validateInput(CreateApiClientInput, { name: input.name, expiresAt: input.expiresAt });
  return transaction(ctx, async (tx) => new ApiClientService().create(tx, { name: checked.name, expiresAt: checked.expiresAt, ...(await anchorAndRole(tx, input.roleCode, input.organizationId)) }));
}
