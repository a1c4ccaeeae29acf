import { ArgsType, Field, InputType, Int } from 'type-graphql';
import { ArrayMaxSize, IsBoolean, IsEnum, IsInt, IsOptional, IsUUID, Length, Max, Min } from 'class-validator';
import { FilterField, ListFilter, LocalDateScalar, OrderByField, PageArgs, UUIDScalar, UnlessOmitted, Versioned, type OrderInput } from '@platform/core';
import { PublicityKind, PublicityTarget } from './publicity.enums';
import { CommendationOrder, PublicityActivityOrder, PublicityCoverageOrder } from './publicity.orders';

/** The largest audience one activity records. */
export const MAX_AUDIENCE = 100000;

@InputType({ description: '宣传活动筛选。Filters for publicity activities; all given filters must match.' })
export class PublicityActivityFilter extends ListFilter {
  @Field(() => [PublicityKind], { nullable: true, description: '类型。Only these kinds.' })
  @IsOptional()
  @ArrayMaxSize(5)
  @IsEnum(PublicityKind, { each: true })
  kinds?: PublicityKind[];

  @Field(() => [PublicityTarget], { nullable: true, description: '五进对象。Only activities into these targets.' })
  @IsOptional()
  @ArrayMaxSize(5)
  @IsEnum(PublicityTarget, { each: true })
  targets?: PublicityTarget[];

  @Field(() => UUIDScalar, { nullable: true, description: '单位。Only activities held at this organization or anywhere below it (a village with its grids and enterprises).' })
  @IsOptional()
  @IsUUID()
  withinOrganizationId?: string;

  @Field(() => LocalDateScalar, { nullable: true, description: '起始日期。Only activities held on or after this day.' })
  @IsOptional()
  heldFrom?: string;

  @Field(() => LocalDateScalar, { nullable: true, description: '截止日期。Only activities held on or before this day.' })
  @IsOptional()
  heldTo?: string;
}

@ArgsType()
export class PublicityActivityListArgs extends PageArgs {
  @FilterField(() => PublicityActivityFilter, '筛选条件。Which activities to list.')
  filter?: PublicityActivityFilter;

  @OrderByField(PublicityActivityOrder, 'latest held first')
  orderBy?: OrderInput<keyof typeof PublicityActivityOrder.Field>[];
}

@InputType({ description: '登记宣传活动。A safety publicity activity held at an organization in your scope.' })
export class RecordPublicityActivityInput {
  @Field(() => PublicityKind, { description: '类型。SAFETY_MONTH, DISASTER_PREVENTION_DAY and FIRE_SAFETY_MONTH must be held in their period (reporting.publicity-calendar); FIVE_INTO needs a target.' })
  @IsEnum(PublicityKind)
  kind: PublicityKind;

  @Field({ description: '主题。2–200 characters.' })
  @Length(2, 200)
  title: string;

  @Field(() => LocalDateScalar, { description: '举办日期。Not in the future.' })
  heldOn: string;

  @Field(() => UUIDScalar, { description: '举办单位标识。Where it was held (in your scope).' })
  @IsUUID()
  organizationId: string;

  @Field(() => PublicityTarget, { nullable: true, description: '五进对象。Whom it went into; required for FIVE_INTO.' })
  @IsOptional()
  @IsEnum(PublicityTarget)
  target?: PublicityTarget;

  @Field(() => Int, { description: `受众人数。How many people it reached, 0–${MAX_AUDIENCE}.` })
  @IsInt()
  @Min(0)
  @Max(MAX_AUDIENCE)
  audienceCount: number;

  @Field(() => String, { nullable: true, description: '活动简介。2–2000 characters.' })
  @IsOptional()
  @Length(2, 2000)
  summary?: string;
}

@InputType({ description: '更正宣传活动详情。The fields to correct; omitted ones stay.' })
export class PublicityActivityChanges {
  @Field(() => PublicityKind, { nullable: true, description: '类型。The new kind of campaign.' })
  @UnlessOmitted()
  @IsEnum(PublicityKind)
  kind?: PublicityKind;

  @Field(() => String, { nullable: true, description: '主题。2–200 characters.' })
  @UnlessOmitted()
  @Length(2, 200)
  title?: string;

  @Field(() => LocalDateScalar, { nullable: true, description: '举办日期。Not in the future.' })
  @UnlessOmitted()
  heldOn?: string;

