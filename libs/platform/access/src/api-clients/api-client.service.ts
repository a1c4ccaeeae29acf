import { BadUserInputError, SortDirection, audit, demand, paginate, transaction, updateWithVersion, type ArchiveInput, type ConnectionResult, type PageRequest, type RequestContext } from '@platform/core';
import { ApiClient } from './api-client.entity';
import { AccountStatus } from '../users/user.entity';
import { newApiKey, sha256 } from '../auth/tokens';
import { accessChanged } from '../auth/access-changed';
import type { ApiClientKey, CreateApiClientInput } from './api-client.types';
import { AssignmentService } from '../roles/assignment.service';
import { PrincipalKindValue } from '../roles/role.types';
import { governedPrincipalForUpdate, governedPrincipals } from '../roles/governed';
import { homeOrganization } from '../roles/home-organization';
import { AccessPermission } from '../permissions';

const DAY = 86_400_000;

export class ApiClientService {
  /** The API clients within the caller's reach (see roles/reach.ts), newest first. */
  list(ctx: RequestContext, page: PageRequest, withCount: boolean): Promise<ConnectionResult<ApiClient>> {
    return paginate(governedPrincipals(ctx, 'api-client', AccessPermission.ApiClientRead, 'c'), page, [
      { column: 'c.created_at', direction: SortDirection.DESC },
      { column: 'c.id', direction: SortDirection.DESC },
    ], withCount);
  }

  async create(ctx: RequestContext, input: CreateApiClientInput): Promise<ApiClientKey> {
    const expiresAt = input.expiresAt ?? new Date(Date.now() + 365 * DAY);
    if (expiresAt.getTime() <= Date.now() || expiresAt.getTime() > Date.now() + 2 * 366 * DAY) {
      throw BadUserInputError.field('input.expiresAt', 'range', 'must be in the future and at most two years ahead.');
    }
    return transaction(ctx, async (tx) => {
      const home = await homeOrganization(tx, AccessPermission.ApiClientWrite, input.organizationId, 'input.organizationId');
      const { key, prefix } = newApiKey();
      const client = await tx.manager.save(
        tx.manager.create(ApiClient, { name: input.name, keyPrefix: prefix, keyHash: sha256(key), status: AccountStatus.ACTIVE, expiresAt, lastUsedAt: null, organizationId: home.id }),
      );
      await audit(tx, { action: 'access.api-client.create', entityType: 'ApiClient', entityId: client.id, changes: { name: input.name, keyPrefix: prefix, expiresAt, organizationId: home.id } });
      if (input.roleId) {
        demand(tx.principal, AccessPermission.RoleAssign);
        await new AssignmentService().assign(tx, { principalKind: PrincipalKindValue.API_CLIENT, principalId: client.id, roleId: input.roleId, organizationId: home.id });
      }
      return { apiClient: client, key };
    });
  }

  /** A new key for a client within the caller's reach; the old one stops working at once. */
  async rotate(ctx: RequestContext, input: ArchiveInput): Promise<ApiClientKey> {
    return transaction(ctx, async (tx) => {
      await governedPrincipalForUpdate(tx, 'api-client', input.id, AccessPermission.ApiClientWrite);
      const { key, prefix } = newApiKey();
      const client = await updateWithVersion(tx, ApiClient, 'ApiClient', input.id, input.version, { keyPrefix: prefix, keyHash: sha256(key) });
      await audit(tx, { action: 'access.api-client.rotate', entityType: 'ApiClient', entityId: client.id, changes: { keyPrefix: prefix } });
      await accessChanged(tx, 'api-client');
      return { apiClient: client, key };
    });
  }

  /** Disables a client within the caller's reach; its key stops working at once. */
  async revoke(ctx: RequestContext, input: ArchiveInput): Promise<ApiClient> {
    return transaction(ctx, async (tx) => {
      await governedPrincipalForUpdate(tx, 'api-client', input.id, AccessPermission.ApiClientWrite);
      const client = await updateWithVersion(tx, ApiClient, 'ApiClient', input.id, input.version, { status: AccountStatus.DISABLED });
      await audit(tx, { action: 'access.api-client.revoke', entityType: 'ApiClient', entityId: client.id });
      await accessChanged(tx, 'api-client');
      return client;
    });
  }
}
