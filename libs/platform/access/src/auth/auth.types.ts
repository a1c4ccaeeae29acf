import { ArgsType, Field, InputType, ObjectType } from 'type-graphql';
import { IsString, Length } from 'class-validator';
import { DateTimeScalar, PrincipalKind, UUIDScalar, Untrimmed, type Principal } from '@platform/core';
import { User } from '../users/user.entity';

@InputType({ description: '登录输入。Username and password.' })
export class LoginInput {
  @Field({ description: '用户名。Login name (case-insensitive).' })
  @IsString()
  @Length(1, 60)
  username: string;

  @Field({ description: '密码。The password.' })
  @IsString()
  @Length(1, 128)
  @Untrimmed()
  password: string;
}

@ArgsType()
export class RefreshTokenArgs {
  @Field({ description: '刷新令牌。The refresh token from login or the last refresh.' })
  @IsString()
  @Length(10, 200)
  refreshToken: string;
}

@ObjectType({ description: '登录凭证。Tokens of a session: send the access token as `Authorization: Bearer …`; exchange the refresh token for new ones before it expires.' })
export class AuthPayload {
  @Field({ description: '访问令牌。Short-lived (15 minutes) bearer token for every request.' })
  accessToken: string;

  @Field(() => DateTimeScalar, { description: '访问令牌到期。When the access token expires.' })
  accessTokenExpiresAt: Date;

  @Field({ description: '刷新令牌。Single-use token for `refreshSession` (14 days); a reused one ends the session.' })
  refreshToken: string;

  @Field(() => DateTimeScalar, { description: '刷新令牌到期。When the refresh token expires.' })
  refreshTokenExpiresAt: Date;

  @Field(() => User, { description: '用户。The signed-in account.' })
  user: User;
}

@ObjectType({ description: '有效权限。One permission the caller holds, with its reach.' })
export class EffectivePermission {
  @Field({ description: '权限代码。Permission code, e.g. directory.organization:read.' })
  permission: string;

  @Field({ description: '范围。ALL, ORG_SUBTREE or OWN_ORG.' })
  scope: string;

  @Field(() => UUIDScalar, { nullable: true, description: '锚点组织。The organization the scope starts from; null for ALL.' })
  organizationId: string | null;
}

@ObjectType({ description: '当前调用者。Who the current request acts as, and what it may do.' })
export class Viewer {
  @Field(() => PrincipalKind, { description: '类型。ANONYMOUS without credentials, else USER or API_CLIENT.' })
  kind: Principal['kind'];

  @Field(() => UUIDScalar, { nullable: true, description: '标识。User or API client id; null when anonymous.' })
  id: string | null;

  @Field({ description: '名称。Display name.' })
  displayName: string;

  @Field(() => [String], { description: '角色。Codes of the roles held.' })
  roles: string[];

  /** Every grant held; exposed as a connection by the resolver. */
  grants: EffectivePermission[];
}
