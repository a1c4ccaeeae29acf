import { ArgsType, Field, InputType, Int } from 'type-graphql';
import { ArrayMaxSize, ArrayMinSize, IsBoolean, IsDefined, IsEnum, IsInt, IsOptional, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { FilterField, ListFilter, LocalDateScalar, LocalTimeScalar, OrderByField, PageArgs, UUIDScalar, UnlessOmitted, Versioned, type OrderInput } from '@platform/core';
import { OrganizationKind } from '@platform/directory';
import { DutyAssignmentStatus, DutyRole, DutySeason } from './duty.enums';
import { DutyAssignmentOrder, DutyRequirementOrder, DutyShiftOrder } from './duty.orders';
import { IsRulePriority } from '@platform/core';

const CODE = /^[A-Z][A-Z0-9_]{1,49}$/;
/** The longest period a roster list or the coverage may span, in days (both ends included). */
export const MAX_DUTY_RANGE_DAYS = 92;

// ------------------------------------------------------------------ shifts

@InputType({ description: '新建值班班次输入。A shift template to add to an organization\'s roster.' })
export class CreateDutyShiftInput {
  @Field(() => UUIDScalar, { description: '值班单位标识。The organization whose roster it is (within your duty-arranging scope).' })
  @IsUUID()
  organizationId: string;

  @Field({ description: '班次名称。Name (1–50 characters), unique among the organization\'s current shifts, e.g. 白班.' })
  @Length(1, 50)
  name: string;

  @Field(() => LocalTimeScalar, { description: '开始时间。Local China time HH:MM (24-hour), e.g. 08:30.' })
  startsAt: string;

  @Field(() => Int, { description: '时长（分钟）。30 to 1440 minutes; past midnight the shift runs into the next day.' })
  @IsInt()
  @Min(30)
  @Max(1440)
  durationMinutes: number;
}

@InputType({ description: '修改值班班次详情。Changes to a shift; omitted fields stay as they are. The organization cannot change.' })
export class UpdateDutyShiftDetails {
  @Field(() => String, { nullable: true, description: '班次名称。New name (1–50 characters).' })
  @UnlessOmitted()
  @Length(1, 50)
  name?: string;

  @Field(() => LocalTimeScalar, { nullable: true, description: '开始时间。New start, local China time HH:MM; existing assignments follow it.' })
  @UnlessOmitted()
  @IsDefined({ message: 'startsAt cannot be cleared: omit it to keep the time.' })
  startsAt?: string;

  @Field(() => Int, { nullable: true, description: '时长（分钟）。New duration, 30 to 1440 minutes.' })
  @UnlessOmitted()
  @IsInt()
  @Min(30)
  @Max(1440)
  durationMinutes?: number;
}

@InputType({ description: '修改值班班次输入。Names the shift and the version you read, with the changes.' })
export class UpdateDutyShiftInput extends Versioned(UpdateDutyShiftDetails) {}

@InputType({ description: '值班班次筛选。Filters for shift lists.' })
export class DutyShiftFilter extends ListFilter {
  @Field(() => UUIDScalar, { nullable: true, description: '所属子树。Only shifts of this organization or one below it.' })
  @IsOptional()
  @IsUUID()
  withinSubtreeOf?: string;

  @Field(() => Boolean, { nullable: true, description: '含已归档。Include archived shifts (default false; true in a change feed).' })
  @IsOptional()
  @IsBoolean()
  includeArchived?: boolean;
}

@ArgsType()
export class DutyShiftListArgs extends PageArgs {
  @FilterField(() => DutyShiftFilter, '筛选条件。Which shifts to list.')
  filter?: DutyShiftFilter;

  @OrderByField(DutyShiftOrder, 'by start time, then name')
  orderBy?: OrderInput<keyof typeof DutyShiftOrder.Field>[];
}

// ------------------------------------------------------------------ assignments

@InputType({ description: '排班输入。Puts a person on a shift on a day.' })
export class AssignDutyInput {
  @Field(() => UUIDScalar, { description: '班次标识。A current shift of an organization within your duty-arranging scope.' })
  @IsUUID()
  shiftId: string;

  @Field(() => LocalDateScalar, { description: '值班日期。The day the shift starts on, YYYY-MM-DD (China time), not before today.' })
  day: string;

  @Field(() => UUIDScalar, { description: '值班人员标识。An active person you may read.' })
  @IsUUID()
  personId: string;

  @Field(() => DutyRole, { description: '角色。Leader in charge or staff.' })
  @IsEnum(DutyRole)
  role: DutyRole;
}

@InputType({ description: '值班步骤详情。A step of an assignment that needs nothing but the record and its version.' })
export class DutyStepDetails {}

@InputType({ description: '值班步骤输入。Names the assignment and the version you read.' })
export class DutyAssignmentStepInput extends Versioned(DutyStepDetails) {}

@InputType({ description: '取消排班详情。Why an assignment is cancelled.' })
export class CancelDutyAssignmentDetails {
  @Field(() => String, { nullable: true, description: '取消原因。Why (up to 500 characters), e.g. 调休, 出差.' })
  @IsOptional()
  @Length(1, 500)
  reason?: string | null;
}

@InputType({ description: '取消排班输入。Names the assignment and the version you read, with the reason.' })
export class CancelDutyAssignmentInput extends Versioned(CancelDutyAssignmentDetails) {}

@InputType({ description: '交班详情。The hand-over note of a shift.' })
export class HandOverDutyDetails {
  @Field({ description: '交班记录。What happened on the shift and what is pending for the next one (2–2000 characters).' })
  @Length(2, 2000)
  note: string;
}

@InputType({ description: '交班输入。Names the assignment and the version you read, with the hand-over note.' })
export class HandOverDutyInput extends Versioned(HandOverDutyDetails) {}

@InputType({ description: '值班安排筛选。Filters for assignment lists; from and to default to today and 30 days on (in a change feed: every day unless given), and may span at most 92 days.' })
export class DutyAssignmentFilter extends ListFilter {
  @Field(() => UUIDScalar, { nullable: true, description: '所属子树。Only assignments of shifts of this organization or one below it.' })
  @IsOptional()
  @IsUUID()
  withinSubtreeOf?: string;

  @Field(() => LocalDateScalar, { nullable: true, description: '起始日期。First day, YYYY-MM-DD (default today, China time).' })
  @IsOptional()
  from?: string;

  @Field(() => LocalDateScalar, { nullable: true, description: '截止日期。Last day, included, YYYY-MM-DD (default from + 30 days); at most 92 days from the first.' })
  @IsOptional()
  to?: string;

  @Field(() => UUIDScalar, { nullable: true, description: '值班人员标识。Only this person\'s assignments.' })
  @IsOptional()
  @IsUUID()
  personId?: string;

  @Field(() => [DutyAssignmentStatus], { nullable: true, description: '状态。Only these states (default: all but CANCELLED; a change feed lists CANCELLED ones too).' })
  @IsOptional()
  @ArrayMaxSize(5)
  @IsEnum(DutyAssignmentStatus, { each: true })
  statuses?: DutyAssignmentStatus[];

  @Field(() => DutyRole, { nullable: true, description: '角色。Only leaders or only staff.' })
  @IsOptional()
  @IsEnum(DutyRole)
  role?: DutyRole;
}

@ArgsType()
export class DutyAssignmentListArgs extends PageArgs {
  @FilterField(() => DutyAssignmentFilter, '筛选条件。Which assignments to list.')
  filter?: DutyAssignmentFilter;

  @OrderByField(DutyAssignmentOrder, 'by day, shift start, shift name')
  orderBy?: OrderInput<keyof typeof DutyAssignmentOrder.Field>[];
}

// ------------------------------------------------------------------ requirements

@InputType({ description: '新建值班力量要求输入。A coverage rule to add.' })
export class CreateDutyRequirementInput {
  @Field({ description: '代码。Unique code, upper case letters, digits and _ (2–50), e.g. COMMAND_ROOM_FLOOD.' })
  @Matches(CODE, { message: 'code must be 2–50 upper-case letters, digits or _, starting with a letter' })
  code: string;

  @Field({ description: '名称。Name (2–100 characters).' })
  @Length(2, 100)
  name: string;

  @Field(() => [OrganizationKind], { description: '适用组织类型。Kinds of organization covered (1–7).' })
  @ArrayMinSize(1)
  @ArrayMaxSize(7)
  @IsEnum(OrganizationKind, { each: true })
  organizationKinds: OrganizationKind[];

  @Field(() => DutySeason, { description: '季节。Normal times or the flood season.' })
  @IsEnum(DutySeason)
  season: DutySeason;

  @Field(() => Int, { description: '最少带班领导。Leaders needed per shift, 0 to 20.' })
  @IsInt()
  @Min(0)
  @Max(20)
  minLeaders: number;

  @Field(() => Int, { description: '最少值班人员。Staff needed per shift, 0 to 20.' })
  @IsInt()
  @Min(0)
  @Max(20)
  minStaff: number;

  @Field(() => Int, { nullable: true, description: '优先级。-1000 to 1000 (default 0); the highest applies when rules overlap.' })
  @IsOptional()
  @IsRulePriority()
  priority?: number;
}

@InputType({ description: '修改值班力量要求详情。Changes to a coverage rule; omitted fields stay as they are.' })
export class UpdateDutyRequirementDetails {
  @Field(() => String, { nullable: true, description: '名称。New name (2–100 characters).' })
  @UnlessOmitted()
  @Length(2, 100)
  name?: string;

  @Field(() => [OrganizationKind], { nullable: true, description: '适用组织类型。New kinds covered (1–7).' })
  @UnlessOmitted()
  @ArrayMinSize(1)
  @ArrayMaxSize(7)
  @IsEnum(OrganizationKind, { each: true })
  organizationKinds?: OrganizationKind[];

  @Field(() => DutySeason, { nullable: true, description: '季节。New season.' })
  @UnlessOmitted()
  @IsEnum(DutySeason)
  season?: DutySeason;

  @Field(() => Int, { nullable: true, description: '最少带班领导。New number of leaders, 0 to 20.' })
  @UnlessOmitted()
  @IsInt()
  @Min(0)
  @Max(20)
  minLeaders?: number;

  @Field(() => Int, { nullable: true, description: '最少值班人员。New number of staff, 0 to 20.' })
  @UnlessOmitted()
  @IsInt()
  @Min(0)
  @Max(20)
  minStaff?: number;

  @Field(() => Int, { nullable: true, description: '优先级。New priority, -1000 to 1000.' })
  @UnlessOmitted()
  @IsRulePriority()
  priority?: number;
}

@InputType({ description: '修改值班力量要求输入。Names the rule and the version you read, with the changes.' })
export class UpdateDutyRequirementInput extends Versioned(UpdateDutyRequirementDetails) {}

@InputType({ description: '值班力量要求筛选。Filters for coverage rule lists.' })
export class DutyRequirementFilter extends ListFilter {
  @Field(() => DutySeason, { nullable: true, description: '季节。Only rules of this season.' })
  @IsOptional()
  @IsEnum(DutySeason)
  season?: DutySeason;

  @Field(() => Boolean, { nullable: true, description: '含已归档。Include archived rules (default false; true in a change feed).' })
  @IsOptional()
  @IsBoolean()
  includeArchived?: boolean;
}

@ArgsType()
export class DutyRequirementListArgs extends PageArgs {
  @FilterField(() => DutyRequirementFilter, '筛选条件。Which rules to list.')
  filter?: DutyRequirementFilter;

  @OrderByField(DutyRequirementOrder, 'by code')
  orderBy?: OrderInput<keyof typeof DutyRequirementOrder.Field>[];
}

// ------------------------------------------------------------------ coverage

@ArgsType()
export class DutyCoverageArgs {
  @Field(() => LocalDateScalar, { description: '起始日期。First day of the period, YYYY-MM-DD (China time).' })
  from: string;

  @Field(() => LocalDateScalar, { description: '截止日期。Last day of the period, included, YYYY-MM-DD; at most 92 days from the first.' })
  to: string;

  @Field(() => UUIDScalar, { nullable: true, description: '组织子树。Only rosters of this organization or below it (within your scope).' })
  @IsOptional()
  @IsUUID()
  withinSubtreeOf?: string;
}
