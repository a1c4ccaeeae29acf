import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Connection, PUBLIC_OPERATION, PageArgs, RequirePermission, demand, records, type ConnectionResult, type RequestContext } from '@platform/core';
import { AuthPayload, EffectivePermission, LoginInput, RefreshTokenArgs, Viewer } from './auth.types';
import type { AuthService } from './auth.service';
import type { PrincipalLoader } from './principal-loader';
import { EffectivePermissionsArgs } from '../roles/role.types';
import { EffectivePermissionOrder, filterEffectivePermissions } from '../roles/role-lists.types';
import { AccessPermission } from '../permissions';
import { principalsOf, type PrincipalKind } from '../access.entities';

const auth = (ctx: RequestContext) => ctx.service<AuthService>('access.auth');

export const EffectivePermissionConnection = Connection(EffectivePermission, '有效权限');

@Resolver(() => Viewer)
export class AuthResolver {
  @Mutation(() => AuthPayload, { description: '登录。Signs in with username and password; five wrong passwords in a row lock the account for 15 minutes.' })
  @RequirePermission(PUBLIC_OPERATION)
  login(@Ctx() ctx: RequestContext, @Arg('input', () => LoginInput, { description: '输入。Username and password.' }) input: LoginInput): Promise<AuthPayload> {
    return auth(ctx).login(ctx, input);
  }

  @Mutation(() => AuthPayload, { description: '刷新会话。Exchanges a refresh token for a new access and refresh token.' })
  @RequirePermission(PUBLIC_OPERATION)
  refreshSession(@Ctx() ctx: RequestContext, @Args(() => RefreshTokenArgs) args: RefreshTokenArgs): Promise<AuthPayload> {
    return auth(ctx).refresh(ctx, args.refreshToken);
  }

  @Mutation(() => Boolean, { description: '退出登录。Ends the session of a refresh token; its access tokens stop working at once. False when it was already ended.' })
  @RequirePermission(PUBLIC_OPERATION)
  logout(@Ctx() ctx: RequestContext, @Args(() => RefreshTokenArgs) args: RefreshTokenArgs): Promise<boolean> {
    return auth(ctx).logout(ctx, args.refreshToken);
  }

  @Query(() => Viewer, { description: '当前调用者。Who this request acts as (anonymous when no credentials were sent) and every permission it holds.' })
  @RequirePermission(PUBLIC_OPERATION)
  viewer(@Ctx() ctx: RequestContext): Viewer {
    const p = ctx.principal;
    return {
      kind: p.kind,
      id: p.id,
      displayName: p.displayName,
      roles: [...p.roles],
      grants: [...p.grants]
        .flatMap(([permission, grants]) => grants.map((g) => ({ permission, scope: g.scope, organizationId: g.organizationId })))
        .sort((a, b) => a.permission.localeCompare(b.permission)),
    };
  }

  @Query(() => EffectivePermissionConnection, { description: '有效权限。What a user or API client within your reach may do: the permissions it holds through its roles, with scope and anchor, by permission code unless ordered otherwise (empty for one beyond your reach, as for one that does not exist).' })
  @RequirePermission(AccessPermission.UserRead)
  async effectivePermissions(@Ctx() ctx: RequestContext, @Args(() => EffectivePermissionsArgs) args: EffectivePermissionsArgs): Promise<ConnectionResult<EffectivePermission>> {
    const kind = args.principalKind as PrincipalKind;
    const permission = kind === 'user' ? AccessPermission.UserRead : AccessPermission.ApiClientRead;
    demand(ctx.principal, permission);
    // Beyond the caller's reach answers like a principal that does not exist: no grants.
    const visible = await records(ctx, principalsOf(kind), permission).exists(args.principalId);
    const grants = visible ? await ctx.service<PrincipalLoader>('access.principals').grantsOf(kind, args.principalId) : [];
    return EffectivePermissionOrder.page(filterEffectivePermissions(grants, args.filter), args.orderBy, args);
  }

  @FieldResolver(() => EffectivePermissionConnection, { description: '有效权限。Every permission held, one entry per grant, by code.' })
  permissions(@Root() viewer: Viewer, @Args(() => PageArgs) page: PageArgs): ConnectionResult<EffectivePermission> {
    return EffectivePermissionOrder.page(viewer.grants, null, page);
  }
}
