import { Field, Int, ObjectType } from 'type-graphql';
import { DecimalScalar, UUIDScalar, LocalDateScalar } from '@platform/core';
import { ReliefKind, ReliefStatus } from './relief.enums';

@ObjectType({ description: '救助发放核查。One approved or paid relief case checked against its payments: paid in full (发放到位), on time, or overdue.' })
export class ReliefPaymentCheck {
  @Field(() => UUIDScalar, { description: '案件标识。The relief case.' })
  caseId: string;

  @Field(() => UUIDScalar, { description: '所属村（社区）标识。The case\'s village or community.' })
  organizationId: string;

  @Field(() => ReliefKind, { description: '救助类别。What the household is helped with.' })
  kind: ReliefKind;

  @Field(() => ReliefStatus, { description: '状态。APPROVED or PAID.' })
  status: ReliefStatus;

  @Field(() => LocalDateScalar, { description: '发放期限。Day by which the relief is to be paid in full.' })
  dueBy: string;

  @Field(() => DecimalScalar, { description: '核定金额（元）。Amount approved, in yuan.' })
  approvedAmountYuan: string;

  @Field(() => DecimalScalar, { description: '已发放金额（元）。Sum of the recorded payments, in yuan.' })
  paidAmountYuan: string;

  @Field(() => DecimalScalar, { description: '待发放金额（元）。Approved amount minus the payments, in yuan.' })
  outstandingYuan: string;

  @Field(() => Int, { description: '发放笔数。How many payments were recorded.' })
  payments: number;

  @Field(() => LocalDateScalar, { nullable: true, description: '最近发放日。Day of the latest payment; null when nothing was paid.' })
  lastPaidOn: string | null;

  @Field({ description: '足额。True when the payments sum to the approved amount.' })
  paidInFull: boolean;

  @Field({ description: '按时足额。True when paid in full on or before the deadline.' })
  paidOnTime: boolean;

  @Field({ description: '逾期。True when not paid in full and the deadline has passed (China time).' })
  overdue: boolean;
}
