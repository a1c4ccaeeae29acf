import { ArgsType, Field, InputType, Int } from 'type-graphql';
import { ArrayMaxSize, ArrayMinSize, IsBoolean, IsEnum, IsInt, IsOptional, IsUUID, Length, Max, Min } from 'class-validator';
import { DecimalRange, DecimalScalar, FilterField, ListFilter, LocalDateScalar, OrderByField, PageArgs, UUIDScalar, Versioned, type OrderInput } from '@platform/core';
import { OnTheSpotPartyKind, OnTheSpotPenaltyKind, PenaltyPersonRole, PenaltySubjectKind } from './penalty.enums';
import { OnTheSpotPenaltyOrder } from './penalty.orders';

/** The greatest amount a line or payment takes (numeric(14, 2) holds 12 digits before the point). */
const MAX_YUAN = '999999999999.99';

@InputType({ description: '处罚明细金额。The band and amount of a penalty line: an amount in yuan for a band in yuan, or last year\'s income, its evidence and the percentage for a band set as a share of income.' })
export class PenaltyLineAmountInput {
  @Field(() => UUIDScalar, { nullable: true, description: '裁量基准标识。A discretion band of the case\'s item, for the line\'s subject.' })
  @IsOptional()
  @IsUUID()
  bandId?: string;

  @Field(() => [UUIDScalar], { nullable: true, description: '适用条款。1–5 law articles applied, each in force on the day the act ended.' })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(5)
  @IsUUID('all', { each: true })
  lawArticleIds?: string[];

  @Field(() => DecimalScalar, { nullable: true, description: '罚款金额（元）。For a band in yuan: the amount, within the band.' })
  @IsOptional()
  @DecimalRange({ min: '0', max: MAX_YUAN })
  amountYuan?: string;

  @Field(() => DecimalScalar, { nullable: true, description: '上一年年收入（元）。For a band as a share of income: the person\'s income of last year.' })
  @IsOptional()
  @DecimalRange({ min: '0', max: MAX_YUAN })
  incomeYuan?: string;

  @Field(() => String, { nullable: true, description: '年收入证明。For a band as a share of income: the evidence of that income (a document number or an attachment reference), 2–500 characters.' })
  @IsOptional()
  @Length(2, 500)
  incomeEvidence?: string;

