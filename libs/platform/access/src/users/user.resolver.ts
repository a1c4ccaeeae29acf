import { Arg, Args, Ctx, FieldResolver, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { Connection, PageArgs, RequirePermission, selectsField, type ConnectionResult, type RequestContext } from '@platform/core';
import { User } from './user.entity';
import { CreateUserInput, UpdateUserInput, UserListArgs } from './user.types';
import { UserService } from './user.service';
import type { RoleAssignment } from '../roles/role-assignment.entity';
import { RoleAssignmentConnection, assignmentPages } from '../roles/assignment.resolver';
import { AccessPermission } from '../permissions';

export const UserConnection = Connection(User, '用户');
const input = { description: '输入。The fields of the request.' };

@Resolver(() => User)
export class UserResolver {
  private readonly service = new UserService();

  @Query(() => UserConnection, { description: '用户列表。User accounts within your reach, by username unless ordered otherwise.' })
  @RequirePermission(AccessPermission.UserRead)
  users(@Ctx() ctx: RequestContext, @Args(() => UserListArgs) args: UserListArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<User>> {
    return this.service.list(ctx, args, selectsField(info, 'totalCount'));
  }

  @Mutation(() => User, { description: '新建用户。Creates an account (no roles yet: assign them with assignRole).' })
  @RequirePermission(AccessPermission.UserWrite)
  createUser(@Ctx() ctx: RequestContext, @Arg('input', () => CreateUserInput, input) data: CreateUserInput): Promise<User> {
    return this.service.create(ctx, data);
  }

  @Mutation(() => User, { description: '修改用户。Renames, disables or resets the password of an account; disabling or resetting ends its sessions.' })
  @RequirePermission(AccessPermission.UserWrite)
  updateUser(@Ctx() ctx: RequestContext, @Arg('input', () => UpdateUserInput, input) data: UpdateUserInput): Promise<User> {
    return this.service.update(ctx, data);
  }
}

@Resolver(() => User)
export class UserAssignmentsResolver {
  @FieldResolver(() => RoleAssignmentConnection, { description: '角色分配。The roles the account holds and where.' })
  assignments(@Ctx() ctx: RequestContext, @Root() user: User, @Args(() => PageArgs) page: PageArgs): Promise<ConnectionResult<RoleAssignment>> {
    return assignmentPages(ctx, page).load(user.id);
  }
}
