import { ArgsType, Field, InputType } from 'type-graphql';
import { ArrayMaxSize, ArrayMinSize, IsBoolean, IsEnum, IsOptional, IsUUID, Length } from 'class-validator';
import { DateTimeScalar, FilterField, ListFilter, OrderByField, PageArgs, UUIDScalar, Versioned, type OrderInput } from '@platform/core';
import { ReferralOrder } from './referral.orders';
import { PoliceAnswer, ReferralDecision, ReferralReason, ReferralStatus } from '../referral-flags/public';

/** The most enforcers one referral report names. */
export const MAX_ENFORCERS = 10;

@InputType({ description: '刑事移送筛选。Filters for criminal referrals; all given filters must match.' })
export class ReferralFilter extends ListFilter {
  @Field(() => [ReferralStatus], { nullable: true, description: '状态。Only these statuses.' })
  @IsOptional()
  @ArrayMaxSize(7)
  @IsEnum(ReferralStatus, { each: true })
  statuses?: ReferralStatus[];

  @Field(() => [ReferralReason], { nullable: true, description: '移送事由。Only referrals with at least one of these reasons.' })
  @IsOptional()
  @ArrayMaxSize(10)
  @IsEnum(ReferralReason, { each: true })
  reasons?: ReferralReason[];

  @Field(() => Boolean, { nullable: true, description: '超时。Only referrals that missed a clock (a step done late, or a running clock past due) (true), or only the others (false).' })
  @IsOptional()
  @IsBoolean()
  clockMissed?: boolean;

  @Field(() => UUIDScalar, { nullable: true, description: '所属单位。Only referrals concerning this organization.' })
  @IsOptional()
  @IsUUID()
  organizationId?: string;

  @Field(() => UUIDScalar, { nullable: true, description: '案件。Only referrals from this penalty case.' })
  @IsOptional()
  @IsUUID()
  caseId?: string;

  @Field(() => UUIDScalar, { nullable: true, description: '事故调查。Only referrals from this accident investigation.' })
  @IsOptional()
  @IsUUID()
  accidentInvestigationId?: string;

  @Field(() => String, { nullable: true, description: '移送编号。Only the referral with this code.' })
  @IsOptional()
  @Length(1, 40)
  code?: string;
}

@ArgsType()
export class ReferralListArgs extends PageArgs {
  @FilterField(() => ReferralFilter, '筛选条件。Which referrals to list.')
  filter?: ReferralFilter;

  @OrderByField(ReferralOrder, 'latest flagged first')
  orderBy?: OrderInput<keyof typeof ReferralOrder.Field>[];
}

@InputType({ description: '移送报告详情。The referral report of two or more enforcers to the agency head.' })
export class ReferralReportDetails {
  @Field(() => [UUIDScalar], { description: '承办执法人员。Two or more distinct persons (at most 10), each with an enforcement certificate for the legal subject valid on the report day.' })
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_ENFORCERS)
  @IsUUID('all', { each: true })
  enforcerPersonIds: string[];

  @Field(() => UUIDScalar, { nullable: true, description: '移送机关。The legal subject that refers and numbers the documents: required for a referral from an accident; for a case it is the case\'s legal subject (given or not).' })
  @IsOptional()
  @IsUUID()
  legalSubjectId?: string;

  @Field({ description: '涉嫌罪名。The suspected offence, e.g. 危险作业罪 (2–100 characters).' })
  @Length(2, 100)
  suspectedOffence: string;

  @Field({ description: '案情摘要。The facts and evidence (2–2000 characters).' })
  @Length(2, 2000)
  summary: string;

  @Field(() => DateTimeScalar, { nullable: true, description: '报告时间。When the report was submitted (default now; not in the future, not before the flag); the decision clock runs from it.' })
  @IsOptional()
  reportedAt?: Date;
}

@InputType({ description: '移送报告。Reports a FLAGGED referral to the agency head; needs the version you read.' })
export class ReportCriminalReferralInput extends Versioned(ReferralReportDetails) {}

@InputType({ description: '移送决定详情。The agency head\'s decision.' })
export class ReferralDecisionDetails {
  @Field(() => ReferralDecision, { description: '决定。TRANSFER or NOT_TRANSFER.' })
  @IsEnum(ReferralDecision)
  decision: ReferralDecision;

