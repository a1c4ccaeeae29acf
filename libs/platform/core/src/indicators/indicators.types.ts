import { ArgsType, Field, Float, InputType, ObjectType } from 'type-graphql';
import { ArrayMaxSize, IsEnum, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { PageArgs } from '../pagination/page.args';
import { FilterField, OrderByField, defineListOrder, type OrderInput } from '../pagination/order';
import { SortDirection } from '../pagination/sort-direction';
import { LocalDateScalar, UUIDScalar } from '../scalars/scalars';
import { IndicatorBreakdown, IndicatorDirection, IndicatorUnit, type RegisteredIndicator } from './indicator';

@ObjectType({ description: '指标。A figure a module registers, computed in the database for an organization subtree and a period.' })
export class Indicator {
  @Field({ description: '指标代码。Stable code, prefixed with the registering module, e.g. risk.major-hazard-on-time-rectification.' })
  code: string;

  @Field({ description: '模块。The module that registers and computes it.' })
  module: string;

  @Field({ description: '名称。The Chinese name, e.g. 重大事故隐患按期整改率.' })
  name: string;

  @Field({ description: '英文名称。The English name.' })
  nameEn: string;

  @Field({ description: '口径。How it is computed (English): what is counted over what, in which period.' })
  description: string;

  @Field(() => IndicatorUnit, { description: '单位。What the value counts.' })
  unit: IndicatorUnit;

  @Field(() => IndicatorDirection, { description: '方向。Whether higher or lower is better.' })
  direction: IndicatorDirection;

  @Field({ description: '所需权限。The permission whose scope the figure is computed in (you see only indicators whose permission you hold).' })
  permission: string;
}

/** A registered indicator as the API shows it. */
export const indicatorOf = (r: RegisteredIndicator): Indicator => ({
  code: r.definition.code,
  module: r.module,
  name: r.definition.nameZh,
  nameEn: r.definition.nameEn,
  description: r.definition.description,
  unit: r.definition.unit,
  direction: r.definition.direction,
  permission: r.definition.permission,
});

@ObjectType({ description: '指标值。One indicator evaluated for an organization\'s subtree and a period.' })
export class IndicatorValue {
  @Field(() => Indicator, { description: '指标。The indicator.' })
  indicator: Indicator;

  @Field(() => UUIDScalar, { description: '组织标识。The organization whose subtree it is computed for.' })
  organizationId: string;

  @Field({ description: '组织名称。Its name.' })
  organizationName: string;

  @Field(() => LocalDateScalar, { description: '起始日期。First day of the period.' })
  from: string;

  @Field(() => LocalDateScalar, { description: '截止日期。Day after the period (exclusive).' })
  to: string;

  @Field(() => Float, { description: '分子。What was counted: e.g. major hazards closed by their deadline; the value itself for a count.' })
  numerator: number;

  @Field(() => Float, { nullable: true, description: '分母。What it is counted against: e.g. major hazards due in the period; null unless the unit is RATE.' })
  denominator: number | null;

  @Field(() => Float, { nullable: true, description: '值。numerator ÷ denominator for a RATE (null when nothing was due), else the numerator.' })
  value: number | null;
}

/** `orderBy` of `indicators` (registered by the enabled modules, sorted in memory). */
export const IndicatorOrder = defineListOrder<Indicator, 'CODE' | 'MODULE'>(
  'Indicator',
  '指标',
  {
    CODE: { value: (i) => i.code, description: '代码。By code.' },
    MODULE: { value: (i) => i.module, description: '模块。By registering module.' },
  },
  [{ field: 'CODE', direction: SortDirection.ASC }],
  (i) => i.code,
);

/** `orderBy` of `indicatorValues`: by value to rank organizations (nulls last), by indicator or organization to read them. */
export const IndicatorValueOrder = defineListOrder<IndicatorValue, 'INDICATOR' | 'ORGANIZATION' | 'VALUE'>(
  'IndicatorValue',
  '指标值',
  {
    INDICATOR: { value: (v) => v.indicator.code, description: '指标。By indicator code.' },
    ORGANIZATION: { value: (v) => v.organizationName, description: '组织。By organization name.' },
    VALUE: { value: (v) => v.value, description: '值。By value (null, nothing due, last ascending and first descending, as in every list): with DESC, a ranking of child organizations for one indicator.' },
  },
  [
    { field: 'INDICATOR', direction: SortDirection.ASC },
    { field: 'ORGANIZATION', direction: SortDirection.ASC },
  ],
  (v) => `${v.indicator.code}|${v.organizationId}`,
);

@InputType({ description: '指标筛选。Which indicators; all given filters must match.' })
export class IndicatorFilter {
  @Field(() => [String], { nullable: true, description: '模块。Only the indicators of these modules (at most 20).' })
  @IsOptional()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 50, { each: true })
  modules?: string[];

  @Field(() => [String], { nullable: true, description: '指标代码。Only these indicators (at most 50).' })
  @IsOptional()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(3, 100, { each: true })
  codes?: string[];
}

@ArgsType()
export class IndicatorListArgs extends PageArgs {
  @FilterField(() => IndicatorFilter, '筛选条件。Which indicators.')
  filter?: IndicatorFilter;

  @OrderByField(IndicatorOrder, 'by code')
  orderBy?: OrderInput<keyof typeof IndicatorOrder.Field>[];
}

@ArgsType()
export class IndicatorValueArgs extends PageArgs {
  @Field(() => UUIDScalar, { description: '组织。The organization whose subtree is evaluated (or whose children are, with breakdown CHILDREN).' })
  @IsUUID()
  organizationId: string;

  @Field(() => LocalDateScalar, { description: '起始日期。First day of the period (YYYY-MM-DD, China time).' })
  from: string;

  @Field(() => LocalDateScalar, { description: '截止日期。Day after the period (YYYY-MM-DD, exclusive), after `from` and at most ten years on: a quarter is from 2025-04-01 to 2025-07-01.' })
  to: string;

  @Field(() => IndicatorBreakdown, { nullable: true, description: '统计口径。SELF (default): the organization\'s subtree; CHILDREN: each active child organization\'s subtree.' })
  @IsOptional()
  @IsEnum(IndicatorBreakdown)
  breakdown?: IndicatorBreakdown;

  @FilterField(() => IndicatorFilter, '筛选条件。Which indicators to evaluate (all you may read when omitted).')
  filter?: IndicatorFilter;

  @OrderByField(IndicatorValueOrder, 'by indicator, then organization')
  orderBy?: OrderInput<keyof typeof IndicatorValueOrder.Field>[];
}
