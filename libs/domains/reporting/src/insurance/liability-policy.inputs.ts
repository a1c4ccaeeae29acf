import { ArgsType, Field, InputType, Int } from 'type-graphql';
import { ArrayMaxSize, IsBoolean, IsEnum, IsInt, IsOptional, IsUUID, Length, Max, Min } from 'class-validator';
import { DecimalRange, DecimalScalar, FilterField, ListFilter, LocalDateScalar, OrderByField, PageArgs, UUIDScalar, UnlessOmitted, Versioned, type OrderInput } from '@platform/core';
import { LiabilityPolicyStatus } from './insurance.enums';
import { LiabilityInsuranceCoverageOrder, LiabilityPolicyOrder } from './insurance.orders';

/** The most files one policy record attaches. */
export const MAX_POLICY_ATTACHMENTS = 10;
/** The largest amount a limit or premium may have (numeric(14,2)). */
const MAX_YUAN = '999999999999.99';

@InputType({ description: '保单筛选。Filters for liability insurance policies; all given filters must match.' })
export class LiabilityPolicyFilter extends ListFilter {
  @Field(() => UUIDScalar, { nullable: true, description: '投保企业。Only the policies of this enterprise.' })
  @IsOptional()
  @IsUUID()
  enterpriseId?: string;

  @Field(() => [LiabilityPolicyStatus], { nullable: true, description: '状态。Only policies in these statuses today (China time).' })
  @IsOptional()
  @ArrayMaxSize(4)
  @IsEnum(LiabilityPolicyStatus, { each: true })
  statuses?: LiabilityPolicyStatus[];

  @Field(() => Boolean, { nullable: true, description: '限额不足。Only policies whose per-person limit is below their rule\'s minimum (true), or only the others (false).' })
  @IsOptional()
  @IsBoolean()
  limitBelowMinimum?: boolean;

  @Field(() => Boolean, { nullable: true, description: '即将到期。Only active policies ending within their rule\'s lapse window (30 days) with no renewal (true), or only the others (false).' })
  @IsOptional()
  @IsBoolean()
  lapsing?: boolean;

  @Field(() => String, { nullable: true, description: '保单号。Only policies with this number.' })
  @IsOptional()
  @Length(1, 60)
  policyNumber?: string;
}

@ArgsType()
export class LiabilityPolicyListArgs extends PageArgs {
  @FilterField(() => LiabilityPolicyFilter, '筛选条件。Which policies to list.')
  filter?: LiabilityPolicyFilter;

  @OrderByField(LiabilityPolicyOrder, 'ending first')
  orderBy?: OrderInput<keyof typeof LiabilityPolicyOrder.Field>[];
}

@InputType({ description: '登记安责险保单。A work-safety liability insurance policy of an enterprise in your scope.' })
export class RecordLiabilityPolicyInput {
  @Field(() => UUIDScalar, { description: '投保企业标识。The insured enterprise (an enterprise in your scope; an enterprise its own).' })
  @IsUUID()
  enterpriseId: string;

  @Field({ description: '保险公司。The insurer (2–100 characters).' })
  @Length(2, 100)
  insurer: string;

  @Field({ description: '保单号。The policy number (2–60 characters, unique per insurer).' })
  @Length(2, 60)
  policyNumber: string;

  @Field(() => LocalDateScalar, { description: '保险起期。The first day covered; the rule version in force on it judges the policy.' })
  startsOn: string;

  @Field(() => LocalDateScalar, { description: '保险止期。The last day covered (after startsOn, within five years).' })
  endsOn: string;

  @Field(() => DecimalScalar, { description: '每人死亡伤残责任限额（元）。Positive; a limit below the rule\'s minimum (¥400,000) is recorded and flagged (limitBelowMinimum).' })
  @DecimalRange({ max: MAX_YUAN, positive: true })
  perPersonLimitYuan: string;

  @Field(() => Int, { description: '承保人数。Staff covered (1–100000).' })
  @IsInt()
  @Min(1)
  @Max(100000)
  headcountCovered: number;