  @Field(() => Int, { nullable: true, description: '收入比例（%）。For a band as a share of income: the percentage within the band.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  incomePercent?: number;

  @Field(() => PenaltyPersonRole, { nullable: true, description: '责任人员身份。For a person: the role in the unit.' })
  @IsOptional()
  @IsEnum(PenaltyPersonRole)
  personRole?: PenaltyPersonRole;

  @Field(() => String, { nullable: true, description: '裁量理由。Why this band and amount (2–2000 characters).' })
  @IsOptional()
  @Length(2, 2000)
  reason?: string;
}

@InputType({ description: '新增处罚明细。Adds a penalty line to a case before its decision: the unit or a person, the band, articles and amount.' })
export class AddPenaltyLineInput extends PenaltyLineAmountInput {
  @Field(() => UUIDScalar, { description: '案件标识。A case in your scope, not yet decided.' })
  @IsUUID()
  caseId: string;

  @Field(() => PenaltySubjectKind, { description: '处罚对象类型。UNIT or PERSON.' })
  @IsEnum(PenaltySubjectKind)
  subjectKind: PenaltySubjectKind;

  @Field(() => UUIDScalar, { nullable: true, description: '责任人员标识。For a person: the person (directory), in your scope.' })
  @IsOptional()
  @IsUUID()
  personId?: string;
}

@InputType({ description: '修改处罚明细。Changes a line before the case\'s decision; fields left out stay (a new band takes its amount fields from this input only). Needs the version you read.' })
export class UpdatePenaltyLineInput extends Versioned(PenaltyLineAmountInput) {}

@InputType({ description: '删除处罚明细输入。Which line to remove, with the version you read.' })
class NoLineFields {}

@InputType({ description: '删除处罚明细。Removes a line before the case\'s decision; needs the version you read.' })
export class RemovePenaltyLineInput extends Versioned(NoLineFields) {}

@InputType({ description: '登记缴款。Records a payment towards a served case\'s fine and surcharge.' })
export class RecordPenaltyPaymentInput {
  @Field(() => UUIDScalar, { description: '案件标识。A case in your scope, SERVED or EXECUTING, decided with a penalty.' })
  @IsUUID()
  caseId: string;

  @Field(() => DecimalScalar, { description: '缴纳金额（元）。More than 0, at most what is still owed on the day.' })
  @DecimalRange({ positive: true, max: MAX_YUAN })
  amountYuan: string;

  @Field(() => LocalDateScalar, { description: '缴纳日期。The day paid (not before service, not in the future).' })
  paidOn: string;

  @Field({ description: '票据号。The receipt number (unique), 2–60 characters.' })
  @Length(2, 60)
  receiptNumber: string;

  @Field(() => String, { nullable: true, description: '备注。A note (at most 500 characters).' })
  @IsOptional()
  @Length(1, 500)
  note?: string;
}

@InputType({ description: '当场处罚。Decides an on-the-spot penalty: a warning or a fine within the limits, by certified enforcers; issues the 当场行政处罚决定书.' })
export class ImposeOnTheSpotPenaltyInput {
  @Field(() => UUIDScalar, { description: '执法主体标识。The legal subject deciding (it numbers the decision form).' })
  @IsUUID()
  legalSubjectId: string;

  @Field(() => UUIDScalar, { description: '执法事项标识。A PENALTY item in force on the day.' })
  @IsUUID()
  enforcementItemId: string;

  @Field(() => UUIDScalar, { description: '所属单位标识。The party organization, or for a citizen the enterprise or place\'s organization; in your scope.' })
  @IsUUID()
  enterpriseId: string;

  @Field(() => OnTheSpotPartyKind, { description: '当事人类型。CITIZEN or ORGANIZATION.' })
  @IsEnum(OnTheSpotPartyKind)
  partyKind: OnTheSpotPartyKind;

  @Field(() => UUIDScalar, { nullable: true, description: '当事人标识。For a citizen known to the directory: the person.' })
  @IsOptional()
  @IsUUID()
  partyPersonId?: string;

  @Field({ description: '当事人名称。The party\'s name as printed (2–100 characters).' })
  @Length(2, 100)
  partyName: string;

  @Field({ description: '违法地点。Where (2–200 characters).' })
  @Length(2, 200)
  place: string;

  @Field({ description: '违法事实。The facts (2–2000 characters).' })
  @Length(2, 2000)
  facts: string;

  @Field(() => [UUIDScalar], { description: '处罚依据。1–5 law articles applied, each in force on the day.' })
  @ArrayMinSize(1)
  @ArrayMaxSize(5)
  @IsUUID('all', { each: true })
  lawArticleIds: string[];

  @Field(() => OnTheSpotPenaltyKind, { description: '处罚种类。WARNING or FINE.' })
  @IsEnum(OnTheSpotPenaltyKind)
  kind: OnTheSpotPenaltyKind;

  @Field(() => DecimalScalar, { nullable: true, description: '罚款金额（元）。For a FINE: more than 0 and at most the limit for the party kind (rule enforcement.on-the-spot-limits); none for a WARNING.' })
  @IsOptional()
  @DecimalRange({ positive: true, max: MAX_YUAN })
  fineYuan?: string;

  @Field(() => LocalDateScalar, { nullable: true, description: '处罚日期。The day (default today; not in the future).' })
  @IsOptional()
  decidedOn?: string;

  @Field(() => [UUIDScalar], { description: '执法人员。The enforcers who showed certificates: at least the rule\'s number (2), each certified for the legal subject on the day; at most 10.' })
  @ArrayMaxSize(10)
  @IsUUID('all', { each: true })
  enforcerPersonIds: string[];
}

@InputType({ description: '当场处罚备案详情。The day an on-the-spot penalty was filed with the agency.' })
export class OnTheSpotFilingDetails {
  @Field(() => LocalDateScalar, { nullable: true, description: '备案日期。The day filed (default today; not in the future, not before the decision).' })
  @IsOptional()
  on?: string;
}

@InputType({ description: '当场处罚备案。Files an on-the-spot penalty with the agency (行政处罚法 第五十二条); late when after its filing due day. Needs the version you read.' })
export class FileOnTheSpotPenaltyInput extends Versioned(OnTheSpotFilingDetails) {}

@InputType({ description: '当场处罚筛选。Filters for on-the-spot penalties; all given filters must match.' })
export class OnTheSpotPenaltyFilter extends ListFilter {
  @Field(() => UUIDScalar, { nullable: true, description: '所属单位。Only those of this organization.' })
  @IsOptional()
  @IsUUID()
  enterpriseId?: string;

  @Field(() => [OnTheSpotPenaltyKind], { nullable: true, description: '处罚种类。Only these kinds.' })
  @IsOptional()
  @ArrayMaxSize(2)
  @IsEnum(OnTheSpotPenaltyKind, { each: true })
  kinds?: OnTheSpotPenaltyKind[];

  @Field(() => LocalDateScalar, { nullable: true, description: '处罚起始日。Only those decided on or after this day.' })
  @IsOptional()
  decidedFrom?: string;

  @Field(() => LocalDateScalar, { nullable: true, description: '处罚截止日。Only those decided on or before this day.' })
  @IsOptional()
  decidedTo?: string;

  @Field(() => Boolean, { nullable: true, description: '逾期备案。Only those filed late or still unfiled past their due day (true), or only the others (false).' })
  @IsOptional()
  @IsBoolean()
  filedLate?: boolean;
}

@ArgsType()
export class OnTheSpotPenaltyListArgs extends PageArgs {
  @FilterField(() => OnTheSpotPenaltyFilter, '筛选条件。Which on-the-spot penalties to list.')
  filter?: OnTheSpotPenaltyFilter;

  @OrderByField(OnTheSpotPenaltyOrder, 'latest decided first')
  orderBy?: OrderInput<keyof typeof OnTheSpotPenaltyOrder.Field>[];
}
