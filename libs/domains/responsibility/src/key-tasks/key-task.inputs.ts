import { ArgsType, Field, Float, InputType, Int } from 'type-graphql';
import { ArrayMaxSize, IsBoolean, IsEnum, IsInt, IsNumber, IsOptional, IsUUID, Length, Max, Min } from 'class-validator';
import { FilterField, ListFilter, LocalDateScalar, OrderByField, PageArgs, SortDirection, UUIDScalar, UnlessOmitted, Versioned, defineListOrder, type OrderInput } from '@platform/core';
import type { KeyTask } from './key-task.entity';
import { KeyTaskStatus } from './key-task.enums';
import { KeyTaskOrder } from './key-task.orders';

@InputType({ description: '重点任务筛选。Filters for key tasks; all given filters must match.' })
export class KeyTaskFilter extends ListFilter {
  @Field(() => Int, { nullable: true, description: '年度。Only tasks of this year.' })
  @IsOptional()
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;

  @Field(() => UUIDScalar, { nullable: true, description: '上级任务标识。Only the direct subtasks of this task.' })
  @IsOptional()
  @IsUUID()
  parentId?: string;

  @Field(() => Boolean, { nullable: true, description: '仅顶层。Only top-level tasks (true), or only subtasks (false).' })
  @IsOptional()
  @IsBoolean()
  topLevel?: boolean;

  @Field(() => UUIDScalar, { nullable: true, description: '所属子树。Only tasks owned by this organization or one below it.' })
  @IsOptional()
  @IsUUID()
  withinSubtreeOf?: string;

  @Field(() => [KeyTaskStatus], { nullable: true, description: '状态。Only these statuses.' })
  @IsOptional()
  @ArrayMaxSize(4)
  @IsEnum(KeyTaskStatus, { each: true })
  statuses?: KeyTaskStatus[];

  @Field(() => Boolean, { nullable: true, description: '逾期。Only tasks open past their due day (true), or only the others (false).' })
  @IsOptional()
  @IsBoolean()
  overdue?: boolean;
}

@ArgsType()
export class KeyTaskListArgs extends PageArgs {
  @FilterField(() => KeyTaskFilter, '筛选条件。Which tasks to list.')
  filter?: KeyTaskFilter;

  @OrderByField(KeyTaskOrder, 'by year and place in the plan')
  orderBy?: OrderInput<keyof typeof KeyTaskOrder.Field>[];
}

/** A task behind schedule with how far it lags (percentage points below the elapsed share). */
export type LaggingTask = KeyTask & { readonly lag: number };

/** `keyTasksBehindSchedule(orderBy:)`, over the computed list: furthest behind first by default. */
export const BehindScheduleOrder = defineListOrder<LaggingTask, 'LAG' | 'DUE_ON' | 'CODE'>(
  'KeyTaskBehindSchedule',
  '进度滞后任务',
  {
    LAG: { value: (t) => t.lag, description: '滞后幅度。By how many percentage points progress lags the elapsed share of the period.' },
    DUE_ON: { value: (t) => t.dueOn, description: '完成时限。By due day.' },
    CODE: { value: (t) => t.code, description: '编号。By plan number.' },
  },
  [{ field: 'LAG', direction: SortDirection.DESC }],
  (t) => t.id,
);

@InputType({ description: '进度滞后筛选。Which open tasks to check.' })
export class BehindScheduleFilter {
  @Field(() => UUIDScalar, { nullable: true, description: '所属子树。Only tasks owned by this organization or one below it.' })
  @IsOptional()
  @IsUUID()
  withinSubtreeOf?: string;
}

@ArgsType()
export class BehindScheduleArgs extends PageArgs {
  @Field(() => Int, { description: '年度。The year whose open tasks are checked.' })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year: number;

  @FilterField(() => BehindScheduleFilter, '筛选条件。Which tasks to check.')
  filter?: BehindScheduleFilter;

  @OrderByField(BehindScheduleOrder, 'furthest behind first')
  orderBy?: OrderInput<keyof typeof BehindScheduleOrder.Field>[];
}

@InputType({ description: '新增重点任务。A key task of a year, top-level or under another task.' })
export class CreateKeyTaskInput {
  @Field(() => Int, { description: '年度。The plan year (2000–2100); a subtask\'s is its parent\'s.' })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year: number;

  @Field(() => UUIDScalar, { nullable: true, description: '上级任务标识。The task this one is part of (same year, at most five levels).' })
  @IsOptional()
  @IsUUID()
  parentId?: string;

  @Field({ description: '编号。The number in the plan, unique in the year, e.g. （五）-3 (1–20 characters).' })
  @Length(1, 20)
  code: string;

