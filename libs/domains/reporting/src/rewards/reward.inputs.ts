import { ArgsType, Field, InputType, Int } from 'type-graphql';
import { ArrayMaxSize, IsBoolean, IsEnum, IsInt, IsOptional, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { DateTimeScalar, DecimalRange, DecimalScalar, FilterField, ListFilter, LocalDateScalar, OrderByField, PageArgs, UUIDScalar, Versioned, type OrderInput } from '@platform/core';
import { InternalRewardMechanismOrder, TipRewardOrder } from './reward.orders';
import { InternalRewardChannel, TipRewardBasis, TipRewardPaymentMethod, TipRewardStatus } from './reward.enums';

@InputType({ description: '关联处理结果。Links a tip to the enforcement outcome its reward is computed from: a penalty case and/or an accident investigation you may read.' })
export class LinkTipOutcomeInput {
  @Field(() => UUIDScalar, { description: '举报标识。A tip that is VERIFIED, HANDLED, or CLOSED as FIXED.' })
  @IsUUID()
  tipId: string;

  @Field(() => UUIDScalar, { nullable: true, description: '处罚案件标识。The penalty case opened on the tip (for 重大事故隐患, 非法违法生产经营建设).' })
  @IsOptional()
  @IsUUID()
  penaltyCaseId?: string;

  @Field(() => UUIDScalar, { nullable: true, description: '事故调查标识。The investigation of the accident the tip revealed (for 瞒报谎报事故).' })
  @IsOptional()
  @IsUUID()
  accidentInvestigationId?: string;
}

@InputType({ description: '核算举报奖励。Computes the reward of a tip from its final outcome.' })
export class ComputeTipRewardInput {
  @Field(() => UUIDScalar, { description: '举报标识。The tip of the first valid reporter of its group.' })
  @IsUUID()
  tipId: string;
}

@InputType({ description: '审批详情。Approving a computed reward.' })
export class TipRewardApprovalDetails {
  @Field(() => String, { nullable: true, description: '审批意见。The approver\'s note (1–500 characters).' })
  @IsOptional()
  @Length(1, 500)
  note?: string;
}

@InputType({ description: '审批举报奖励。Approves a COMPUTED reward; needs the version you read.' })
export class ApproveTipRewardInput extends Versioned(TipRewardApprovalDetails) {}

@InputType({ description: '发放详情。The payment of an approved reward.' })
export class TipRewardPaymentDetails {
  @Field(() => DecimalScalar, { description: '实发金额（元）。The amount paid: positive, at most the amount computed.' })
  @DecimalRange({ max: '9999999999.99', positive: true })
  amountPaidYuan: string;

  @Field(() => TipRewardPaymentMethod, { description: '发放方式。How it was paid.' })
  @IsEnum(TipRewardPaymentMethod)
  method: TipRewardPaymentMethod;

  @Field({ description: '凭证号。The payment voucher number (1–60 characters).' })
  @Length(1, 60)
  voucherNumber: string;

  @Field(() => DateTimeScalar, { nullable: true, description: '发放时间。When it was paid (default now; not in the future, not before the approval, by the claim deadline).' })
  @IsOptional()
  paidAt?: Date;

  @Field(() => String, { nullable: true, description: '说明。A note (at most 500 characters).' })
  @IsOptional()
  @Length(1, 500)
  note?: string;
}

@InputType({ description: '登记奖励发放。Records the payment of an APPROVED reward; needs the version you read.' })
export class RecordTipRewardPaymentInput extends Versioned(TipRewardPaymentDetails) {}

@InputType({ description: '举报奖励筛选。Filters for tip rewards; all given filters must match.' })
export class TipRewardFilter extends ListFilter {
  @Field(() => [TipRewardStatus], { nullable: true, description: '状态。Only these statuses.' })
  @IsOptional()
  @ArrayMaxSize(3)
  @IsEnum(TipRewardStatus, { each: true })
  statuses?: TipRewardStatus[];

  @Field(() => Boolean, { nullable: true, description: '逾期未领。Only rewards APPROVED and past their claim deadline (true: the unclaimed ledger), or only the others (false).' })
  @IsOptional()
  @IsBoolean()
  unclaimed?: boolean;

  @Field(() => TipRewardBasis, { nullable: true, description: '计算依据。Only this basis.' })
  @IsOptional()
  @IsEnum(TipRewardBasis)
  basis?: TipRewardBasis;

  @Field(() => UUIDScalar, { nullable: true, description: '举报。Only the reward of this tip.' })
  @IsOptional()
  @IsUUID()
  tipId?: string;

  @Field(() => UUIDScalar, { nullable: true, description: '所属单位。Only rewards of tips concerning this organization.' })
  @IsOptional()
  @IsUUID()
  organizationId?: string;
}

@ArgsType()
export class TipRewardListArgs extends PageArgs {
  @FilterField(() => TipRewardFilter, '筛选条件。Which rewards to list.')
  filter?: TipRewardFilter;

  @OrderByField(TipRewardOrder, 'latest computed first')
  orderBy?: OrderInput<keyof typeof TipRewardOrder.Field>[];
}

@InputType({ description: '登记企业内部举报奖励机制。Records an enterprise\'s internal hazard-report reward mechanism (安委〔2024〕7号), or updates it.' })
export class RecordInternalRewardMechanismInput {
  @Field(() => UUIDScalar, { description: '企业标识。An enterprise you manage.' })
  @IsUUID()
  enterpriseId: string;

  @Field(() => Int, { nullable: true, description: '版本号。The version you read, to update an existing record; omit to record the first one.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;

  @Field({ description: '是否建立。Whether the mechanism is in place.' })
  @IsBoolean()
  inPlace: boolean;

  @Field(() => LocalDateScalar, { nullable: true, description: '建立日期。Since when (not in the future); only when in place.' })
  @IsOptional()
  since?: string;

  @Field(() => [InternalRewardChannel], { description: '举报途径。The channels employees report through (at most 6, each once).' })
  @ArrayMaxSize(6)
  @IsEnum(InternalRewardChannel, { each: true })
  channels: InternalRewardChannel[];

  @Field(() => String, { nullable: true, description: '资金保障。How the rewards are funded (1–200 characters).' })
  @IsOptional()
  @Length(1, 200)
  funding?: string;

  @Field(() => String, { nullable: true, description: '说明。A note (1–500 characters).' })
  @IsOptional()
  @Length(1, 500)
  note?: string;
}

@InputType({ description: '登记内部举报奖励台账。Records one year of an enterprise\'s internal reward ledger (replacing that year\'s figures).' })
export class RecordInternalRewardLedgerYearInput {
  @Field(() => UUIDScalar, { description: '企业标识。An enterprise you manage with a mechanism recorded.' })
  @IsUUID()
  enterpriseId: string;

  @Field(() => Int, { description: '年度。The year (2000–2100, not after this year).' })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year: number;

  @Field(() => Int, { description: '收到报告数。Reports received in the year.' })
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  reportsReceived: number;

  @Field(() => Int, { description: '奖励报告数。Reports rewarded in the year (at most those received).' })
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  reportsRewarded: number;

  @Field(() => DecimalScalar, { description: '奖励金额（元）。The amount paid in the year.' })
  @DecimalRange({ max: '9999999999.99', min: '0' })
  amountPaidYuan: string;
}

@InputType({ description: '企业内部举报奖励机制筛选。Filters for internal reward mechanisms.' })
export class InternalRewardMechanismFilter extends ListFilter {
  @Field(() => Boolean, { nullable: true, description: '是否建立。Only those in place (true) or not (false).' })
  @IsOptional()
  @IsBoolean()
  inPlace?: boolean;
}

@ArgsType()
export class InternalRewardMechanismListArgs extends PageArgs {
  @FilterField(() => InternalRewardMechanismFilter, '筛选条件。Which mechanisms to list.')
  filter?: InternalRewardMechanismFilter;

  @OrderByField(InternalRewardMechanismOrder, 'latest changed first')
  orderBy?: OrderInput<keyof typeof InternalRewardMechanismOrder.Field>[];
}

@InputType({ description: '未建立机制企业筛选。Which enterprises to check for an internal reward mechanism; all given filters must match.' })
export class EnterprisesWithoutMechanismFilter {
  @Field(() => UUIDScalar, { nullable: true, description: '所属子树。Only enterprises at or below this organization (within your scope).' })
  @IsOptional()
  @IsUUID()
  organizationId?: string;

  @Field(() => [String], { nullable: true, description: '行业代码。Only enterprises of these sectors (see industrySectors); an enterprise without a profile has no sector.' })
  @IsOptional()
  @ArrayMaxSize(50)
  @Matches(/^[A-Z][A-Z0-9_]{1,39}$/, { each: true })
  sectorCodes?: string[];
}
