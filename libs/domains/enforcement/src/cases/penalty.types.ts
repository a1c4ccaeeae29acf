import { Field, Int, ObjectType } from 'type-graphql';
import { DecimalScalar, LocalDateScalar, UUIDScalar } from '@platform/core';
import { PenaltyWarningKind } from './penalty.enums';

/** One reason a case's lines do not support a penalty decision (names the line's field and the rule). */
@ObjectType({ description: '处罚决定问题。One reason the case\'s penalty lines do not support a PENALTY decision: the field of the line, the rule and a message.' })
export class PenaltyDecisionProblem {
  @Field({ description: '字段。The field, e.g. penaltyLines.2.amountYuan (the line\'s position).' })
  field: string;

  @Field({ description: '规则。The validation rule, e.g. amountInBand.' })
  rule: string;

  @Field({ description: '说明。What is wrong.' })
  message: string;
}

/** What the penalty lines of a case come to before its decision (the contract of `penaltyDecisionCheck`). */
@ObjectType({ description: '处罚决定核查。What a case\'s penalty lines come to: lines by subject, the total fine, whether a hearing must be offered (较大数额罚款) and the problems that refuse a PENALTY decision.' })
export class PenaltyDecisionSummary {
  @Field(() => Int, { description: '明细数。The number of penalty lines.' })
  lineCount: number;

  @Field(() => Int, { description: '单位明细数。Lines on the unit.' })
  unitLines: number;

  @Field(() => Int, { description: '个人明细数。Lines on persons.' })
  personLines: number;

  @Field(() => DecimalScalar, { description: '罚款合计（元）。The sum of the lines\' amounts.' })
  totalFineYuan: string;

  @Field({ description: '应告知听证。True when a line reaches the hearing threshold (rule enforcement.hearing-threshold on the filing day: the unit\'s or the person\'s figure).' })
  hearingRequired: boolean;

  @Field(() => UUIDScalar, { nullable: true, description: '听证标准规则版本标识。The version of enforcement.hearing-threshold used; null when none applies.' })
  hearingThresholdRuleVersionId: string | null;

  @Field(() => [PenaltyDecisionProblem], { description: '问题。What refuses a PENALTY decision (a band or amount out of bounds, income or evidence missing); empty when none.' })
  problems: PenaltyDecisionProblem[];
}

/** A warning about a case's penalty lines (not a refusal). */
@ObjectType({ description: '处罚预警。A warning about a case\'s penalty lines (not a refusal), e.g. 一案双罚 without a person line.' })
export class PenaltyWarning {
  @Field(() => PenaltyWarningKind, { description: '类型。What the warning is about.' })
  kind: PenaltyWarningKind;

  @Field({ description: '说明。The warning in Chinese.' })
  message: string;
}

/** 首违不罚 (行政处罚法 第三十三条): whether a case is the party's first offence of its item. */
@ObjectType({ description: '首违核查。Whether a case is the party\'s first offence of its item (行政处罚法 第三十三条, 首违不罚): no earlier penalty decision or on-the-spot penalty on the party for an item of the same code within the years of rule enforcement.first-offence before the filing day.' })
export class PenaltyFirstOffence {
  @Field({ description: '首次违法。True when no earlier penalty was found in the period: a NO_PENALTY_MINOR decision may rest on it (if minor and corrected in time).' })
  firstOffence: boolean;

  @Field(() => LocalDateScalar, { nullable: true, description: '核查起始日。The first day looked back to; null when no rule version applies on the filing day.' })
  since: string | null;

  @Field(() => String, { nullable: true, description: '在先案件编号。The latest earlier case decided with a penalty in the period; null when none.' })
  priorCaseCode: string | null;

  @Field(() => String, { nullable: true, description: '在先当场处罚编号。The latest earlier on-the-spot penalty in the period; null when none.' })
  priorOnTheSpotNumber: string | null;

  @Field(() => UUIDScalar, { nullable: true, description: '规则版本标识。The version of enforcement.first-offence used.' })
  ruleVersionId: string | null;
}

/** A case's money as of a day. */
@ObjectType({ description: '缴款情况。A case\'s fine, late-payment surcharge (加处罚款, 3 % a day of the unpaid fine from the day after the due day, capped at the fine) and payments as of a day.' })
export class CasePaymentState {
  @Field(() => LocalDateScalar, { description: '截止日。The day it is computed for.' })
  asOf: string;

  @Field(() => LocalDateScalar, { nullable: true, description: '缴款期限。The payment due day (service + the case clock\'s payment days); null before service.' })
  paymentDueOn: string | null;

  @Field(() => DecimalScalar, { description: '罚款（元）。The fine decided (the lines\' sum when decided with a penalty, else 0).' })
  fineYuan: string;

  @Field(() => DecimalScalar, { description: '加处罚款（元）。The late-payment surcharge accrued up to the day, capped at the fine.' })
  surchargeYuan: string;

  @Field(() => Int, { description: '加处天数。The days the surcharge accrued on.' })
  surchargeDays: number;

  @Field(() => DecimalScalar, { description: '应缴合计（元）。Fine plus surcharge.' })
  dueYuan: string;

  @Field(() => DecimalScalar, { description: '已缴（元）。Payments recorded up to the day.' })
  paidYuan: string;

  @Field(() => DecimalScalar, { description: '未缴（元）。What is still owed (never below 0).' })
  outstandingYuan: string;

  @Field({ description: '已结清。True when the payments cover fine and surcharge.' })
  settled: boolean;
}
