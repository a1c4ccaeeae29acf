import { Arg, Args, Ctx, FieldResolver, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { ArchiveInput, Connection, PageArgs, RequirePermission, paginateList, selectsField, type ConnectionResult, type RequestContext } from '@platform/core';
import { Role } from './role.entity';
import { CreateRoleInput, GrantPermissionInput, PermissionInfo, RevokePermissionInput, RoleGrant, UpdateRoleInput, type GrantScopeValue } from './role.types';
import { PermissionListArgs, PermissionOrder, RoleListArgs, filterPermissions } from './role-lists.types';
import { RoleService, catalogOf, grantsByRole } from './role.service';
import { AccessPermission } from '../permissions';

export const RoleConnection = Connection(Role, '角色');
export const PermissionInfoConnection = Connection(PermissionInfo, '权限');
export const RoleGrantConnection = Connection(RoleGrant, '授权');

const input = { description: '输入。The fields of the request.' };

@Resolver(() => Role)
export class RoleResolver {
  private readonly service = new RoleService();

  @Query(() => PermissionInfoConnection, { description: '权限目录。The permissions the enabled modules declare, filtered, by code unless ordered otherwise.' })
  @RequirePermission(AccessPermission.RoleRead)
  permissions(@Ctx() ctx: RequestContext, @Args(() => PermissionListArgs) args: PermissionListArgs): ConnectionResult<PermissionInfo> {
    return PermissionOrder.page(filterPermissions(catalogOf(ctx), args.filter), args.orderBy, args);
  }

  @Query(() => RoleConnection, { description: '角色列表。System and custom roles, by code unless ordered otherwise.' })
  @RequirePermission(AccessPermission.RoleRead)
  roles(@Ctx() ctx: RequestContext, @Args(() => RoleListArgs) args: RoleListArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<Role>> {
    return this.service.list(ctx, args, selectsField(info, 'totalCount'));
  }

  @Mutation(() => Role, { description: '新建角色。Creates a custom role without permissions; grant them next.' })
  @RequirePermission(AccessPermission.RoleWrite)
  createRole(@Ctx() ctx: RequestContext, @Arg('input', () => CreateRoleInput, input) data: CreateRoleInput): Promise<Role> {
    return this.service.create(ctx, data);
  }

  @Mutation(() => Role, { description: '修改角色。Renames or re-describes a custom role.' })
  @RequirePermission(AccessPermission.RoleWrite)
  updateRole(@Ctx() ctx: RequestContext, @Arg('input', () => UpdateRoleInput, input) data: UpdateRoleInput): Promise<Role> {
    return this.service.update(ctx, data);
  }

  @Mutation(() => Boolean, { description: '删除角色。Deletes a custom role nobody holds any more.' })
  @RequirePermission(AccessPermission.RoleWrite)
  deleteRole(@Ctx() ctx: RequestContext, @Arg('input', () => ArchiveInput, input) data: ArchiveInput): Promise<boolean> {
    return this.service.delete(ctx, data);
  }

  @Mutation(() => Role, { description: '授予权限。Grants a permission to a custom role; you cannot grant more than you hold. Applies to the next request of every holder.' })
  @RequirePermission(AccessPermission.RoleWrite)
  grantPermission(@Ctx() ctx: RequestContext, @Arg('input', () => GrantPermissionInput, input) data: GrantPermissionInput): Promise<Role> {
    return this.service.grant(ctx, data);
  }

  @Mutation(() => Role, { description: '收回权限。Takes a permission from a custom role; applies to the next request of every holder.' })
  @RequirePermission(AccessPermission.RoleWrite)
  revokePermission(@Ctx() ctx: RequestContext, @Arg('input', () => RevokePermissionInput, input) data: RevokePermissionInput): Promise<Role> {
    return this.service.revoke(ctx, data);
  }

  @FieldResolver(() => RoleGrantConnection, { description: '授权。The permissions the role holds, by code.' })
  async grants(@Ctx() ctx: RequestContext, @Root() role: Role, @Args(() => PageArgs) page: PageArgs): Promise<ConnectionResult<RoleGrant>> {
    const grants = (await grantsByRole(ctx).load(role.id)).map((g) => ({ permission: g.permission, scope: g.scope as unknown as GrantScopeValue }));
    return paginateList(grants, page, (g) => g.permission);
  }
}
