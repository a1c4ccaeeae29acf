import { ArgsType, Field, Float, InputType, Int } from 'type-graphql';
import { ArrayMaxSize, IsEnum, IsInt, IsNumber, IsOptional, IsUUID, Length, Max, Min } from 'class-validator';
import { FilterField, ListFilter, LocalDateScalar, OrderByField, PageArgs, UUIDScalar, UnlessOmitted, Versioned, type OrderInput } from '@platform/core';
import { EnterpriseClass, InspectionPlanStatus } from './plan.enums';
import { InspectionPlanOrder } from './plan.orders';

/** The most inspector working days a plan deducts for other or non-enforcement work (1000 inspectors × 366 days). */
const MAX_DEDUCTED_DAYS = 366_000;

@InputType({ description: '检查计划筛选。Filters for annual inspection plans; all given filters must match.' })
export class InspectionPlanFilter extends ListFilter {
  @Field(() => UUIDScalar, { nullable: true, description: '执法主体标识。Only plans of this legal subject.' })
  @IsOptional()
  @IsUUID()
  organizationId?: string;

  @Field(() => Int, { nullable: true, description: '年度。Only plans of this year.' })
  @IsOptional()
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;

  @Field(() => [InspectionPlanStatus], { nullable: true, description: '状态。Only these statuses.' })
  @IsOptional()
  @ArrayMaxSize(3)
  @IsEnum(InspectionPlanStatus, { each: true })
  statuses?: InspectionPlanStatus[];
}

@ArgsType()
export class InspectionPlanListArgs extends PageArgs {
  @FilterField(() => InspectionPlanFilter, '筛选条件。Which plans to list.')
  filter?: InspectionPlanFilter;

  @OrderByField(InspectionPlanOrder, 'the latest year first, its latest revision first')
  orderBy?: OrderInput<keyof typeof InspectionPlanOrder.Field>[];
}

@InputType({ description: '检查计划企业筛选。Which entries of the plan to list; all given filters must match.' })
export class InspectionPlanEntryFilter {
  @Field(() => EnterpriseClass, { nullable: true, description: '监管类别。Only key or only ordinary enterprises.' })
  @IsOptional()
  @IsEnum(EnterpriseClass)
  enterpriseClass?: EnterpriseClass;

