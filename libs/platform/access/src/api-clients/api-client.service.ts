import { PrincipalKind, createRecord, demand, records, transaction, updateRecord, whereChanged, type ArchiveInput, type ConnectionResult, type RequestContext } from '@platform/core';
import { ApiClient } from './api-client.entity';
import { AccountStatus } from '../users/user.entity';
import { newApiKey, sha256 } from '../auth/tokens';
import { accessChanged } from '../access-changed';
import { ApiClientOrder, type ApiClientKey, type ApiClientListArgs, type CreateApiClientInput } from './api-client.types';
import { AssignmentService } from '../roles/assignment.service';
import { homeOrganization } from '../roles/home-organization';
import { ApiClients } from '../access.entities';
import { accessRules } from '../access.rules';
import { AccessPermission } from '../permissions';

const DAY = 86_400_000;

export class ApiClientService {
  /** The API clients within the caller's reach (see roles/reach.ts), newest first unless ordered otherwise. */
  list(ctx: RequestContext, args: ApiClientListArgs, withCount: boolean): Promise<ConnectionResult<ApiClient>> {
    return whereChanged(records(ctx, ApiClients), args.filter).page({ keys: ApiClientOrder.keys(args.orderBy), page: args, withCount });
  }

  async create(ctx: RequestContext, input: CreateApiClientInput): Promise<ApiClientKey> {
    const now = ctx.clock.now().getTime();
    const expiresAt = input.expiresAt ?? new Date(now + 365 * DAY);
    if (expiresAt.getTime() <= now || expiresAt.getTime() > now + 2 * 366 * DAY) {
      throw accessRules.field('input.expiresAt', 'range', 'must be in the future and at most two years ahead.');
    }
    return transaction(ctx, async (tx) => {
      const home = await homeOrganization(tx, AccessPermission.ApiClientWrite, input.organizationId, 'input.organizationId');
      const { key, prefix } = newApiKey();
      const client = await createRecord(
        tx,
        ApiClient,
        'ApiClient',
        { name: input.name, keyPrefix: prefix, keyHash: sha256(key), status: AccountStatus.ACTIVE, expiresAt, lastUsedAt: null, organizationId: home.id },
        { action: 'access.api-client.create', changes: { name: input.name, keyPrefix: prefix, expiresAt, organizationId: home.id } },
      );
      if (input.roleId) {
        demand(tx.principal, AccessPermission.RoleAssign);
        await new AssignmentService().assign(tx, { principalKind: PrincipalKind.API_CLIENT, principalId: client.id, roleId: input.roleId, organizationId: home.id });
      }
      return { apiClient: client, key };
    });
  }

  /** A new key for a client within the caller's reach; the old one stops working at once. */
  async rotate(ctx: RequestContext, input: ArchiveInput): Promise<ApiClientKey> {
    return transaction(ctx, async (tx) => {
      const current = await records(tx, ApiClients, AccessPermission.ApiClientWrite).lock(input.id);
      const { key, prefix } = newApiKey();
      const client = await updateRecord(tx, ApiClient, 'ApiClient', current, input.version, { keyPrefix: prefix, keyHash: sha256(key) }, { action: 'access.api-client.rotate', changes: { keyPrefix: prefix } });
      await accessChanged(tx, 'api-client');
      return { apiClient: client, key };
    });
  }

  /** Disables a client within the caller's reach; its key stops working at once. */
  async revoke(ctx: RequestContext, input: ArchiveInput): Promise<ApiClient> {
    return transaction(ctx, async (tx) => {
      const current = await records(tx, ApiClients, AccessPermission.ApiClientWrite).lock(input.id);
      const client = await updateRecord(tx, ApiClient, 'ApiClient', current, input.version, { status: AccountStatus.DISABLED }, { action: 'access.api-client.revoke', changes: {} });
      await accessChanged(tx, 'api-client');
      return client;
    });
  }
}
