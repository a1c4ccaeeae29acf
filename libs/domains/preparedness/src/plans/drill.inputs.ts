import { ArgsType, Field, InputType, Int } from 'type-graphql';
import { ArrayMaxSize, IsArray, IsDefined, IsEnum, IsInt, IsOptional, IsUUID, Length, Max, Min, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { FilterField, ListFilter, LocalDateScalar, OrderByField, PageArgs, UUIDScalar, UnlessOmitted, Versioned, type OrderInput } from '@platform/core';
import { HazardCategory } from '@domains/risk';
import { DrillForm, DrillProblemFollowUp } from './plan.enums';
import { DrillOrder } from './plan.orders';

@InputType({ description: '演练发现问题输入。A problem found in the drill and how it is followed up.' })
export class DrillProblemInput {
  @Field({ description: '问题描述。What went wrong (2–500 characters).' })
  @Length(2, 500)
  description: string;

  @Field(() => DrillProblemFollowUp, { description: '跟进方式。NONE, TASK (needs ownerPersonId and dueOn) or HAZARD (needs hazardCategory; reported as a hazard with source DRILL).' })
  @IsEnum(DrillProblemFollowUp)
  followUp: DrillProblemFollowUp;

  @Field(() => UUIDScalar, { nullable: true, description: '责任人标识。Owner of the task, a person you may read (TASK only).' })
  @IsOptional()
  @IsUUID()
  ownerPersonId?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: '完成期限。Day the task is due, YYYY-MM-DD, not before the drill (TASK only).' })
  @IsOptional()
  dueOn?: string | null;

  @Field(() => HazardCategory, { nullable: true, description: '隐患类别。Category of the hazard to report (HAZARD only).' })
  @IsOptional()
  @IsEnum(HazardCategory)
  hazardCategory?: HazardCategory | null;
}

@InputType({ description: '演练详细信息。Optional fields of a drill, shared by record and update; null clears a field on update.' })
export class DrillDetailsInput {
  @Field(() => UUIDScalar, { nullable: true, description: '演练预案标识。The plan drilled: one of the organization\'s or an ancestor\'s that you may read.' })
  @IsOptional()
  @IsUUID()
  planId?: string | null;

  @Field(() => String, { nullable: true, description: '演练情景。The scenario played (1–2000 characters).' })
  @IsOptional()
  @Length(1, 2000)
  scenario?: string | null;

  @Field(() => String, { nullable: true, description: '参演单位。Departments and teams that took part (1–1000 characters).' })
  @IsOptional()
  @Length(1, 1000)
  participants?: string | null;

  @Field(() => String, { nullable: true, description: '演练评估。How the drill went (1–4000 characters).' })
  @IsOptional()
  @Length(1, 4000)
  evaluation?: string | null;
}

@InputType({ description: '记录演练输入。A drill held and the problems it found; all are recorded together or not at all.' })
export class RecordDrillInput extends DrillDetailsInput {
  @Field(() => UUIDScalar, { description: '组织单位标识。The organization that held it (within your scope).' })
  @IsUUID()
  organizationId: string;

  @Field(() => LocalDateScalar, { description: '演练日期。Day held, YYYY-MM-DD, not in the future (China time).' })
  heldOn: string;

  @Field(() => DrillForm, { description: '演练形式。Tabletop, functional, full-scale or evacuation.' })
  @IsEnum(DrillForm)
  form: DrillForm;

  @Field({ description: '演练名称。Title (2–200 characters).' })
  @Length(2, 200)
  title: string;

  @Field(() => Int, { description: '参演人数。How many took part, 1 to 100,000.' })
  @IsInt()
  @Min(1)
  @Max(100_000)
  participantCount: number;

  @Field(() => [DrillProblemInput], { nullable: true, description: '发现问题。Problems found (0–50), in order.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => DrillProblemInput)
  problems?: DrillProblemInput[];
}

@InputType({ description: '修改演练详情。Changes to a drill\'s details; omitted fields stay as they are. Problems are not changed here.' })
export class UpdateDrillDetails extends DrillDetailsInput {
  @Field(() => LocalDateScalar, { nullable: true, description: '演练日期。New day held, YYYY-MM-DD, not in the future.' })
  @UnlessOmitted()
  @IsDefined({ message: 'heldOn cannot be cleared: omit it to keep the day.' })
  heldOn?: string;

  @Field(() => DrillForm, { nullable: true, description: '演练形式。New form.' })
  @UnlessOmitted()
  @IsEnum(DrillForm)
  form?: DrillForm;

  @Field(() => String, { nullable: true, description: '演练名称。New title (2–200 characters).' })
  @UnlessOmitted()
  @Length(2, 200)
  title?: string;

  @Field(() => Int, { nullable: true, description: '参演人数。New number of participants, 1 to 100,000.' })
  @UnlessOmitted()
  @IsInt()
  @Min(1)
  @Max(100_000)
  participantCount?: number;
}

@InputType({ description: '修改演练输入。Names the drill and the version you read, with the changes.' })
export class UpdateDrillInput extends Versioned(UpdateDrillDetails) {}

@InputType({ description: '完成整改任务详情。When a drill problem\'s follow-up task was done.' })
export class CompleteDrillProblemDetails {
  @Field(() => LocalDateScalar, { description: '完成日期。Day done, YYYY-MM-DD, not in the future nor before the drill.' })
  doneOn: string;
}

@InputType({ description: '完成整改任务输入。Names the drill problem (a TASK) and the version you read.' })
export class CompleteDrillProblemInput extends Versioned(CompleteDrillProblemDetails) {}

@InputType({ description: '演练筛选。Filters for drill lists; all given filters must match.' })
export class DrillFilter extends ListFilter {
  @Field(() => UUIDScalar, { nullable: true, description: '所属子树。Only drills held by this organization or one below it.' })
  @IsOptional()
  @IsUUID()
  withinSubtreeOf?: string;

  @Field(() => [DrillForm], { nullable: true, description: '演练形式。Only these forms.' })
  @IsOptional()
  @ArrayMaxSize(4)
  @IsEnum(DrillForm, { each: true })
  forms?: DrillForm[];

  @Field(() => LocalDateScalar, { nullable: true, description: '起始日期。Only drills held on or after this day (YYYY-MM-DD).' })
  @IsOptional()
  from?: string;

  @Field(() => LocalDateScalar, { nullable: true, description: '截止日期。Only drills held on or before this day (YYYY-MM-DD).' })
  @IsOptional()
  to?: string;

  @Field(() => UUIDScalar, { nullable: true, description: '预案标识。Only drills of this plan revision.' })
  @IsOptional()
  @IsUUID()
  planId?: string;
}

@ArgsType()
export class DrillListArgs extends PageArgs {
  @FilterField(() => DrillFilter, '筛选条件。Which drills to list.')
  filter?: DrillFilter;

  @OrderByField(DrillOrder, 'latest held first')
  orderBy?: OrderInput<keyof typeof DrillOrder.Field>[];
}