  @Field(() => DecimalScalar, { nullable: true, description: '保费（元）。The premium (0 or more); optional.' })
  @IsOptional()
  @DecimalRange({ max: MAX_YUAN, min: '0' })
  premiumYuan?: string;

  @Field(() => [UUIDScalar], { nullable: true, description: `附件。Your uploads to attach (the policy's scan; at most ${MAX_POLICY_ATTACHMENTS}).` })
  @IsOptional()
  @ArrayMaxSize(MAX_POLICY_ATTACHMENTS)
  @IsUUID('all', { each: true })
  attachmentIds?: string[];
}

@InputType({ description: '更正安责险保单详情。The fields to correct; omitted ones stay.' })
export class LiabilityPolicyChanges {
  @Field(() => String, { nullable: true, description: '保险公司。The insurer (2–100 characters).' })
  @UnlessOmitted()
  @Length(2, 100)
  insurer?: string;

  @Field(() => String, { nullable: true, description: '保单号。The policy number (2–60 characters, unique per insurer).' })
  @UnlessOmitted()
  @Length(2, 60)
  policyNumber?: string;

  @Field(() => LocalDateScalar, { nullable: true, description: '保险起期。The first day covered; the rule version is read again for it.' })
  @UnlessOmitted()
  startsOn?: string;

  @Field(() => LocalDateScalar, { nullable: true, description: '保险止期。The last day covered (after startsOn).' })
  @UnlessOmitted()
  endsOn?: string;

  @Field(() => DecimalScalar, { nullable: true, description: '每人死亡伤残责任限额（元）。Positive.' })
  @UnlessOmitted()
  @DecimalRange({ max: MAX_YUAN, positive: true })
  perPersonLimitYuan?: string;

  @Field(() => Int, { nullable: true, description: '承保人数。Staff covered (1–100000).' })
  @UnlessOmitted()
  @IsInt()
  @Min(1)
  @Max(100000)
  headcountCovered?: number;

  @Field(() => DecimalScalar, { nullable: true, description: '保费（元）。The premium (0 or more); null clears it.' })
  @IsOptional()
  @DecimalRange({ max: MAX_YUAN, min: '0' })
  premiumYuan?: string | null;
}

@InputType({ description: '更正安责险保单。Corrects a policy that is not cancelled; needs the version you read.' })
export class UpdateLiabilityPolicyInput extends Versioned(LiabilityPolicyChanges) {}

@InputType({ description: '退保详情。The day and reason of a cancellation.' })
export class LiabilityPolicyCancellation {
  @Field(() => LocalDateScalar, { nullable: true, description: '退保日期。The first day no longer covered (default today; not in the future, not before the first day covered).' })
  @IsOptional()
  cancelledOn?: string;

  @Field({ description: '退保原因。Why, e.g. 企业已注销 (2–500 characters).' })
  @Length(2, 500)
  reason: string;
}

@InputType({ description: '退保。Cancels a policy; refused while its enterprise operates in a mandatory sector (应急〔2025〕27号). Needs the version you read.' })
export class CancelLiabilityPolicyInput extends Versioned(LiabilityPolicyCancellation) {}

@InputType({ description: '投保覆盖筛选。Filters for the coverage list of enterprises; all given filters must match.' })
export class LiabilityCoverageFilter {
  @Field(() => Boolean, { nullable: true, description: '仅强制投保行业。Only enterprises in a sector where the insurance is mandatory today (true).' })
  @IsOptional()
  @IsBoolean()
  mandatoryOnly?: boolean;

  @Field(() => Boolean, { nullable: true, description: '已覆盖。Only enterprises with an active policy meeting the limit today (true), or only those without one (false).' })
  @IsOptional()
  @IsBoolean()
  covered?: boolean;
}

@ArgsType()
export class LiabilityCoverageArgs extends PageArgs {
  @FilterField(() => LiabilityCoverageFilter, '筛选条件。Which enterprises to list.')
  filter?: LiabilityCoverageFilter;

  @OrderByField(LiabilityInsuranceCoverageOrder, 'by enterprise name')
  orderBy?: OrderInput<keyof typeof LiabilityInsuranceCoverageOrder.Field>[];
}
