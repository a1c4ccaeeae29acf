import { ArgsType, Field, InputType, Int } from 'type-graphql';
import { ArrayMaxSize, IsBoolean, IsDate, IsEnum, IsInt, IsOptional, IsUUID, Length, Max, Min } from 'class-validator';
import { DateTimeScalar, FilterField, ListFilter, OrderByField, PageArgs, UUIDScalar, Versioned, type OrderInput } from '@platform/core';
import { HazardCategory } from '@domains/risk';
import { TipCategory, TipChannel, TipFollowUpResult, TipOutcome, TipStatus } from '../tips/public';
import { TipOrder } from './tip.orders';

/** The most days one extension may add (the rule's maximum applies on top). */
export const MAX_EXTENSION_DAYS = 90;

@InputType({ description: '举报筛选。Filters for tips; all given filters must match.' })
export class TipFilter extends ListFilter {
  @Field(() => [TipStatus], { nullable: true, description: '状态。Only these statuses.' })
  @IsOptional()
  @ArrayMaxSize(11)
  @IsEnum(TipStatus, { each: true })
  statuses?: TipStatus[];

  @Field(() => [TipChannel], { nullable: true, description: '渠道。Only tips that came in on these channels.' })
  @IsOptional()
  @ArrayMaxSize(7)
  @IsEnum(TipChannel, { each: true })
  channels?: TipChannel[];

  @Field(() => [TipCategory], { nullable: true, description: '类别。Only these categories.' })
  @IsOptional()
  @ArrayMaxSize(6)
  @IsEnum(TipCategory, { each: true })
  categories?: TipCategory[];

  @Field(() => UUIDScalar, { nullable: true, description: '所属单位。Only tips concerning this organization (the enterprise, village or town they are filed under).' })
  @IsOptional()
  @IsUUID()
  organizationId?: string;

  @Field(() => UUIDScalar, { nullable: true, description: '被举报企业。Only tips naming this enterprise.' })
  @IsOptional()
  @IsUUID()
  enterpriseId?: string;

  @Field(() => Boolean, { nullable: true, description: '超时。Only tips past their clock now (true: `pastSla`), or only the others (false).' })
  @IsOptional()
  @IsBoolean()
  pastSla?: boolean;

  @Field(() => DateTimeScalar, { nullable: true, description: '接收起始。Only tips received at or after this instant.' })
  @IsOptional()
  @IsDate()
  receivedFrom?: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: '接收截止。Only tips received before this instant.' })
  @IsOptional()
  @IsDate()
  receivedTo?: Date;

  @Field(() => String, { nullable: true, description: '流水号。Only the tip with this tracking code.' })
  @IsOptional()
  @Length(1, 40)
  code?: string;
}

@ArgsType()
export class TipListArgs extends PageArgs {
  @FilterField(() => TipFilter, '筛选条件。Which tips to list.')
  filter?: TipFilter;

  @OrderByField(TipOrder, 'latest received first')
  orderBy?: OrderInput<keyof typeof TipOrder.Field>[];
}

@InputType({ description: '举报办理步骤。A step that records nothing beyond the change.' })
export class TipStepDetails {}

@InputType({ description: '举报办理步骤。Names the tip and the version you read, for a step that records nothing else (accept, start verifying, handle).' })
export class TipStepInput extends Versioned(TipStepDetails) {}

@InputType({ description: '理由。A step that records its reason.' })
export class TipReasonDetails {
  @Field({ description: '理由。Why (2–1000 characters); recorded as the tip\'s statusReason.' })
  @Length(2, 1000)
  reason: string;
}

@InputType({ description: '附理由的举报办理步骤。Names the tip, the version you read and the reason, for a step that records one (reject, send back, escalate, not verified).' })
export class TipReasonInput extends Versioned(TipReasonDetails) {}

@InputType({ description: '分派详情。Who verifies the tip.' })
export class TipAssignmentDetails {
  @Field(() => UUIDScalar, { description: '承办单位。The organization that verifies it (a village, a department, the enforcement team), one you may read.' })
  @IsUUID()
  organizationId: string;

  @Field(() => UUIDScalar, { nullable: true, description: '承办人。The person who verifies it, one you may read; none when the organization decides.' })
  @IsOptional()
  @IsUUID()
  personId?: string;
}

@InputType({ description: '分派举报。Assigns (or reassigns) an ACCEPTED or ASSIGNED tip; needs the version you read.' })
export class AssignTipInput extends Versioned(TipAssignmentDetails) {}

@InputType({ description: '核查属实详情。The hazard raised in the risk module from a verified tip.' })
export class TipVerificationDetails {
  @Field(() => HazardCategory, { description: '隐患类别。The category of the hazard raised.' })
  @IsEnum(HazardCategory)
  hazardCategory: HazardCategory;

