import { ArgsType, Field, InputType } from 'type-graphql';
import { IsEnum, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { FilterField, ListFilter, OrderByField, PageArgs, SortDirection, UUIDScalar, UnlessOmitted, Untrimmed, Versioned, defineOrder, type OrderInput } from '@platform/core';
import { AccountStatus } from './user.entity';
import { PASSWORD_PATTERN, PASSWORD_RULE } from './passwords';

@InputType({ description: '新建用户输入。A new user account.' })
export class CreateUserInput {
  @Field({ description: '用户名。3–40 letters, digits, dots, hyphens or underscores; unique regardless of case.' })
  @Matches(/^[A-Za-z0-9._-]{3,40}$/, { message: 'username must be 3–40 letters, digits, dots, hyphens or underscores' })
  username: string;

  @Field({ description: `初始密码。${PASSWORD_RULE}.` })
  @Matches(PASSWORD_PATTERN, { message: `password must be ${PASSWORD_RULE}` })
  @Untrimmed()
  password: string;

  @Field({ description: '显示名。Name shown in apps and the audit log.' })
  @IsString()
  @Length(1, 60)
  displayName: string;

  @Field(() => UUIDScalar, { nullable: true, description: '人员标识。The directory person the account belongs to.' })
  @IsOptional()
  @IsUUID()
  personId?: string | null;

  @Field(() => UUIDScalar, { nullable: true, description: '所属组织。The organization the account belongs to, within your reach; the town government when omitted (only for administrators of the whole town).' })
  @IsOptional()
  @IsUUID()
  organizationId?: string | null;
}

@InputType({ description: '用户信息。Changeable fields of an account.' })
export class UserDetailsInput {
  @Field(() => String, { nullable: true, description: '显示名。New display name.' })
  @IsOptional()
  @Length(1, 60)
  displayName?: string;

  @Field(() => AccountStatus, { nullable: true, description: '状态。DISABLED ends every session at once.' })
  @IsOptional()
  @IsEnum(AccountStatus)
  status?: AccountStatus;

  @Field(() => UUIDScalar, { nullable: true, description: '所属组织。Moves the account to another organization within your reach.' })
  @UnlessOmitted()
  @IsUUID()
  organizationId?: string;

  @Field(() => String, { nullable: true, description: `新密码。Resets the password (${PASSWORD_RULE}) and ends every session.` })
  @IsOptional()
  @Matches(PASSWORD_PATTERN, { message: `password must be ${PASSWORD_RULE}` })
  @Untrimmed()
  password?: string;
}

@InputType({ description: '修改用户输入。Changes to an account.' })
export class UpdateUserInput extends Versioned(UserDetailsInput) {}

@InputType({ description: '用户筛选。Filters for the user list.' })
export class UserFilter extends ListFilter {
  @Field(() => String, { nullable: true, description: '关键词。Text in the username or display name.' })
  @IsOptional()
  @Length(1, 60)
  search?: string;

  @Field(() => AccountStatus, { nullable: true, description: '状态。Only accounts with this status.' })
  @IsOptional()
  @IsEnum(AccountStatus)
  status?: AccountStatus;
}

/** `orderBy` of `users`. */
export const UserOrder = defineOrder(
  'User',
  '用户',
  {
    // Unique regardless of case, so unique as stored.
    USERNAME: { column: 't.username', description: '用户名。By username.', unique: true },
    DISPLAY_NAME: { column: 't.display_name', description: '显示名。By display name (Unicode code point order).' },
    LAST_LOGIN_AT: { column: 't.last_login_at', description: '上次登录。By the last successful sign-in; never signed in sorts last ascending, first descending.' },
    CREATED_AT: { column: 't.created_at', description: '创建时间。By when the account was created.' },
    UPDATED_AT: { column: 't.updated_at', description: '更新时间。By when the account last changed.' },
  },
  [{ column: 't.username', direction: SortDirection.ASC }],
);

@ArgsType()
export class UserListArgs extends PageArgs {
  @FilterField(() => UserFilter, '筛选条件。Which accounts to list.')
  filter?: UserFilter;

  @OrderByField(UserOrder, 'by username')
  orderBy?: OrderInput<keyof typeof UserOrder.Field>[];
}
