import { ArgsType, Field, InputType, Int } from 'type-graphql';
import { ArrayMaxSize, IsBoolean, IsDate, IsEnum, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { FilterField, DecimalRange, DecimalScalar, GeoPointInput, LocatedFilter, LocalDateScalar, LocationField, OrderByField, PageArgs, UUIDScalar, Versioned, type OrderInput } from '@platform/core';
import { HazardCategory, HazardGrade, HazardSource, HazardStatus, RejectionReason } from './hazard.enums';
import { HazardOrder } from './hazard.orders';

@InputType({ description: '上报隐患输入。A newly found hazard.' })
export class ReportHazardInput {
  @Field(() => UUIDScalar, { description: '所在单位标识。Where the hazard is (within your scope).' })
  @IsUUID()
  organizationId: string;

  @Field({ description: '标题。Short description (2–100 characters).' })
  @Length(2, 100)
  title: string;

  @Field(() => String, { nullable: true, description: '详细描述。What and where exactly (up to 2000 characters).' })
  @IsOptional()
  @Length(1, 2000)
  description?: string | null;

  @Field(() => HazardCategory, { description: '类别。What kind of danger.' })
  @IsEnum(HazardCategory)
  category: HazardCategory;

  @LocationField('位置。Where exactly (WGS 84), for maps.')
  location?: GeoPointInput | null;

  @Field(() => HazardSource, { description: '来源。How it was found.' })
  @IsEnum(HazardSource)
  source: HazardSource;

  @Field(() => Date, { nullable: true, description: '发现时间。When it was found (default now; not in the future).' })
  @IsOptional()
  @IsDate()
  foundAt?: Date;

  @Field(() => [UUIDScalar], { nullable: true, description: '照片/证据。Uploaded attachment ids (up to 20).' })
  @IsOptional()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  attachmentIds?: string[];
}

@InputType({ description: '处置说明。A note and evidence for a workflow step.' })
export class HazardStepDetails {
  @Field(() => String, { nullable: true, description: '说明。Note of the step (up to 2000 characters).' })
  @IsOptional()
  @Length(1, 2000)
  note?: string | null;

  @Field(() => [UUIDScalar], { nullable: true, description: '证据。Uploaded attachment ids (up to 20).' })
  @IsOptional()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  attachmentIds?: string[];
}

@InputType({ description: '处置步骤输入。Names the hazard and the version you read, with an optional note and evidence.' })
export class HazardStepInput extends Versioned(HazardStepDetails) {}

@InputType({ description: '确认定级详情。How the hazard is graded.' })
export class ConfirmHazardDetails extends HazardStepDetails {
  @Field(() => HazardGrade, { description: '等级。General or major.' })
  @IsEnum(HazardGrade)
  grade: HazardGrade;

  @Field(() => String, { nullable: true, description: '判定依据。The criteria clause used (required for MAJOR).' })
  @IsOptional()
  @Length(2, 300)
  criteriaReference?: string | null;
}

@InputType({ description: '确认定级输入。Confirms and grades a reported hazard.' })
export class ConfirmHazardInput extends Versioned(ConfirmHazardDetails) {}

@InputType({ description: '驳回详情。Why the report is not a hazard.' })
export class RejectHazardDetails extends HazardStepDetails {
  @Field(() => RejectionReason, { description: '原因。Not a hazard, or a duplicate.' })
  @IsEnum(RejectionReason)
  reason: RejectionReason;
}

@InputType({ description: '驳回输入。Rejects a report.' })
export class RejectHazardInput extends Versioned(RejectHazardDetails) {}

@InputType({ description: '整改方案详情。The rectification plan.' })
export class RectificationPlanDetails extends HazardStepDetails {
  @Field({ description: '整改措施。What will be done (5–2000 characters).' })
  @Length(5, 2000)
  measures: string;

  @Field(() => UUIDScalar, { description: '整改责任人标识。The person responsible, an active person you may read.' })
  @IsUUID()
  responsiblePersonId: string;

  @Field(() => String, { nullable: true, description: '应急措施（预案）。Safety measures until the hazard is removed; required for MAJOR hazards (10–2000 characters).' })
  @IsOptional()
  @Length(10, 2000)
  emergencyMeasures?: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: '整改资金（元）。Funds in yuan, "0" to "1000000000.00".' })
  @IsOptional()
  @DecimalRange({ min: '0', max: '1000000000' })
  funds?: string | null;

  @Field(() => LocalDateScalar, { description: '整改期限。Deadline, YYYY-MM-DD, not in the past.' })
  deadline: string;

  @Field(() => Boolean, { nullable: true, description: '挂牌督办。Listed supervision (major hazards only).' })
  @IsOptional()
  @IsBoolean()
  listedSupervision?: boolean;
}

@InputType({ description: '整改方案输入。Sets or revises the rectification plan.' })
export class PlanRectificationInput extends Versioned(RectificationPlanDetails) {}

@InputType({ description: '隐患筛选。Filters for hazard lists.' })
export class HazardFilter extends LocatedFilter {
  @Field(() => [HazardStatus], { nullable: true, description: '状态。Only these states.' })
  @IsOptional()
  @ArrayMaxSize(8)
  @IsEnum(HazardStatus, { each: true })
  statuses?: HazardStatus[];

  @Field(() => HazardGrade, { nullable: true, description: '等级。Only this grade.' })
  @IsOptional()
  @IsEnum(HazardGrade)
  grade?: HazardGrade;

  @Field(() => UUIDScalar, { nullable: true, description: '所属子树。Only hazards at this organization or below it.' })
  @IsOptional()
  @IsUUID()
  withinSubtreeOf?: string;

  @Field(() => Boolean, { nullable: true, description: '逾期。Only hazards past their deadline and not closed (true), or not overdue (false).' })
  @IsOptional()
  @IsBoolean()
  overdue?: boolean;

  @Field(() => Int, { nullable: true, description: '即将到期（天）。Only open hazards due within this many days (0 = today), 0 to 365.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(365)
  dueWithinDays?: number;

  @Field(() => String, { nullable: true, description: '关键词。Text in the title.' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  search?: string;
}

@ArgsType()
export class HazardListArgs extends PageArgs {
  @FilterField(() => HazardFilter, '筛选条件。Which hazards to list.')
  filter?: HazardFilter;

  @OrderByField(HazardOrder, 'newest found first')
  orderBy?: OrderInput<keyof typeof HazardOrder.Field>[];
}
