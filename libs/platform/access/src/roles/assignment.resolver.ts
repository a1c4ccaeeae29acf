import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { Connection, RequirePermission, SortDirection, UUIDScalar, unscoped, type ConnectionResult, type PageRequest, type RequestContext } from '@platform/core';
import type DataLoader from 'dataloader';
import { RoleAssignment } from './role-assignment.entity';
import { Role } from './role.entity';
import { AssignRoleInput } from './role.types';
import { AssignmentService } from './assignment.service';
import { roleById } from './role.service';
import { AccessPermission } from '../permissions';
import { RoleAssignments } from '../access.entities';

export const RoleAssignmentConnection = Connection(RoleAssignment, '角色分配');

/**
 * Current assignments per user or API client, one statement per request level. They go with the
 * account or client the caller was given (listed within its reach, its own at sign-in, or one it just
 * created or changed), so they are read through it rather than checked again.
 */
export function assignmentPages(ctx: RequestContext, page: PageRequest): DataLoader<string, ConnectionResult<RoleAssignment>> {
  return ctx.loaders.get('access.assignments.byPrincipal', page, async (ids: readonly string[]) => {
    const pages = await unscoped(ctx, RoleAssignments, 'the assignments of an account or client the caller was given go with it').byParent('principal_id', ids, {
      keys: [
        { column: 't.created_at', direction: SortDirection.ASC },
        { column: 't.id', direction: SortDirection.ASC },
      ],
      page,
    });
    return ids.map((id) => pages.get(id)!);
  });
}

const input = { description: '输入。The fields of the request.' };

@Resolver(() => RoleAssignment)
export class AssignmentResolver {
  private readonly service = new AssignmentService();

  @Mutation(() => RoleAssignment, { description: '分配角色。Gives a user or API client a role at an organization; you cannot give more than you hold there.' })
  @RequirePermission(AccessPermission.RoleAssign)
  assignRole(@Ctx() ctx: RequestContext, @Arg('input', () => AssignRoleInput, input) data: AssignRoleInput): Promise<RoleAssignment> {
    return this.service.assign(ctx, data);
  }

  @Mutation(() => Boolean, { description: '取消角色。Removes an assignment; the last active super admin cannot be removed.' })
  @RequirePermission(AccessPermission.RoleAssign)
  unassignRole(@Ctx() ctx: RequestContext, @Arg('id', () => UUIDScalar, { description: '分配标识。The assignment.' }) id: string): Promise<boolean> {
    return this.service.unassign(ctx, id);
  }

  @FieldResolver(() => Role, { description: '角色。The role assigned.' })
  async role(@Ctx() ctx: RequestContext, @Root() a: RoleAssignment): Promise<Role> {
    return (await roleById(ctx).load(a.roleId))!;
  }
}
