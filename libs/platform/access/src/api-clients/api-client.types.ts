import { ArgsType, Field, InputType, ObjectType } from 'type-graphql';
import { IsDate, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { FilterField, DateTimeScalar, ListFilter, OrderByField, PageArgs, SortDirection, UUIDScalar, defineOrder, type OrderInput } from '@platform/core';
import { ApiClient } from './api-client.entity';

@InputType({ description: '新建接口客户端输入。Another system that will call with an API key.' })
export class CreateApiClientInput {
  @Field({ description: '名称。Which system, e.g. 区应急管理局指挥平台.' })
  @IsString()
  @Length(1, 100)
  name: string;

  @Field(() => DateTimeScalar, { nullable: true, description: '到期时间。When the key stops working: default one year, at most two years ahead.' })
  @IsOptional()
  @IsDate()
  expiresAt?: Date;

  @Field(() => UUIDScalar, { nullable: true, description: '角色标识。A role to give the client at once, at its organization, e.g. integration-readonly.' })
  @IsOptional()
  @IsUUID()
  roleId?: string;

  @Field(() => UUIDScalar, { nullable: true, description: '所属组织。The organization the client belongs to (within your reach), and where roleId applies from; the town government when omitted (only for administrators of the whole town).' })
  @IsOptional()
  @IsUUID()
  organizationId?: string;
}

@ObjectType({ description: '接口密钥。A new API key: shown this once, stored only as a hash. Send it as X-Api-Key or Authorization: Bearer.' })
export class ApiClientKey {
  @Field(() => ApiClient, { description: '客户端。The API client.' })
  apiClient: ApiClient;

  @Field({ description: '密钥。The key itself; keep it secret, it cannot be shown again.' })
  key: string;
}

@InputType({ description: '接口客户端筛选。Filters for the API client list.' })
export class ApiClientFilter extends ListFilter {}

/** `orderBy` of `apiClients`. */
export const ApiClientOrder = defineOrder(
  'ApiClient',
  '接口客户端',
  {
    NAME: { column: 't.name', description: '名称。By name (Unicode code point order).' },
    EXPIRES_AT: { column: 't.expires_at', description: '到期时间。By when the key stops working.' },
    LAST_USED_AT: { column: 't.last_used_at', description: '最近使用。By when the key was last used; never used sorts last ascending, first descending.' },
    CREATED_AT: { column: 't.created_at', description: '创建时间。By when the client was created.' },
    UPDATED_AT: { column: 't.updated_at', description: '更新时间。By when the client last changed (its key last used, to the minute, included).' },
  },
  [
    { column: 't.created_at', direction: SortDirection.DESC },
    { column: 't.id', direction: SortDirection.DESC },
  ],
);

@ArgsType()
export class ApiClientListArgs extends PageArgs {
  @FilterField(() => ApiClientFilter, '筛选条件。Which API clients to list.')
  filter?: ApiClientFilter;

  @OrderByField(ApiClientOrder, 'newest first')
  orderBy?: OrderInput<keyof typeof ApiClientOrder.Field>[];
}
