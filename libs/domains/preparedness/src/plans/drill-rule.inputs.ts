import { ArgsType, Field, InputType, Int } from 'type-graphql';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsEnum, IsInt, IsOptional, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { FilterField, ListFilter, OrderByField, PageArgs, UUIDScalar, UnlessOmitted, Versioned, type OrderInput } from '@platform/core';
import { OrganizationKind } from '@platform/directory';
import { DrillForm, DrillRulePeriod } from './plan.enums';
import { IsRulePriority } from '@platform/core';
import { DrillComplianceOrder, DrillRuleOrder } from './plan.orders';

const CODE = /^[A-Z][A-Z0-9_]{1,59}$/;

@InputType({ description: '新建演练考核规则输入。A drill requirement to add.' })
export class CreateDrillRuleInput {
  @Field({ description: '规则代码。Unique code: capital letters, digits and underscores (2–60), e.g. VILLAGE_FLOOD_HALF_YEARLY.' })
  @Matches(CODE, { message: 'code must be capital letters, digits and underscores, e.g. VILLAGE_YEARLY' })
  code: string;

  @Field({ description: '规则名称。Chinese name (2–100 characters).' })
  @Length(2, 100)
  name: string;

  @Field(() => [OrganizationKind], { description: '适用组织类型。Kinds of organization it applies to (1–7).' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(7)
  @IsEnum(OrganizationKind, { each: true })
  organizationKinds: OrganizationKind[];

  @Field(() => Boolean, { nullable: true, description: '高危行业。Only for kinds [ENTERPRISE]: true for high-risk, false for ordinary enterprises; omit for any.' })
  @IsOptional()
  @IsBoolean()
  highRisk?: boolean | null;

  @Field(() => DrillRulePeriod, { description: '考核周期。Per year or per half year.' })
  @IsEnum(DrillRulePeriod)
  period: DrillRulePeriod;

  @Field(() => Int, { description: '最少次数。Qualifying drills required per period, 1 to 12.' })
  @IsInt()
  @Min(1)
  @Max(12)
  minDrills: number;

  @Field(() => [DrillForm], { description: '认可形式。Forms that count (0–4); empty means any form.' })
  @IsArray()
  @ArrayMaxSize(4)
  @IsEnum(DrillForm, { each: true })
  qualifyingForms: DrillForm[];

  @Field(() => Int, { description: '优先级。-1000 to 1000; of the matching active rules the highest applies.' })
  @IsRulePriority()
  priority: number;
}

@InputType({ description: '修改演练考核规则详情。Changes to a rule; omitted fields stay as they are. The code does not change.' })
export class UpdateDrillRuleDetails {
  @Field(() => String, { nullable: true, description: '规则名称。New name (2–100 characters).' })
  @UnlessOmitted()
  @Length(2, 100)
  name?: string;

  @Field(() => [OrganizationKind], { nullable: true, description: '适用组织类型。New kinds (1–7).' })
  @UnlessOmitted()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(7)
  @IsEnum(OrganizationKind, { each: true })
  organizationKinds?: OrganizationKind[];

  @Field(() => Boolean, { nullable: true, description: '高危行业。New high-risk condition; null for any enterprise.' })
  @IsOptional()
  @IsBoolean()
  highRisk?: boolean | null;

  @Field(() => DrillRulePeriod, { nullable: true, description: '考核周期。New period.' })
  @UnlessOmitted()
  @IsEnum(DrillRulePeriod)
  period?: DrillRulePeriod;

  @Field(() => Int, { nullable: true, description: '最少次数。New number required per period, 1 to 12.' })
  @UnlessOmitted()
  @IsInt()
  @Min(1)
  @Max(12)
  minDrills?: number;

  @Field(() => [DrillForm], { nullable: true, description: '认可形式。New forms that count; empty means any.' })
  @UnlessOmitted()
  @IsArray()
  @ArrayMaxSize(4)
  @IsEnum(DrillForm, { each: true })
  qualifyingForms?: DrillForm[];

  @Field(() => Int, { nullable: true, description: '优先级。New priority, -1000 to 1000.' })
  @UnlessOmitted()
  @IsRulePriority()
  priority?: number;
}

@InputType({ description: '修改演练考核规则输入。Names the rule and the version you read, with the changes.' })
export class UpdateDrillRuleInput extends Versioned(UpdateDrillRuleDetails) {}

@InputType({ description: '演练考核规则筛选。Filters for the list of drill rules.' })
export class DrillRuleFilter extends ListFilter {
  @Field(() => Boolean, { nullable: true, description: '含已归档。Include archived rules (default false).' })
  @IsOptional()
  @IsBoolean()
  includeArchived?: boolean;
}

@ArgsType()
export class DrillRuleListArgs extends PageArgs {
  @FilterField(() => DrillRuleFilter, '筛选条件。Which rules to list.')
  filter?: DrillRuleFilter;

  @OrderByField(DrillRuleOrder, 'highest priority first, then by code')
  orderBy?: OrderInput<keyof typeof DrillRuleOrder.Field>[];
}

@InputType({ description: '演练达标筛选。Filters for drill compliance; all given filters must match.' })
export class DrillComplianceFilter {
  @Field(() => UUIDScalar, { nullable: true, description: '所属子树。Only this organization and those below it.' })
  @IsOptional()
  @IsUUID()
  withinSubtreeOf?: string;

  @Field(() => Boolean, { nullable: true, description: '仅未达标。Only organizations whose requirement is not (yet) met in every period.' })
  @IsOptional()
  @IsBoolean()
  onlyNonCompliant?: boolean;
}

@ArgsType()
export class DrillComplianceArgs extends PageArgs {
  @Field(() => Int, { description: '考核年度。The calendar year to assess, 2000 to 2100.' })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year: number;

  @FilterField(() => DrillComplianceFilter, '筛选条件。Which organizations to assess.')
  filter?: DrillComplianceFilter;

  @OrderByField(DrillComplianceOrder, 'by organization name')
  orderBy?: OrderInput<keyof typeof DrillComplianceOrder.Field>[];
}
