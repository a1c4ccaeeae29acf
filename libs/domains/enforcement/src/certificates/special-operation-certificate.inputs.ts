import { ArgsType, Field, InputType, Int } from 'type-graphql';
import { ArrayMaxSize, IsBoolean, IsEnum, IsInt, IsOptional, IsUUID, Length, Max, Min } from 'class-validator';
import { FilterField, ListFilter, LocalDateScalar, OrderByField, PageArgs, UUIDScalar, Versioned, type OrderInput } from '@platform/core';
import { SpecialOperationCertificateStatus, SpecialOperationReviewResult, SpecialOperationType } from './certificate.enums';
import { SpecialOperationCertificateOrder } from './certificates.orders';
import { MAX_LOOK_AHEAD_DAYS } from './enforcement-certificate.inputs';

@InputType({ description: '特种作业操作证筛选。Filters for special-operation certificates; all given filters must match.' })
export class SpecialOperationCertificateFilter extends ListFilter {
  @Field(() => UUIDScalar, { nullable: true, description: '用人单位。Only certificates of workers of this enterprise.' })
  @IsOptional()
  @IsUUID()
  enterpriseId?: string;

  @Field(() => UUIDScalar, { nullable: true, description: '所属子树。Only certificates of workers of enterprises in this organization\'s subtree (a village and its grids).' })
  @IsOptional()
  @IsUUID()
  withinSubtreeOf?: string;

  @Field(() => UUIDScalar, { nullable: true, description: '持证人。Only the certificates of this person.' })
  @IsOptional()
  @IsUUID()
  personId?: string;

  @Field(() => [SpecialOperationType], { nullable: true, description: '作业类别。Only these operation types.' })
  @IsOptional()
  @ArrayMaxSize(10)
  @IsEnum(SpecialOperationType, { each: true })
  types?: SpecialOperationType[];

  @Field(() => [SpecialOperationCertificateStatus], { nullable: true, description: '状态。Only certificates in these statuses on the day `on`.' })
  @IsOptional()
  @ArrayMaxSize(6)
  @IsEnum(SpecialOperationCertificateStatus, { each: true })
  statuses?: SpecialOperationCertificateStatus[];

  @Field(() => Int, { nullable: true, description: `到期天数。Only certificates neither revoked nor expired on the day \`on\` whose next due day (review, or expiry when no review comes first) is at most this many days after it, overdue reviews included (0 to ${MAX_LOOK_AHEAD_DAYS}).` })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_LOOK_AHEAD_DAYS)
  dueWithinDays?: number;

  @Field(() => LocalDateScalar, { nullable: true, description: '判定日。The day `statuses` and `dueWithinDays` are judged on; default today (China time). Certificates issued after it are left out.' })
  @IsOptional()
  on?: string;
}

@ArgsType()
export class SpecialOperationCertificateListArgs extends PageArgs {
  @FilterField(() => SpecialOperationCertificateFilter, '筛选条件。Which certificates to list.')
  filter?: SpecialOperationCertificateFilter;

  @OrderByField(SpecialOperationCertificateOrder, 'the next due first')
  orderBy?: OrderInput<keyof typeof SpecialOperationCertificateOrder.Field>[];
}

@InputType({ description: '到期操作证筛选。Which due certificates to list; all given filters must match.' })
export class DueSpecialOperationCertificateFilter extends ListFilter {
  @Field(() => UUIDScalar, { nullable: true, description: '用人单位。Only certificates of workers of this enterprise.' })
  @IsOptional()
  @IsUUID()
  enterpriseId?: string;

  @Field(() => UUIDScalar, { nullable: true, description: '所属子树。Only certificates of workers of enterprises in this organization\'s subtree.' })
  @IsOptional()
  @IsUUID()
  withinSubtreeOf?: string;

  @Field(() => [SpecialOperationType], { nullable: true, description: '作业类别。Only these operation types.' })
  @IsOptional()
  @ArrayMaxSize(10)
  @IsEnum(SpecialOperationType, { each: true })
  types?: SpecialOperationType[];
}

@ArgsType()
export class DueSpecialOperationCertificateArgs extends PageArgs {
  @FilterField(() => DueSpecialOperationCertificateFilter, '筛选条件。Which due certificates to list.')
  filter?: DueSpecialOperationCertificateFilter;

  @OrderByField(SpecialOperationCertificateOrder, 'the next due first')
  orderBy?: OrderInput<keyof typeof SpecialOperationCertificateOrder.Field>[];
}

@InputType({ description: '登记特种作业操作证。A special-operation certificate held by a worker of an enterprise.' })
export class RegisterSpecialOperationCertificateInput {
  @Field(() => UUIDScalar, { description: '持证人标识。The worker (a person you may read).' })
  @IsUUID()
  personId: string;

  @Field(() => UUIDScalar, { description: '用人单位标识。The enterprise the worker works for, within your scope.' })
  @IsUUID()
  enterpriseId: string;

  @Field(() => SpecialOperationType, { description: '作业类别。The operation type.' })
  @IsEnum(SpecialOperationType)
  operationType: SpecialOperationType;

  @Field({ description: '准操项目。The operation item printed on it, e.g. 低压电工作业 (2–50 characters).' })
  @Length(2, 50)
  operationItem: string;

  @Field({ description: '证号。The number as printed (4–40 characters); the same number, item and issue day is registered once.' })
  @Length(4, 40)
  number: string;

  @Field(() => LocalDateScalar, { description: '初领日期。The issue day (not in the future); the rule version in force on it sets validity and reviews.' })
  issuedOn: string;

  @Field({ description: '发证机关。The issuing authority, e.g. 重庆市应急管理局 (2–100 characters).' })
  @Length(2, 100)
  issuingAuthority: string;
}

@InputType({ description: '复审详情。The review of a special-operation certificate.' })
export class SpecialOperationReviewDetails {
  @Field(() => LocalDateScalar, { description: '复审日期。The day of the review (not in the future, from the issue day through the last valid day).' })
  reviewedOn: string;

  @Field(() => SpecialOperationReviewResult, { description: '复审结论。PASSED moves the review due day on; FAILED leaves it.' })
  @IsEnum(SpecialOperationReviewResult)
  result: SpecialOperationReviewResult;

  @Field({ description: '复审机关。The reviewing authority (2–100 characters).' })
  @Length(2, 100)
  authority: string;

  @Field(() => String, { nullable: true, description: '备注。What the review found (up to 500 characters).' })
  @IsOptional()
  @Length(1, 500)
  note?: string;

  @Field(() => Boolean, { nullable: true, description: '延期复审。True when the authority approved the extended interval (a passed review only; needs yearsInTrade of at least 10).' })
  @IsOptional()
  @IsBoolean()
  extendedInterval?: boolean;

  @Field(() => Int, { nullable: true, description: '从业年限。Continuous years in the trade without violations, for the extended interval (0–60).' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(60)
  yearsInTrade?: number;
}

@InputType({ description: '登记复审。Records a review of a certificate that is neither revoked nor expired. Needs the version you read.' })
export class RecordSpecialOperationReviewInput extends Versioned(SpecialOperationReviewDetails) {}
