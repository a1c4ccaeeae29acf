import { ArgsType, Field, InputType } from 'type-graphql';
import { ArrayMaxSize, IsArray, IsEnum, IsOptional, IsUUID, Length, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { FilterField, ListFilter, OrderByField, PageArgs, UUIDScalar, LocalDateScalar, type OrderInput } from '@platform/core';
import { HazardCategory } from '../hazards/hazard.enums';
import { ExpertVisitOrder } from './expert-visit.orders';

@InputType({ description: '专家指导发现隐患。A hazard raised by the visit; it is reported with source EXPERT_VISIT.' })
export class ExpertVisitHazardInput {
  @Field({ description: '标题。Short description (2–100 characters, not blank).' })
  @Length(2, 100)
  title: string;

  @Field(() => HazardCategory, { description: '类别。What kind of danger.' })
  @IsEnum(HazardCategory)
  category: HazardCategory;

  @Field(() => String, { nullable: true, description: '详细描述。What and where exactly (up to 2000 characters).' })
  @IsOptional()
  @Length(1, 2000)
  description?: string | null;
}

@InputType({ description: '记录专家指导输入。A visit to an enterprise and the hazards it raised; all are recorded together or not at all.' })
export class RecordExpertVisitInput {
  @Field(() => UUIDScalar, { description: '受检企业标识。The enterprise visited (within your scope).' })
  @IsUUID()
  organizationId: string;

  @Field({ description: '专家姓名。Name of the expert (2–50 characters).' })
  @Length(2, 50)
  expertName: string;

  @Field(() => UUIDScalar, { nullable: true, description: '专家人员标识。The expert in the person directory, if registered there and you may read them.' })
  @IsOptional()
  @IsUUID()
  expertPersonId?: string | null;

  @Field(() => LocalDateScalar, { description: '指导日期。Day of the visit, YYYY-MM-DD, not in the future (China time).' })
  visitedOn: string;

  @Field({ description: '指导意见。What the expert found and advised (5–4000 characters).' })
  @Length(5, 4000)
  findings: string;

  @Field(() => [ExpertVisitHazardInput], { description: '发现隐患。Hazards raised by the visit (0–20), each reported as a new hazard.' })
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => ExpertVisitHazardInput)
  hazards: ExpertVisitHazardInput[];
}

@InputType({ description: '专家指导筛选。Filters for expert visit lists; all given filters must match.' })
export class ExpertVisitFilter extends ListFilter {
  @Field(() => UUIDScalar, { nullable: true, description: '所属子树。Only visits to enterprises at this organization or below it.' })
  @IsOptional()
  @IsUUID()
  withinSubtreeOf?: string;

  @Field(() => LocalDateScalar, { nullable: true, description: '起始日期。Only visits on or after this day (YYYY-MM-DD).' })
  @IsOptional()
  from?: string;

  @Field(() => LocalDateScalar, { nullable: true, description: '截止日期。Only visits on or before this day (YYYY-MM-DD).' })
  @IsOptional()
  to?: string;
}

@ArgsType()
export class ExpertVisitListArgs extends PageArgs {
  @FilterField(() => ExpertVisitFilter, '筛选条件。Which visits to list.')
  filter?: ExpertVisitFilter;

  @OrderByField(ExpertVisitOrder, 'newest visit first')
  orderBy?: OrderInput<keyof typeof ExpertVisitOrder.Field>[];
}
