import { Field, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { BaseRecord, DateTimeScalar, DecimalScalar, Node, PrincipalKind, UUIDScalar, LocalDateScalar, type Principal } from '@platform/core';
import { ReliefKind, ReliefPaymentMethod, ReliefStatus } from './relief.enums';
import { ReliefActionEnum, type ReliefActionName } from './relief-steps';

/** Amounts in yuan are numeric(12,2) columns, kept as the decimal text pg returns (`Decimal` in the schema). */

@ObjectType({ implements: Node, description: '救助案件。A household\'s relief case (救灾救助): kind, basis, amounts, the approval path (申请→评议→公示→审核→审批) and the payments to the payee.' })
@Entity('relief_case')
@Index('relief_case_organization_idx', ['organizationId'])
export class ReliefCase extends BaseRecord {
  @Field(() => UUIDScalar, { description: '所属村（社区）标识。The village or community handling the case; scope is measured from it.' })
  @Column({ type: 'uuid' })
  organizationId: string;

  @Field(() => UUIDScalar, { nullable: true, description: '联防住户标识。The household of the ten-household joint defense list, if linked.' })
  @Column({ type: 'uuid', nullable: true })
  householdId: string | null;

  /** Personal data: exposed through a field resolver that records the read. */
  @Column({ type: 'text' })
  headName: string;

  @Field({ description: '住址。Address of the household, e.g. 文凤村3组.' })
  @Column({ type: 'text' })
  address: string;

  @Field(() => ReliefKind, { description: '救助类别。What the household is helped with.' })
  @Column({ type: 'text' })
  kind: ReliefKind;

  @Field(() => UUIDScalar, { nullable: true, description: '灾情标识。The incident (灾情) the case follows from; null for relief not tied to one (e.g. 冬春救助).' })
  @Column({ type: 'uuid', nullable: true })
  incidentId: string | null;

  @Field({ description: '依据。What the case rests on, e.g. 灾情核报、入户调查.' })
  @Column({ type: 'text' })
  basis: string;

  @Field(() => DecimalScalar, { description: '申请金额（元）。Amount applied for, in yuan.' })
  @Column({ type: 'numeric', precision: 12, scale: 2 })
  requestedAmountYuan: string;

  @Field(() => DecimalScalar, { nullable: true, description: '核定金额（元）。Amount approved by the town, in yuan; null until approved.' })
  @Column({ type: 'numeric', precision: 12, scale: 2, nullable: true })
  approvedAmountYuan: string | null;

  @Field(() => DecimalScalar, { description: '已发放金额（元）。Sum of the payments recorded so far, in yuan; never above the approved amount.' })
  @Column({ type: 'numeric', precision: 12, scale: 2, default: 0 })
  paidAmountYuan: string;

  @Field(() => LocalDateScalar, { description: '发放期限。Day (YYYY-MM-DD) by which the relief is to be paid in full.' })
  @Column({ type: 'date' })
  dueBy: string;

  @Field(() => ReliefStatus, { description: '状态。Where the case stands on its approval path.' })
  @Column({ type: 'text' })
  status: ReliefStatus;

  @Field(() => LocalDateScalar, { nullable: true, description: '公示开始日。First day of the public notice (YYYY-MM-DD); null before the notice.' })
  @Column({ type: 'date', nullable: true })
  noticeStartsOn: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: '公示结束日。Last day of the public notice (YYYY-MM-DD); the town reviews only after it (China time).' })
  @Column({ type: 'date', nullable: true })
  noticeEndsOn: string | null;

  @Field(() => String, { nullable: true, description: '不予救助理由。Why the case was rejected; null unless REJECTED.' })
  @Column({ type: 'text', nullable: true })
  rejectionReason: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: '足额发放日。Day of the last payment, when the payments reached the approved amount; null until PAID.' })
  @Column({ type: 'date', nullable: true })
  paidInFullOn: string | null;
}

