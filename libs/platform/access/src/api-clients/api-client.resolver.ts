import { Arg, Args, Ctx, FieldResolver, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { ArchiveInput, Connection, PageArgs, RequirePermission, selectsField, type ConnectionResult, type RequestContext } from '@platform/core';
import { ApiClient } from './api-client.entity';
import { ApiClientKey, ApiClientListArgs, CreateApiClientInput } from './api-client.types';
import { ApiClientService } from './api-client.service';
import type { RoleAssignment } from '../roles/role-assignment.entity';
import { RoleAssignmentConnection, assignmentPages } from '../roles/assignment.resolver';
import { AccessPermission } from '../permissions';

export const ApiClientConnection = Connection(ApiClient, '接口客户端');
const input = { description: '输入。The fields of the request.' };

@Resolver(() => ApiClient)
export class ApiClientResolver {
  private readonly service = new ApiClientService();

  @Query(() => ApiClientConnection, { description: '接口客户端列表。API clients, newest first unless ordered otherwise.' })
  @RequirePermission(AccessPermission.ApiClientRead)
  apiClients(@Ctx() ctx: RequestContext, @Args(() => ApiClientListArgs) args: ApiClientListArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<ApiClient>> {
    return this.service.list(ctx, args, selectsField(info, 'totalCount'));
  }

  @Mutation(() => ApiClientKey, { description: '新建接口客户端。Creates an API client and returns its key once; assign it roles with assignRole.' })
  @RequirePermission(AccessPermission.ApiClientWrite)
  createApiClient(@Ctx() ctx: RequestContext, @Arg('input', () => CreateApiClientInput, input) data: CreateApiClientInput): Promise<ApiClientKey> {
    return this.service.create(ctx, data);
  }

  @Mutation(() => ApiClientKey, { description: '更换密钥。Issues a new key (returned once); the old key stops working at once.' })
  @RequirePermission(AccessPermission.ApiClientWrite)
  rotateApiClientKey(@Ctx() ctx: RequestContext, @Arg('input', () => ArchiveInput, input) data: ArchiveInput): Promise<ApiClientKey> {
    return this.service.rotate(ctx, data);
  }

  @Mutation(() => ApiClient, { description: '吊销接口客户端。Disables the client; its key stops working at once.' })
  @RequirePermission(AccessPermission.ApiClientWrite)
  revokeApiClient(@Ctx() ctx: RequestContext, @Arg('input', () => ArchiveInput, input) data: ArchiveInput): Promise<ApiClient> {
    return this.service.revoke(ctx, data);
  }
}

@Resolver(() => ApiClient)
export class ApiClientAssignmentsResolver {
  @FieldResolver(() => RoleAssignmentConnection, { description: '角色分配。The roles the client holds and where.' })
  assignments(@Ctx() ctx: RequestContext, @Root() client: ApiClient, @Args(() => PageArgs) page: PageArgs): Promise<ConnectionResult<RoleAssignment>> {
    return assignmentPages(ctx, page).load(client.id);
  }
}