  @Field(() => PublicityTarget, { nullable: true, description: '五进对象。null clears it (not for FIVE_INTO).' })
  @IsOptional()
  @IsEnum(PublicityTarget)
  target?: PublicityTarget | null;

  @Field(() => Int, { nullable: true, description: `受众人数。How many people it reached, 0–${MAX_AUDIENCE}.` })
  @UnlessOmitted()
  @IsInt()
  @Min(0)
  @Max(MAX_AUDIENCE)
  audienceCount?: number;

  @Field(() => String, { nullable: true, description: '活动简介。2–2000 characters; null clears it.' })
  @IsOptional()
  @Length(2, 2000)
  summary?: string | null;
}

@InputType({ description: '更正宣传活动。Corrects an activity; needs the version you read.' })
export class UpdatePublicityActivityInput extends Versioned(PublicityActivityChanges) {}

@InputType({ description: '删除宣传活动详情。Nothing besides the record.' })
export class PublicityActivityRemoval {
  @Field(() => String, { nullable: true, description: '原因。Why it is removed (2–200 characters).' })
  @IsOptional()
  @Length(2, 200)
  reason?: string;
}

@InputType({ description: '删除宣传活动。Removes an activity recorded by mistake (kept for the audit, no longer counted); needs the version you read.' })
export class RemovePublicityActivityInput extends Versioned(PublicityActivityRemoval) {}

@InputType({ description: '五进覆盖筛选。Filters for the coverage matrix.' })
export class PublicityCoverageFilter {
  @Field(() => Boolean, { nullable: true, description: '仅有缺口。Only villages and communities with at least one target without an activity (true), or only fully covered ones (false).' })
  @IsOptional()
  @IsBoolean()
  withGaps?: boolean;
}

@ArgsType()
export class PublicityCoverageArgs extends PageArgs {
  @Field(() => Int, { description: '年度。The year (2000–2100).' })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year: number;

  @FilterField(() => PublicityCoverageFilter, '筛选条件。Which rows to list.')
  filter?: PublicityCoverageFilter;

  @OrderByField(PublicityCoverageOrder, 'by name')
  orderBy?: OrderInput<keyof typeof PublicityCoverageOrder.Field>[];
}

@InputType({ description: '预警转移表扬筛选。Filters for commendations.' })
export class CommendationFilter extends ListFilter {
  @Field(() => UUIDScalar, { nullable: true, description: '预警。Only commendations for this warning.' })
  @IsOptional()
  @IsUUID()
  warningId?: string;

  @Field(() => UUIDScalar, { nullable: true, description: '单位。Only commendations of this organization.' })
  @IsOptional()
  @IsUUID()
  organizationId?: string;
}

@ArgsType()
export class CommendationListArgs extends PageArgs {
  @FilterField(() => CommendationFilter, '筛选条件。Which commendations to list.')
  filter?: CommendationFilter;

  @OrderByField(CommendationOrder, 'latest first')
  orderBy?: OrderInput<keyof typeof CommendationOrder.Field>[];
}

@InputType({ description: '登记预警转移表扬。A commendation for a successful early-warning evacuation.' })
export class RecordEvacuationCommendationInput {
  @Field(() => UUIDScalar, { description: '预警标识。A warning you may read (warnings module).' })
  @IsUUID()
  warningId: string;

  @Field(() => UUIDScalar, { description: '受表扬单位标识。The organization commended, or where the person serves (in your scope).' })
  @IsUUID()
  organizationId: string;

  @Field(() => UUIDScalar, { nullable: true, description: '受表扬人员标识。The person commended (one you may read); omit when the organization is.' })
  @IsOptional()
  @IsUUID()
  personId?: string;

  @Field({ description: '受表扬对象。The name as written (2–100 characters).' })
  @Length(2, 100)
  commendedName: string;

  @Field(() => Int, { description: '转移人数。How many people were evacuated, 1–100000.' })
  @IsInt()
  @Min(1)
  @Max(100000)
  evacuatedCount: number;

  @Field({ description: '表扬事由。2–1000 characters.' })
  @Length(2, 1000)
  reason: string;

  @Field(() => LocalDateScalar, { nullable: true, description: '表扬日期。Default today; not in the future, not before the warning was sent.' })
  @IsOptional()
  commendedOn?: string;

  @Field(() => String, { nullable: true, description: '文号。2–60 characters.' })
  @IsOptional()
  @Length(2, 60)
  documentNumber?: string;
}