@ObjectType({ implements: Node, description: '救助审批记录。One step of a relief case\'s approval path: who moved it from which state to which, when, with what note.' })
@Entity('relief_case_step')
@Index('relief_case_step_case_at_idx', ['caseId', 'at', 'id'])
export class ReliefCaseStep {
  @Field(() => UUIDScalar, { description: '标识。Id of the step.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => UUIDScalar, { description: '案件标识。The relief case.' })
  @Column({ type: 'uuid' })
  caseId: string;

  @Field(() => ReliefActionEnum, { description: '操作。The application or the step: APPLY, ASSESS, START_NOTICE, REVIEW, APPROVE, REJECT or PAY.' })
  @Column({ type: 'text' })
  action: ReliefActionName;

  @Field(() => ReliefStatus, { nullable: true, description: '原状态。State before the step; null for the application.' })
  @Column({ type: 'text', nullable: true })
  fromStatus: ReliefStatus | null;

  @Field(() => ReliefStatus, { description: '新状态。State after the step.' })
  @Column({ type: 'text' })
  toStatus: ReliefStatus;

  @Field(() => PrincipalKind, { description: '操作者类型。Who took the step: USER, API_CLIENT or SYSTEM.' })
  @Column({ type: 'text' })
  actorKind: Principal['kind'];

  @Field(() => UUIDScalar, { nullable: true, description: '操作者标识。The user or API client who took the step.' })
  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  @Field(() => UUIDScalar, { nullable: true, description: '操作人员标识。The directory person of the user who took the step, if linked.' })
  @Column({ type: 'uuid', nullable: true })
  actorPersonId: string | null;

  @Field({ description: '操作者名称。Display name of who took the step.' })
  @Column({ type: 'text' })
  actorName: string;

  @Field(() => String, { nullable: true, description: '说明。Note of the step, e.g. the assessment\'s result or the notice\'s place.' })
  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Field(() => DateTimeScalar, { description: '时间。When the step was taken.' })
  @Column({ type: 'timestamptz' })
  at: Date;
}

@ObjectType({ implements: Node, description: '救助发放记录。One payment of an approved relief case to its payee (发放到人). The ID number and account are masked unless you may pay relief there.' })
@Entity('relief_payment')
@Index('relief_payment_case_idx', ['caseId', 'paidOn', 'id'])
export class ReliefPayment {
  @Field(() => UUIDScalar, { description: '标识。Id of the payment.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => UUIDScalar, { description: '案件标识。The relief case paid.' })
  @Column({ type: 'uuid' })
  caseId: string;

  @Field(() => UUIDScalar, { description: '所属村（社区）标识。The case\'s village or community (copied, for scope checks).' })
  @Column({ type: 'uuid' })
  organizationId: string;

  @Field(() => DecimalScalar, { description: '金额（元）。Amount paid, in yuan.' })
  @Column({ type: 'numeric', precision: 12, scale: 2 })
  amountYuan: string;

  @Field(() => LocalDateScalar, { description: '发放日期。Day the payment was made (YYYY-MM-DD).' })
  @Column({ type: 'date' })
  paidOn: string;

  /** Personal data: exposed through a field resolver that records the read. */
  @Column({ type: 'text' })
  payeeName: string;

  @Field({ description: '与户主关系。The payee\'s relation to the head of the household as documented, e.g. 本人, 配偶, 子女.' })
  @Column({ type: 'text' })
  payeeRelation: string;

  /** Sensitive: exposed masked through a field resolver. */
  @Column({ type: 'text' })
  payeeIdNumber: string;

  /** Sensitive: exposed masked through a field resolver. */
  @Column({ type: 'text', nullable: true })
  accountReference: string | null;

  @Field(() => ReliefPaymentMethod, { description: '发放方式。How the payment reached the payee.' })
  @Column({ type: 'text' })
  method: ReliefPaymentMethod;

  @Field(() => String, { nullable: true, description: '说明。Note, e.g. the voucher number.' })
  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Field(() => PrincipalKind, { description: '记录者类型。Who recorded the payment: USER, API_CLIENT or SYSTEM.' })
  @Column({ type: 'text' })
  recordedByKind: Principal['kind'];

  @Field(() => UUIDScalar, { nullable: true, description: '记录者标识。The user or API client who recorded the payment.' })
  @Column({ type: 'uuid', nullable: true })
  recordedById: string | null;

  @Field({ description: '记录者名称。Display name of who recorded the payment.' })
  @Column({ type: 'text' })
  recordedByName: string;

  @Field(() => DateTimeScalar, { description: '记录时间。When the payment was recorded.' })
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