  @Field(() => Int, { nullable: true, description: '月份。Only enterprises with an inspection planned in this month (1–12).' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(12)
  month?: number;
}

@ArgsType()
export class InspectionPlanEntryArgs extends PageArgs {
  @FilterField(() => InspectionPlanEntryFilter, '筛选条件。Which entries to list.')
  filter?: InspectionPlanEntryFilter;
}

/** The calculator's inputs, shared by the preview and by a plan drawn up. */
@InputType({ description: '检查计划测算输入。The inputs of the annual plan calculator.' })
export class InspectionPlanCalculatorInput {
  @Field(() => LocalDateScalar, { nullable: true, description: '计划期间起。The period\'s first day, in the year (default 1 January of `year`).' })
  @IsOptional()
  periodFrom?: string;

  @Field(() => LocalDateScalar, { nullable: true, description: '计划期间止。The period\'s last day, in the year, not before `periodFrom` (default 31 December of `year`).' })
  @IsOptional()
  periodTo?: string;

  @Field(() => Int, { description: '持证执法人员数。Inspectors holding a valid enforcement certificate for the legal subject (1–1000).' })
  @IsInt()
  @Min(1)
  @Max(1000)
  certifiedInspectors: number;

  @Field(() => Int, { description: '其他执法工作日。Inspector working days spent on other enforcement in the period (0 or more).' })
  @IsInt()
  @Min(0)
  @Max(MAX_DEDUCTED_DAYS)
  otherEnforcementDays: number;

  @Field(() => Int, { description: '非执法工作日。Inspector working days spent on work other than enforcement in the period (0 or more).' })
  @IsInt()
  @Min(0)
  @Max(MAX_DEDUCTED_DAYS)
  nonEnforcementDays: number;

  @Field(() => Float, { nullable: true, description: '重点企业每次检查工作日。Working days per inspection of a key enterprise, in half days (0.5–60); default rule enforcement.inspection-workload\'s.' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0.5)
  @Max(60)
  keyInspectionDays?: number;

  @Field(() => Float, { nullable: true, description: '一般企业每次检查工作日。Working days per inspection of an ordinary enterprise, in half days (0.5–60); default the rule\'s.' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0.5)
  @Max(60)
  ordinaryInspectionDays?: number;
}

@InputType({ description: '检查计划预算。The calculator without saving: a year (or period) and the inputs, and optionally a key list to try.' })
export class InspectionPlanPreviewInput extends InspectionPlanCalculatorInput {
  @Field(() => Int, { description: '年度。The year (2000–2100).' })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year: number;

  @Field(() => Int, { nullable: true, description: '重点企业数。Key enterprises to try (default 0).' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000)
  keyEnterprises?: number;

  @Field(() => Int, { nullable: true, description: '每家重点企业检查次数。Inspections planned for each of them (default 1).' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(365)
  keyInspectionsEach?: number;
}

@InputType({ description: '编制年度监督检查计划。A draft plan of a legal subject for a year; a year that has a plan already gets a revision instead (reviseInspectionPlan).' })
export class CreateInspectionPlanInput extends InspectionPlanCalculatorInput {
  @Field(() => UUIDScalar, { description: '执法主体标识。The legal subject: the town government or one of its departments, within your scope.' })
  @IsUUID()
  organizationId: string;

  @Field(() => Int, { description: '年度。The year (2000–2100).' })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year: number;

  @Field(() => String, { nullable: true, description: '标题。2–200 characters; default 〈执法主体〉〈年度〉年度安全生产监督检查计划.' })
  @IsOptional()
  @Length(2, 200)
  title?: string;

  @Field(() => String, { nullable: true, description: '说明。Notes, up to 2000 characters.' })
  @IsOptional()
  @Length(1, 2000)
  note?: string;
}

@InputType({ description: '检查计划修改内容。Changes to a draft plan; omitted fields stay.' })
export class InspectionPlanDetails {
  @Field(() => String, { nullable: true, description: '标题。2–200 characters.' })
  @UnlessOmitted()
  @Length(2, 200)
  title?: string;

  @Field(() => LocalDateScalar, { nullable: true, description: '计划期间起。New first day, in the plan\'s year.' })
  @UnlessOmitted()
  periodFrom?: string;

  @Field(() => LocalDateScalar, { nullable: true, description: '计划期间止。New last day, in the plan\'s year.' })
  @UnlessOmitted()
  periodTo?: string;

  @Field(() => Int, { nullable: true, description: '持证执法人员数。Certified inspectors (1–1000).' })
  @UnlessOmitted()
  @IsInt()
  @Min(1)
  @Max(1000)
  certifiedInspectors?: number;

  @Field(() => Int, { nullable: true, description: '其他执法工作日。0 or more.' })
  @UnlessOmitted()
  @IsInt()
  @Min(0)
  @Max(MAX_DEDUCTED_DAYS)
  otherEnforcementDays?: number;

  @Field(() => Int, { nullable: true, description: '非执法工作日。0 or more.' })
  @UnlessOmitted()
  @IsInt()
  @Min(0)
  @Max(MAX_DEDUCTED_DAYS)
  nonEnforcementDays?: number;

  @Field(() => Float, { nullable: true, description: '重点企业每次检查工作日。In half days (0.5–60); null: the rule\'s again.' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0.5)
  @Max(60)
  keyInspectionDays?: number | null;

  @Field(() => Float, { nullable: true, description: '一般企业每次检查工作日。In half days (0.5–60); null: the rule\'s again.' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0.5)
  @Max(60)
  ordinaryInspectionDays?: number | null;

  @Field(() => String, { nullable: true, description: '说明。Up to 2000 characters; null clears it.' })
  @IsOptional()
  @Length(1, 2000)
  note?: string | null;
}

@InputType({ description: '修改检查计划。Changes a draft plan and recomputes it; needs the version you read.' })
export class UpdateInspectionPlanInput extends Versioned(InspectionPlanDetails) {}

@InputType({ description: '检查计划引用。Names no fields besides the plan and its version.' })
export class InspectionPlanRef {}

const VersionedPlanRef = Versioned(InspectionPlanRef);

@InputType({ description: '批准检查计划。Approves a draft plan with at least one enterprise and no key shortfall; an approved plan of the same year is superseded. Needs the version you read.' })
export class ApproveInspectionPlanInput extends VersionedPlanRef {}

@InputType({ description: '修订检查计划。A new draft revision of an approved plan, its inputs and enterprise list copied; needs the version you read.' })
export class ReviseInspectionPlanInput extends VersionedPlanRef {}

@InputType({ description: '推定检查企业名单。Derives a draft plan\'s enterprise list from the directory and risk; needs the version you read.' })
export class DeriveInspectionPlanEntriesInput extends VersionedPlanRef {}

@InputType({ description: '检查计划企业修改内容。Changes to an entry of a draft plan; omitted fields stay.' })
export class InspectionPlanEntryDetails {
  @Field(() => EnterpriseClass, { nullable: true, description: '监管类别。Move the enterprise to this class; a class other than the derived one needs `reclassificationReason`.' })
  @UnlessOmitted()
  @IsEnum(EnterpriseClass)
  enterpriseClass?: EnterpriseClass;

  @Field(() => String, { nullable: true, description: '调整理由。Why the enterprise is not in its derived class (2–500 characters); needed when it is moved out of it.' })
  @IsOptional()
  @Length(2, 500)
  reclassificationReason?: string;

  @Field(() => Int, { nullable: true, description: '计划检查次数。0 up to the cap of its class for the year (rule enforcement.inspection-frequency); send `plannedMonths` with it.' })
  @UnlessOmitted()
  @IsInt()
  @Min(0)
  @Max(365)
  plannedInspections?: number;

  @Field(() => [Int], { nullable: true, description: '计划检查月份。One month (1–12, within the plan\'s period) per planned inspection.' })
  @UnlessOmitted()
  @ArrayMaxSize(365)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(12, { each: true })
  plannedMonths?: number[];
}

@InputType({ description: '修改检查计划企业。Moves an enterprise of a draft plan between key and ordinary (with a reason), or sets its planned inspections and months; needs the entry\'s version.' })
export class UpdateInspectionPlanEntryInput extends Versioned(InspectionPlanEntryDetails) {}

@InputType({ description: '检查计划企业引用。Names no fields besides the entry and its version.' })
export class InspectionPlanEntryRef {}

@InputType({ description: '删除检查计划企业。Removes an enterprise from a draft plan; needs the entry\'s version.' })
export class RemoveInspectionPlanEntryInput extends Versioned(InspectionPlanEntryRef) {}
