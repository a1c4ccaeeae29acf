import { ArgsType, Field, InputType, Int } from 'type-graphql';
import { ArrayMaxSize, IsBoolean, IsEnum, IsInt, IsOptional, IsUUID, Length, Matches, Min } from 'class-validator';
import { FilterField, DecimalRange, DecimalScalar, ListFilter, LocalDateScalar, OrderByField, PageArgs, UUIDScalar, type OrderInput } from '@platform/core';
import { ReliefKind, ReliefPaymentMethod, ReliefStatus } from './relief.enums';
import { ReliefCaseOrder, ReliefPaymentCheckOrder } from './relief.orders';

/** Upper bound of one case's amounts (yuan): far above any household relief, so typos are caught. */
export const MAX_AMOUNT_YUAN = '1000000';
export const ID_NUMBER_PATTERN = /^\d{17}[\dX]$/;
export const ACCOUNT_PATTERN = /^[0-9A-Za-z-]{6,40}$/;

@InputType({ description: '救助申请输入。A household\'s relief application to register for a village or community in your scope.' })
export class ReliefCaseCreateInput {
  @Field(() => UUIDScalar, { description: '所属村（社区）标识。The village or community handling the case (within your scope).' })
  @IsUUID()
  organizationId: string;

  @Field(() => UUIDScalar, { nullable: true, description: '联防住户标识。The household of the joint defense list, in that village or community; its head and address are taken when not given.' })
  @IsOptional()
  @IsUUID()
  householdId?: string | null;

  @Field(() => String, { nullable: true, description: '户主。Name of the head of the household (1–30 characters); required without a household.' })
  @IsOptional()
  @Length(1, 30)
  headName?: string | null;

  @Field(() => String, { nullable: true, description: '住址。Address (2–200 characters); required without a household.' })
  @IsOptional()
  @Length(2, 200)
  address?: string | null;

  @Field(() => ReliefKind, { description: '救助类别。What the household is helped with.' })
  @IsEnum(ReliefKind)
  kind: ReliefKind;

  @Field(() => UUIDScalar, { nullable: true, description: '灾情标识。The incident the case follows from, if any.' })
  @IsOptional()
  @IsUUID()
  incidentId?: string | null;

  @Field({ description: '依据。What the case rests on, e.g. 灾情核报、入户调查 (2–1000 characters).' })
  @Length(2, 1000)
  basis: string;

  @Field(() => DecimalScalar, { description: `申请金额（元）。Amount applied for, in yuan: more than 0, at most ${MAX_AMOUNT_YUAN}.` })
  @DecimalRange({ positive: true, max: MAX_AMOUNT_YUAN })
  requestedAmountYuan: string;

  @Field(() => LocalDateScalar, { description: '发放期限。Day (YYYY-MM-DD) by which the relief is to be paid in full; not in the past.' })
  dueBy: string;

  @Field(() => String, { nullable: true, description: '说明。Note of the application (up to 1000 characters).' })
  @IsOptional()
  @Length(1, 1000)
  note?: string | null;
}

@InputType({ description: '救助审批步骤输入。Names the case and the version you read, with a note of the step.' })
export class ReliefStepInput {
  @Field(() => UUIDScalar, { description: '标识。The relief case.' })
  @IsUUID()
  id: string;

  @Field(() => Int, { description: '版本号。The version you read; a stale version is refused with CONFLICT.' })
  @IsInt()
  @Min(1)
  version: number;

  @Field(() => String, { nullable: true, description: '说明。Note of the step, e.g. the assessment\'s result (up to 1000 characters).' })
  @IsOptional()
  @Length(1, 1000)
  note?: string | null;
}

@InputType({ description: '公示输入。Puts an assessed case on public notice; the notice lasts at least the configured number of days (RELIEF_NOTICE_DAYS, default 5).' })
export class ReliefNoticeInput extends ReliefStepInput {
  @Field(() => LocalDateScalar, { nullable: true, description: '公示开始日。First day of the notice (YYYY-MM-DD), not in the past; default today (China time).' })
  @IsOptional()
  noticeStartsOn?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: '公示结束日。Last day of the notice (YYYY-MM-DD); default the shortest notice from its first day.' })
  @IsOptional()
  noticeEndsOn?: string | null;
}

@InputType({ description: '审批通过输入。Approves a reviewed case with the amount to pay.' })
export class ReliefApproveInput extends ReliefStepInput {
  @Field(() => DecimalScalar, { description: `核定金额（元）。Amount approved, in yuan: more than 0, at most ${MAX_AMOUNT_YUAN}.` })
  @DecimalRange({ positive: true, max: MAX_AMOUNT_YUAN })
  approvedAmountYuan: string;
}

@InputType({ description: '不予救助输入。Rejects a reviewed case with the reason.' })
export class ReliefRejectInput extends ReliefStepInput {
  @Field({ description: '理由。Why the case is rejected (2–500 characters).' })
  @Length(2, 500)
  reason: string;
}

@InputType({ description: '救助发放输入。A payment of an approved case to its payee.' })
export class ReliefPaymentInput {
  @Field(() => UUIDScalar, { description: '案件标识。The approved relief case paid.' })
  @IsUUID()
  caseId: string;

  @Field(() => DecimalScalar, { description: '金额（元）。Amount paid, in yuan: more than 0; with earlier payments, at most the approved amount.' })
  @DecimalRange({ positive: true, max: MAX_AMOUNT_YUAN })
  amountYuan: string;

