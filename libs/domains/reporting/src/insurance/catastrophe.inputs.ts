import { ArgsType, Field, InputType, Int } from 'type-graphql';
import { ArrayMaxSize, ArrayMinSize, IsEnum, IsInt, IsOptional, IsUUID, Length, Max, Min } from 'class-validator';
import { DecimalRange, DecimalScalar, FilterField, ListFilter, LocalDateScalar, OrderByField, PageArgs, UUIDScalar, Versioned, type OrderInput } from '@platform/core';
import { CatastropheClaimKind, CatastropheClaimStatus } from './insurance.enums';
import { CatastropheClaimOrder, CatastrophePolicyOrder } from './insurance.orders';

const MAX_YUAN = '999999999999.99';

@InputType({ description: '巨灾保险保单筛选。Filters for catastrophe policies.' })
export class CatastrophePolicyFilter extends ListFilter {
  @Field(() => LocalDateScalar, { nullable: true, description: '有效日。Only policies whose period includes this day.' })
  @IsOptional()
  coversOn?: string;
}

@ArgsType()
export class CatastrophePolicyListArgs extends PageArgs {
  @FilterField(() => CatastrophePolicyFilter, '筛选条件。Which policies to list.')
  filter?: CatastrophePolicyFilter;

  @OrderByField(CatastrophePolicyOrder, 'latest period first')
  orderBy?: OrderInput<keyof typeof CatastrophePolicyOrder.Field>[];
}

@InputType({ description: '登记巨灾保险保单。The district\'s catastrophe insurance policy as the town keeps it; its limits at least the minimums of 渝府办发〔2017〕121号.' })
export class RecordCatastrophePolicyInput {
  @Field(() => UUIDScalar, { description: '所属单位标识。The organization keeping it (the town, in your scope).' })
  @IsUUID()
  organizationId: string;

  @Field({ description: '投保人。The policyholder, e.g. 重庆市南川区人民政府 (2–100 characters).' })
  @Length(2, 100)
  policyholder: string;

  @Field({ description: '保险公司。The insurer (2–100 characters).' })
  @Length(2, 100)
  insurer: string;

  @Field({ description: '保单号。The policy number (2–60 characters).' })
  @Length(2, 60)
  policyNumber: string;

  @Field(() => LocalDateScalar, { description: '保险起期。The first day covered; the rule version in force on it sets the minimums.' })
  startsOn: string;

  @Field(() => LocalDateScalar, { description: '保险止期。The last day covered (after startsOn, within five years).' })
  endsOn: string;

  @Field(() => DecimalScalar, { description: '每人每次死亡伤残保额（元）。At least the rule\'s perPersonYuan (¥100,000).' })
  @DecimalRange({ max: MAX_YUAN, positive: true })
  perPersonLimitYuan: string;

  @Field(() => DecimalScalar, { description: '每人医疗费用保额（元）。At least the rule\'s medicalPerPersonYuan (¥10,000).' })
  @DecimalRange({ max: MAX_YUAN, positive: true })
  medicalPerPersonLimitYuan: string;

  @Field(() => DecimalScalar, { description: '每次事故限额（元）。At least the rule\'s perEventYuan (¥30,000,000).' })
  @DecimalRange({ max: MAX_YUAN, positive: true })
  perEventLimitYuan: string;

  @Field(() => DecimalScalar, { description: '年度累计限额（元）。At least the rule\'s annualYuan (¥60,000,000) and the per-event limit.' })
  @DecimalRange({ max: MAX_YUAN, positive: true })
  annualLimitYuan: string;

  @Field(() => [String], { description: '保险责任。The perils covered (1–20, each 2–40 characters), e.g. 暴雨洪涝, 地质灾害, 森林火灾, 抢险救援伤亡.' })
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @Length(2, 40, { each: true })
  perils: string[];
}

@InputType({ description: '巨灾保险理赔筛选。Filters for catastrophe claims; all given filters must match.' })
export class CatastropheClaimFilter extends ListFilter {
  @Field(() => UUIDScalar, { nullable: true, description: '保单。Only claims under this policy.' })
  @IsOptional()
  @IsUUID()
  policyId?: string;

  @Field(() => UUIDScalar, { nullable: true, description: '灾情。Only claims for this incident.' })
  @IsOptional()
  @IsUUID()
  incidentId?: string;

  @Field(() => [CatastropheClaimStatus], { nullable: true, description: '状态。Only claims in these statuses.' })
  @IsOptional()
  @ArrayMaxSize(3)
  @IsEnum(CatastropheClaimStatus, { each: true })
  statuses?: CatastropheClaimStatus[];
}

@ArgsType()
export class CatastropheClaimListArgs extends PageArgs {
  @FilterField(() => CatastropheClaimFilter, '筛选条件。Which claims to list.')
  filter?: CatastropheClaimFilter;

  @OrderByField(CatastropheClaimOrder, 'latest filed first')
  orderBy?: OrderInput<keyof typeof CatastropheClaimOrder.Field>[];
}

@InputType({ description: '巨灾保险报案。A claim under a catastrophe policy for casualties of an incident.' })
export class FileCatastropheClaimInput {
  @Field(() => UUIDScalar, { description: '保单标识。A catastrophe policy in your scope whose period includes the incident.' })
  @IsUUID()
  policyId: string;

  @Field(() => UUIDScalar, { description: '灾情标识。An incident of the response module you may read.' })
  @IsUUID()
  incidentId: string;

  @Field(() => UUIDScalar, { description: '所属单位标识。The organization filing (the town or the village of the incident, in your scope).' })
  @IsUUID()
  organizationId: string;

  @Field(() => CatastropheClaimKind, { description: '理赔类别。Death, disability or medical costs.' })
  @IsEnum(CatastropheClaimKind)
  kind: CatastropheClaimKind;

  @Field(() => Int, { description: '涉及人数。Persons claimed for (1–1000).' })
  @IsInt()
  @Min(1)
  @Max(1000)
  persons: number;

  @Field(() => DecimalScalar, { description: '申请金额（元）。Positive; at most persons × the policy\'s per-person limit of the kind (rule coverage).' })
  @DecimalRange({ max: MAX_YUAN, positive: true })
  amountClaimedYuan: string;

  @Field(() => LocalDateScalar, { nullable: true, description: '报案日期。Default today; not in the future, not before the incident.' })
  @IsOptional()
  filedOn?: string;

  @Field(() => String, { nullable: true, description: '说明。What happened to whom (2–500 characters).' })
  @IsOptional()
  @Length(2, 500)
  note?: string;
}

@InputType({ description: '赔付详情。The amount the insurer paid.' })
export class CatastropheClaimPayment {
  @Field(() => DecimalScalar, { description: '赔付金额（元）。Positive, at most the amount claimed.' })
  @DecimalRange({ max: MAX_YUAN, positive: true })
  amountPaidYuan: string;
}

@InputType({ description: '赔付。Records the insurer\'s payment of a FILED claim; needs the version you read.' })
export class PayCatastropheClaimInput extends Versioned(CatastropheClaimPayment) {}

@InputType({ description: '拒赔详情。Why the insurer refused.' })
export class CatastropheClaimRejection {
  @Field({ description: '拒赔原因。2–500 characters.' })
  @Length(2, 500)
  reason: string;
}

@InputType({ description: '拒赔。Records the insurer\'s refusal of a FILED claim; needs the version you read.' })
export class RejectCatastropheClaimInput extends Versioned(CatastropheClaimRejection) {}