  @Field(() => String, { nullable: true, description: '理由。The reasons (2–2000 characters); required for NOT_TRANSFER.' })
  @IsOptional()
  @Length(2, 2000)
  reason?: string;

  @Field(() => DateTimeScalar, { nullable: true, description: '决定时间。When decided (default now; not in the future, not before the report).' })
  @IsOptional()
  decidedAt?: Date;
}

@InputType({ description: '移送决定。Decides a REPORTED referral as the agency head; needs the version you read.' })
export class DecideCriminalReferralInput extends Versioned(ReferralDecisionDetails) {}

@InputType({ description: '移送详情。The transfer to the police.' })
export class ReferralTransferDetails {
  @Field({ description: '接收公安机关。The police organ at the same level, e.g. 南川区公安局 (2–200 characters).' })
  @Length(2, 200)
  policeOrgan: string;

  @Field({ description: '抄送检察院。The procuratorate copied, e.g. 南川区人民检察院 (2–200 characters).' })
  @Length(2, 200)
  procuratorate: string;

  @Field(() => DateTimeScalar, { nullable: true, description: '移送时间。When transferred (default now; not in the future, not before the decision).' })
  @IsOptional()
  transferredAt?: Date;
}

@InputType({ description: '移送。Transfers a referral decided TRANSFER to the police; needs the version you read.' })
export class TransferCriminalReferralInput extends Versioned(ReferralTransferDetails) {}

@InputType({ description: '公安答复详情。The police\'s answer.' })
export class ReferralAnswerDetails {
  @Field(() => PoliceAnswer, { description: '答复。FILED (立案) or NOT_FILED (不立案).' })
  @IsEnum(PoliceAnswer)
  answer: PoliceAnswer;

  @Field(() => String, { nullable: true, description: '说明。The police\'s case number or reasons (2–2000 characters); required for NOT_FILED.' })
  @IsOptional()
  @Length(2, 2000)
  note?: string;

  @Field(() => DateTimeScalar, { nullable: true, description: '答复时间。When the answer was received (default now; not in the future, not before the transfer).' })
  @IsOptional()
  answeredAt?: Date;
}

@InputType({ description: '公安答复。Records the police\'s answer to a TRANSFERRED referral; needs the version you read.' })
export class RecordCriminalReferralAnswerInput extends Versioned(ReferralAnswerDetails) {}

@InputType({ description: '办结详情。Closing a referral.' })
export class ReferralCloseDetails {
  @Field(() => DateTimeScalar, { nullable: true, description: '办结时间。When closed (default now; not in the future, not before the last step).' })
  @IsOptional()
  closedAt?: Date;
}

@InputType({ description: '办结。Closes a referral answered by the police or decided NOT_TRANSFER; needs the version you read.' })
export class CloseCriminalReferralInput extends Versioned(ReferralCloseDetails) {}

@InputType({ description: '排除详情。Why a flag shows no suspected crime.' })
export class ReferralDismissDetails {
  @Field({ description: '排除理由。Why no crime is suspected (2–2000 characters).' })
  @Length(2, 2000)
  reason: string;

  @Field(() => DateTimeScalar, { nullable: true, description: '排除时间。When dismissed (default now; not in the future, not before the flag).' })
  @IsOptional()
  dismissedAt?: Date;
}

@InputType({ description: '排除。Dismisses a FLAGGED referral with its reason; needs the version you read.' })
export class DismissCriminalReferralInput extends Versioned(ReferralDismissDetails) {}

@InputType({ description: '标记刑事移送。Flags a case or an accident investigation for criminal referral by hand (e.g. 不报、谎报事故, found by the investigation); exactly one source.' })
export class FlagCriminalReferralInput {
  @Field(() => UUIDScalar, { nullable: true, description: '案件标识。A penalty case in your scope.' })
  @IsOptional()
  @IsUUID()
  caseId?: string;

  @Field(() => UUIDScalar, { nullable: true, description: '事故调查标识。An accident investigation in your scope.' })
  @IsOptional()
  @IsUUID()
  accidentInvestigationId?: string;

  @Field(() => [ReferralReason], { description: '移送事由。One to ten reasons; those raised before for the source are not raised again.' })
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @IsEnum(ReferralReason, { each: true })
  reasons: ReferralReason[];
}
