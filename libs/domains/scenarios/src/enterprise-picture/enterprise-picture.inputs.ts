import { ArgsType, Field, InputType } from 'type-graphql';
import { ArrayMaxSize, IsEnum, IsOptional, IsUUID } from 'class-validator';
import { FilterField, OrderByField, PageArgs, UUIDScalar, type OrderInput } from '@platform/core';
import { EnterpriseStatus } from './enterprise-picture.enums';
import { EnterpriseRedListOrder } from './enterprise-picture.orders';

@InputType({ description: '企业红黑榜筛选。Filters for the red list; all given filters must match.' })
export class EnterpriseRedListFilter {
  @Field(() => [EnterpriseStatus], { nullable: true, description: '状态。Only enterprises in these statuses today (1–3).' })
  @IsOptional()
  @ArrayMaxSize(3)
  @IsEnum(EnterpriseStatus, { each: true })
  statuses?: EnterpriseStatus[];

  @Field(() => UUIDScalar, { nullable: true, description: '辖区。Only enterprises within this organization\'s subtree (e.g. a village).' })
  @IsOptional()
  @IsUUID()
  withinSubtreeOf?: string;
}

@ArgsType()
export class EnterpriseRedListArgs extends PageArgs {
  @FilterField(() => EnterpriseRedListFilter, '筛选条件。Which enterprises to rank.')
  filter?: EnterpriseRedListFilter;

  @OrderByField(EnterpriseRedListOrder, 'highest score first')
  orderBy?: OrderInput<keyof typeof EnterpriseRedListOrder.Field>[];
}