  @Field(() => String, { nullable: true, description: '隐患名称。The hazard\'s title (2–100 characters); the tip\'s title when omitted.' })
  @IsOptional()
  @Length(2, 100)
  hazardTitle?: string;

  @Field(() => String, { nullable: true, description: '核查情况。What was found on site (2–2000 characters); becomes the hazard\'s description.' })
  @IsOptional()
  @Length(2, 2000)
  finding?: string;
}

@InputType({ description: '核查属实。Verifies a VERIFYING tip true: raises a hazard (source PUBLIC_REPORT) in the same transaction; needs the version you read.' })
export class VerifyTipInput extends Versioned(TipVerificationDetails) {}

@InputType({ description: '办结详情。The outcome of a tip closed by hand.' })
export class TipCloseDetails {
  @Field(() => TipOutcome, { description: '办理结果。FIXED (a HANDLED tip whose hazard is closed), NOT_RESPONSIBLE, NO_HAZARD_FOUND, NOT_VERIFIED (a NOT_VERIFIED tip) or ESCALATED (an escalated tip, when the district answers); DUPLICATE only by merging, REJECTED and SENT_BACK by their steps.' })
  @IsEnum(TipOutcome)
  outcome: TipOutcome;

  @Field(() => String, { nullable: true, description: '理由。Why (2–1000 characters); required for every outcome but FIXED.' })
  @IsOptional()
  @Length(2, 1000)
  reason?: string;
}

@InputType({ description: '办结举报。Closes a tip with its outcome; needs the version you read.' })
export class CloseTipInput extends Versioned(TipCloseDetails) {}

@InputType({ description: '延期详情。How long and why.' })
export class TipExtensionDetails {
  @Field(() => Int, { description: `延期天数。Calendar days to add to the handling clock (1–${MAX_EXTENSION_DAYS}); all extensions together at most the channel's maxExtensionDays of reporting.tip-sla.` })
  @IsInt()
  @Min(1)
  @Max(MAX_EXTENSION_DAYS)
  days: number;

  @Field({ description: '延期理由。Why (2–1000 characters; 信访工作条例 第二十三条: extensions state their reasons).' })
  @Length(2, 1000)
  reason: string;
}

@InputType({ description: '延期。Extends the handling clock of an accepted, open tip; needs the version you read.' })
export class ExtendTipInput extends Versioned(TipExtensionDetails) {}

@InputType({ description: '催办/督办。An action on an open tip that does not change its state.' })
export class TipActionInput {
  @Field(() => UUIDScalar, { description: '举报标识。The tip.' })
  @IsUUID()
  id: string;

  @Field({ description: '说明。What is asked (2–2000 characters).' })
  @Length(2, 2000)
  note: string;
}

@InputType({ description: '回访详情。The reporter\'s answer at the follow-up.' })
export class TipFollowUpDetails {
  @Field(() => TipFollowUpResult, { description: '回访结果。SATISFIED, NOT_FIXED (reopens the tip) or NO_ANSWER.' })
  @IsEnum(TipFollowUpResult)
  result: TipFollowUpResult;

  @Field(() => String, { nullable: true, description: '说明。What the reporter said (2–2000 characters).' })
  @IsOptional()
  @Length(2, 2000)
  note?: string;
}

@InputType({ description: '回访。Records the follow-up of a CLOSED tip; needs the version you read.' })
export class RecordTipFollowUpInput extends Versioned(TipFollowUpDetails) {}

@InputType({ description: '合并重复举报。Merges a duplicate into the tip it repeats.' })
export class MergeTipInput {
  @Field(() => UUIDScalar, { description: '重复举报。The tip that repeats another: it is closed with outcome DUPLICATE.' })
  @IsUUID()
  duplicateId: string;

  @Field(() => Int, { description: '版本号。The version of the duplicate you read.' })
  @IsInt()
  @Min(1)
  version: number;

  @Field(() => UUIDScalar, { description: '合并至。The tip it is merged into (open, not itself a duplicate).' })
  @IsUUID()
  intoId: string;
}

@InputType({ description: '举报人申请重新办理。A reporter asks, with the tracking code and secret, to reopen a closed tip.' })
export class ReopenTipAsReporterInput {
  @Field({ description: '流水号。The tracking code, e.g. JB-2026-000123.' })
  @Length(4, 40)
  code: string;

  @Field({ description: '提取码。The secret shown when the tip was submitted.' })
  @Length(8, 64)
  secret: string;

  @Field({ description: '理由。Why it is not resolved (2–1000 characters).' })
  @Length(2, 1000)
  reason: string;
}