  @Field(() => LocalDateScalar, { description: '发放日期。Day the payment was made (YYYY-MM-DD), not in the future (China time).' })
  paidOn: string;

  @Field({ description: '收款人。Name of the payee (1–30 characters): the head of the household or a documented family member.' })
  @Length(1, 30)
  payeeName: string;

  @Field({ description: '与户主关系。The payee\'s relation to the head of the household as documented, e.g. 本人, 配偶, 子女 (1–20 characters).' })
  @Length(1, 20)
  payeeRelation: string;

  @Field({ description: '收款人身份证号码。The payee\'s resident ID number: 18 characters with a valid check character (GB 11643).' })
  @Matches(ID_NUMBER_PATTERN, { message: 'payeeIdNumber must be 17 digits and a check character (digit or X)' })
  payeeIdNumber: string;

  @Field(() => String, { nullable: true, description: '账号。Bank or social security card number (6–40 letters, digits or dashes); required for BANK_TRANSFER.' })
  @IsOptional()
  @Matches(ACCOUNT_PATTERN, { message: 'accountReference must be 6–40 letters, digits or dashes' })
  accountReference?: string | null;

  @Field(() => ReliefPaymentMethod, { description: '发放方式。How the payment reached the payee.' })
  @IsEnum(ReliefPaymentMethod)
  method: ReliefPaymentMethod;

  @Field(() => String, { nullable: true, description: '说明。Note, e.g. the voucher number (up to 500 characters).' })
  @IsOptional()
  @Length(1, 500)
  note?: string | null;
}

/**
 * The filters relief case lists and the payment check share, over the base each needs: the case
 * list's is a change feed's (`ListFilter`), the check's (computed) is not.
 */
function ReliefCaseScopeFilter<TBase extends abstract new (...args: any[]) => object>(Base: TBase) {
  @InputType(`ReliefCaseScope${Base.name}`, { description: '救助案件范围筛选。Filters shared by relief case lists and the payment check (not used as a type by itself).' })
  abstract class ReliefCaseScope extends Base {
    @Field(() => [ReliefKind], { nullable: true, description: '类别。Only cases of these kinds.' })
    @IsOptional()
    @ArrayMaxSize(7)
    @IsEnum(ReliefKind, { each: true })
    kinds?: ReliefKind[];

    @Field(() => UUIDScalar, { nullable: true, description: '所属子树。Only cases of this organization or one below it.' })
    @IsOptional()
    @IsUUID()
    withinSubtreeOf?: string;

    @Field(() => UUIDScalar, { nullable: true, description: '灾情标识。Only cases following from this incident.' })
    @IsOptional()
    @IsUUID()
    incidentId?: string;
  }
  return ReliefCaseScope;
}

@InputType({ description: '救助案件筛选。Filters for relief case lists.' })
export class ReliefCaseFilter extends ReliefCaseScopeFilter(ListFilter) {
  @Field(() => [ReliefStatus], { nullable: true, description: '状态。Only cases in these states.' })
  @IsOptional()
  @ArrayMaxSize(7)
  @IsEnum(ReliefStatus, { each: true })
  statuses?: ReliefStatus[];

  @Field(() => Boolean, { nullable: true, description: '已足额发放。True: only cases paid in full (PAID); false: only the others.' })
  @IsOptional()
  @IsBoolean()
  paidInFull?: boolean;

  @Field(() => Boolean, { nullable: true, description: '逾期未发放。True: only cases past their payment deadline and not paid in full (nor rejected); false: only the others.' })
  @IsOptional()
  @IsBoolean()
  overdue?: boolean;
}

@ArgsType()
export class ReliefCaseListArgs extends PageArgs {
  @FilterField(() => ReliefCaseFilter, '筛选条件。Which cases to list.')
  filter?: ReliefCaseFilter;

  @OrderByField(ReliefCaseOrder, 'newest first')
  orderBy?: OrderInput<keyof typeof ReliefCaseOrder.Field>[];
}

/** Computed from the cases and their payments: no change feed (the cases' carries the changes). */
@InputType({ description: '发放核查筛选。Filters for the payment check of approved and paid cases.' })
export class ReliefPaymentCheckFilter extends ReliefCaseScopeFilter(Object) {
  @Field(() => Boolean, { nullable: true, description: '足额。True: only cases whose payments sum to the approved amount; false: only the others.' })
  @IsOptional()
  @IsBoolean()
  paidInFull?: boolean;

  @Field(() => Boolean, { nullable: true, description: '按时足额。True: only cases paid in full on or before their deadline; false: only the others.' })
  @IsOptional()
  @IsBoolean()
  paidOnTime?: boolean;

  @Field(() => Boolean, { nullable: true, description: '逾期。True: only cases not paid in full whose deadline has passed (China time); false: only the others.' })
  @IsOptional()
  @IsBoolean()
  overdue?: boolean;
}

@ArgsType()
export class ReliefPaymentCheckArgs extends PageArgs {
  @FilterField(() => ReliefPaymentCheckFilter, '筛选条件。Which approved and paid cases to check.')
  filter?: ReliefPaymentCheckFilter;

  @OrderByField(ReliefPaymentCheckOrder, 'by deadline')
  orderBy?: OrderInput<keyof typeof ReliefPaymentCheckOrder.Field>[];
}
