import { ArgsType, Field, InputType } from 'type-graphql';
import { ArrayMaxSize, IsEnum, IsOptional, IsUUID, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { LocalDateScalar, OrderByField, PageArgs, UUIDScalar, type OrderInput } from '@platform/core';
import { HazardSource } from '@domains/risk';
import { ClosedLoopGrouping } from './closed-loop.enums';
import { ClosedLoopOrder } from './closed-loop.orders';

/** The longest period one closed-loop view counts (a year and a day: a leap year fits). */
export const MAX_CLOSED_LOOP_DAYS = 366;

@InputType({ description: '闭环统计口径。The period, grouping and scope of the closed loop.' })
export class ClosedLoopFilter {
  @Field(() => LocalDateScalar, { description: '起始日期。Hazards found from this day (China days).' })
  from: string;

  @Field(() => LocalDateScalar, { description: `截止日期。The day after the period (exclusive); at most ${MAX_CLOSED_LOOP_DAYS} days after from.` })
  to: string;

  @Field(() => ClosedLoopGrouping, { nullable: true, description: '分组方式。VILLAGE (default), SECTOR or TOWN.' })
  @IsOptional()
  @IsEnum(ClosedLoopGrouping)
  groupBy?: ClosedLoopGrouping;

  @Field(() => UUIDScalar, { nullable: true, description: '单位。Only hazards, risk points and tips at this organization or anywhere below it.' })
  @IsOptional()
  @IsUUID()
  withinOrganizationId?: string;

  @Field(() => [HazardSource], { nullable: true, description: '来源。Only hazards found from these sources.' })
  @IsOptional()
  @ArrayMaxSize(10)
  @IsEnum(HazardSource, { each: true })
  sources?: HazardSource[];
}

@ArgsType()
export class ClosedLoopArgs extends PageArgs {
  @Field(() => ClosedLoopFilter, { description: '统计口径。The period (required), grouping and scope.' })
  @ValidateNested()
  @Type(() => ClosedLoopFilter)
  filter: ClosedLoopFilter;

  @OrderByField(ClosedLoopOrder, 'by name')
  orderBy?: OrderInput<keyof typeof ClosedLoopOrder.Field>[];
}
