import { Field, Float, Int, ObjectType } from 'type-graphql';
import { LocalDateScalar } from '@platform/core';
import { SupervisionKind } from './supervision.enums';

@ObjectType({ description: '督办规则。The values of the kind\'s rule version an action keeps, with the document that sets them.' })
export class SupervisionRuleTerms {
  @Field({ description: '规则代码。The rule, e.g. responsibility.supervision.listed.' })
  ruleCode: string;

  @Field({ description: '文号。The document that sets the version.' })
  documentNumber: string;

  @Field(() => String, { nullable: true, description: '说明。Where the values come from and how sure they are ([S] secondary source, [U] unverified).' })
  note: string | null;

  @Field(() => Int, { description: '回复时限（工作日）。Working days after issue for the reply or plan.' })
  responseWorkingDays: number;

  @Field({ description: '是否公开。Whether the action is to be published.' })
  publish: boolean;

  @Field(() => Int, { description: '公开时限（工作日）。Working days after issue to publish it.' })
  publicationWorkingDays: number;

  @Field({ description: '可否延期。Whether one extension may be requested.' })
  extensionAllowed: boolean;

  @Field(() => Int, { description: '延期申请提前量（工作日）。The request must come at least this many working days before the deadline.' })
  extensionRequestLeadWorkingDays: number;

  @Field(() => Int, { description: '延期决定时限（工作日）。Working days after the request within which it is decided.' })
  extensionDecisionWorkingDays: number;

  @Field(() => Int, { description: '验收时限（工作日）。Working days after the request for acceptance within which the office accepts or refuses.' })
  acceptanceWorkingDays: number;

  @Field(() => Int, { description: '升级条件。Failed acceptances after which the action may be escalated.' })
  escalateAfterFailures: number;
}

@ObjectType({ description: '分类督办统计。The figures of one kind of supervision action over a period.' })
export class SupervisionKindFigures {
  @Field(() => SupervisionKind, { description: '督办形式。The kind counted.' })
  kind: SupervisionKind;

  @Field(() => Int, { description: '期内到期数。Actions whose deadline for closing falls in the period.' })
  due: number;

  @Field(() => Int, { description: '按期办结数。Of those, the ones closed on or before their deadline.' })
  closedOnTime: number;

  @Field(() => Float, { nullable: true, description: '按期办结率。closedOnTime ÷ due (0 to 1); null when nothing fell due.' })
  onTimeRate: number | null;

  @Field(() => Int, { description: '逾期未办结数。Of those due, the ones still open (not closed or escalated) past their deadline today.' })
  openPastDeadline: number;

  @Field(() => Int, { description: '期内办结数。Actions closed in the period (whenever they were due).' })
  closed: number;

  @Field(() => Float, { nullable: true, description: '办结用时中位数（工作日）。The median of working days from issue to close over the actions closed in the period; null when none was.' })
  medianWorkingDaysToClose: number | null;
}

@ObjectType({ description: '督办闭环统计。Closure figures of supervision actions over a period, per kind, within your scope.' })
export class SupervisionFigures {
  @Field(() => LocalDateScalar, { description: '起始日。The period\'s first day.' })
  from: string;

  @Field(() => LocalDateScalar, { description: '截止日（不含）。The day after the period.' })
  to: string;

  @Field(() => [SupervisionKindFigures], { description: '分类统计。One entry per kind asked for (all four by default), in the order NOTICE, URGING_LETTER, INTERVIEW, LISTED; zeros when none.' })
  kinds: SupervisionKindFigures[];
}
