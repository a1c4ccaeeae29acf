import { ArgsType, Field, InputType, Int } from 'type-graphql';
import { IsBoolean, IsDate, IsEnum, IsInt, IsOptional, IsUUID, Length, Max, Min } from 'class-validator';
import { FilterField, DateTimeScalar, ListFilter, OrderByField, PageArgs, UUIDScalar, UnlessOmitted, Versioned, type OrderInput } from '@platform/core';
import { WarningHazardType, WarningLevel } from '../model/warning.enums';
import { WarningEscalationOrder, WarningResponseTemplateOrder } from './escalation.orders';

@InputType({ description: '升级记录筛选。Filters for the escalation list; all given filters must match.' })
export class WarningEscalationFilter extends ListFilter {
  @Field(() => DateTimeScalar, { nullable: true, description: '起始时间。Only escalations at or after this instant.' })
  @IsOptional()
  @IsDate()
  from?: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: '截止时间。Only escalations before this instant (not at or after from).' })
  @IsOptional()
  @IsDate()
  to?: Date;

  @Field(() => UUIDScalar, { nullable: true, description: '所属子树。Only deliveries to this organization or one below it.' })
  @IsOptional()
  @IsUUID()
  withinSubtreeOf?: string;
}

@ArgsType()
export class WarningEscalationListArgs extends PageArgs {
  @FilterField(() => WarningEscalationFilter, '筛选条件。Which escalations to list.')
  filter?: WarningEscalationFilter;

  @OrderByField(WarningEscalationOrder, 'newest first')
  orderBy?: OrderInput<keyof typeof WarningEscalationOrder.Field>[];
}

@InputType({ description: '响应措施模板筛选。Filters for the template list; all given filters must match.' })
export class WarningResponseTemplateFilter extends ListFilter {
  @Field(() => WarningHazardType, { nullable: true, description: '灾种。Only templates that apply to this hazard type (its own and those for any hazard).' })
  @IsOptional()
  @IsEnum(WarningHazardType)
  hazardType?: WarningHazardType;

  @Field(() => WarningLevel, { nullable: true, description: '级别。Only templates that apply at this level (minimum level at or below it).' })
  @IsOptional()
  @IsEnum(WarningLevel)
  level?: WarningLevel;

  @Field(() => Boolean, { nullable: true, description: '含已归档。Include retired templates (default false; true in a change feed).' })
  @IsOptional()
  @IsBoolean()
  includeArchived?: boolean;
}

@ArgsType()
export class WarningResponseTemplateListArgs extends PageArgs {
  @FilterField(() => WarningResponseTemplateFilter, '筛选条件。Which templates to list.')
  filter?: WarningResponseTemplateFilter;

  @OrderByField(WarningResponseTemplateOrder, 'by sort order')
  orderBy?: OrderInput<keyof typeof WarningResponseTemplateOrder.Field>[];
}

@InputType({ description: '新建响应措施模板输入。A response action to require for warnings of a hazard type (or any) at a level and above.' })
export class CreateWarningResponseTemplateInput {
  @Field(() => WarningHazardType, { nullable: true, description: '灾种。The hazard type; omit or null for every hazard type.' })
  @IsOptional()
  @IsEnum(WarningHazardType)
  hazardType?: WarningHazardType | null;

  @Field(() => WarningLevel, { description: '起始级别。The lowest level it applies at.' })
  @IsEnum(WarningLevel)
  minLevel: WarningLevel;

  @Field(() => Int, { description: '排序。Position in a delivery\'s list, 0–999.' })
  @IsInt()
  @Min(0)
  @Max(999)
  sortOrder: number;

  @Field({ description: '措施。What to do (2–200 characters), unique among the current templates of the hazard type.' })
  @Length(2, 200)
  action: string;

  @Field(() => Boolean, { nullable: true, description: '转移措施。Whether it moves people out of danger (default false).' })
  @IsOptional()
  @IsBoolean()
  evacuation?: boolean;
}

@InputType({ description: '修改响应措施模板详情。Changes to a template; omitted fields stay. Deliveries that have their actions already keep them.' })
export class UpdateWarningResponseTemplateDetails {
  @Field(() => WarningLevel, { nullable: true, description: '起始级别。New lowest level.' })
  @UnlessOmitted()
  @IsEnum(WarningLevel)
  minLevel?: WarningLevel;

  @Field(() => Int, { nullable: true, description: '排序。New position, 0–999.' })
  @UnlessOmitted()
  @IsInt()
  @Min(0)
  @Max(999)
  sortOrder?: number;

  @Field(() => String, { nullable: true, description: '措施。New text (2–200 characters).' })
  @UnlessOmitted()
  @Length(2, 200)
  action?: string;

  @Field(() => Boolean, { nullable: true, description: '转移措施。Whether it moves people out of danger.' })
  @UnlessOmitted()
  @IsBoolean()
  evacuation?: boolean;
}

@InputType({ description: '修改响应措施模板输入。Names the template and the version you read, with the changes.' })
export class UpdateWarningResponseTemplateInput extends Versioned(UpdateWarningResponseTemplateDetails) {}

@InputType({ description: '完成响应措施详情。What was done.' })
export class CompleteWarningResponseActionDetails {
  @Field(() => String, { nullable: true, description: '完成情况。What was done, e.g. 已转移5户12人至村委会避难场所 (1–500 characters).' })
  @IsOptional()
  @Length(1, 500)
  note?: string | null;
}

@InputType({ description: '完成响应措施输入。Names the action and the version you read, with what was done.' })
export class CompleteWarningResponseActionInput extends Versioned(CompleteWarningResponseActionDetails) {}