  @Field(() => Int, { nullable: true, description: '排序号。Its place in the plan\'s order (0–1000000; default: after every task of the year).' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  position?: number;

  @Field({ description: '任务名称。What is to be achieved (2–200 characters).' })
  @Length(2, 200)
  title: string;

  @Field(() => String, { nullable: true, description: '任务说明。Details (up to 2000 characters).' })
  @IsOptional()
  @Length(1, 2000)
  description?: string;

  @Field(() => UUIDScalar, { description: '牵头单位标识。The owning organization, within your scope.' })
  @IsUUID()
  ownerOrganizationId: string;

  @Field(() => UUIDScalar, { nullable: true, description: '责任人标识。The official responsible.' })
  @IsOptional()
  @IsUUID()
  ownerPersonId?: string;

  @Field(() => Int, { nullable: true, description: '权重。Weight among its siblings (1–100, default 1).' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  weight?: number;

  @Field(() => LocalDateScalar, { nullable: true, description: '开始日期。First day of its period (default: 1 January of the year, or the parent\'s first day).' })
  @IsOptional()
  startsOn?: string;

  @Field(() => LocalDateScalar, { nullable: true, description: '完成时限。Due day: in the year, not before `startsOn`, not after the parent\'s due day (default: the parent\'s due day, or 31 December).' })
  @IsOptional()
  dueOn?: string;

  @Field(() => String, { nullable: true, description: '关联指标。A registered indicator measuring the target (with `indicatorTarget`).' })
  @IsOptional()
  @Length(3, 100)
  indicatorCode?: string;

  @Field(() => Float, { nullable: true, description: '指标目标值。The indicator value that counts as done, in its unit (a RATE of 1 is 100 %).' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1_000_000)
  indicatorTarget?: number;
}

@InputType({ description: '修改重点任务详情。Changes to a key task; omitted fields stay as they are.' })
export class KeyTaskDetails {
  @Field({ nullable: true, description: '编号。New plan number (1–20 characters, unique in the year).' })
  @UnlessOmitted()
  @Length(1, 20)
  code?: string;

  @Field(() => Int, { nullable: true, description: '排序号。New place in the plan\'s order.' })
  @UnlessOmitted()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  position?: number;

  @Field({ nullable: true, description: '任务名称。New title (2–200 characters).' })
  @UnlessOmitted()
  @Length(2, 200)
  title?: string;

  @Field(() => String, { nullable: true, description: '任务说明。New details (null clears them).' })
  @IsOptional()
  @Length(1, 2000)
  description?: string | null;

  @Field(() => UUIDScalar, { nullable: true, description: '牵头单位标识。New owning organization, within your scope.' })
  @UnlessOmitted()
  @IsUUID()
  ownerOrganizationId?: string;

  @Field(() => UUIDScalar, { nullable: true, description: '责任人标识。New official responsible (null clears it).' })
  @IsOptional()
  @IsUUID()
  ownerPersonId?: string | null;

  @Field(() => Int, { nullable: true, description: '权重。New weight (1–100).' })
  @UnlessOmitted()
  @IsInt()
  @Min(1)
  @Max(100)
  weight?: number;

  @Field(() => LocalDateScalar, { nullable: true, description: '开始日期。New first day.' })
  @UnlessOmitted()
  startsOn?: string;

  @Field(() => LocalDateScalar, { nullable: true, description: '完成时限。New due day.' })
  @UnlessOmitted()
  dueOn?: string;

  @Field(() => String, { nullable: true, description: '关联指标。New indicator (null unbinds, with `indicatorTarget` null).' })
  @IsOptional()
  @Length(3, 100)
  indicatorCode?: string | null;

  @Field(() => Float, { nullable: true, description: '指标目标值。New target value.' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1_000_000)
  indicatorTarget?: number | null;
}

@InputType({ description: '修改重点任务。Changes a key task; needs the version you read.' })
export class UpdateKeyTaskInput extends Versioned(KeyTaskDetails) {}

@InputType({ description: '填报进展详情。A progress report on a task without subtasks.' })
export class KeyTaskProgressDetails {
  @Field(() => Int, { description: '进度。The progress now (0–100).' })
  @IsInt()
  @Min(0)
  @Max(100)
  progress: number;

  @Field(() => LocalDateScalar, { nullable: true, description: '日期。The day it is about (default today; not in the future).' })
  @IsOptional()
  recordedOn?: string;

  @Field({ description: '进展说明。What was done (2–2000 characters).' })
  @Length(2, 2000)
  note: string;

  @Field(() => [UUIDScalar], { nullable: true, description: '佐证材料。Uploaded files (photos, minutes, scans) as evidence, at most 20.' })
  @IsOptional()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  attachmentIds?: string[];
}

@InputType({ description: '填报进展。Reports progress on a task; needs the version you read.' })
export class RecordKeyTaskProgressInput extends Versioned(KeyTaskProgressDetails) {}

@InputType({ description: '完成任务详情。The completion of a task.' })
export class CompleteKeyTaskDetails {
  @Field(() => LocalDateScalar, { description: '完成日期。The day it was completed (not in the future, not before its first day).' })
  completedOn: string;

  @Field({ description: '完成说明。What was achieved (2–2000 characters).' })
  @Length(2, 2000)
  note: string;

  @Field(() => [UUIDScalar], { nullable: true, description: '佐证材料。Uploaded files as evidence, at most 20.' })
  @IsOptional()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  attachmentIds?: string[];
}

@InputType({ description: '完成任务。Completes a task; needs the version you read.' })
export class CompleteKeyTaskInput extends Versioned(CompleteKeyTaskDetails) {}

@InputType({ description: '任务状态变更原因。Why a task is cancelled or reopened.' })
export class KeyTaskReasonDetails {
  @Field({ description: '原因。Why (2–500 characters).' })
  @Length(2, 500)
  reason: string;
}

@InputType({ description: '取消或重新打开任务。Cancels or reopens a task; needs the version you read.' })
export class KeyTaskReasonInput extends Versioned(KeyTaskReasonDetails) {}
