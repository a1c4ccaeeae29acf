import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { BaseRecord, DateTimeScalar, DecimalScalar, LocalDateScalar, Node, ReadByColumnSelection, UUIDScalar } from '@platform/core';
import { TipRewardBasis, TipRewardPaymentMethod, TipRewardStatus } from './reward.enums';

/**
 * A reward for a tip (举报奖励, 安监总财〔2018〕19号): one per group of merged duplicate tips, for the
 * first valid reporter; computed from the final fine of the linked penalty case or the final grade
 * and deaths of the linked accident investigation by the version of `reporting.reward-tiers` in force
 * on the day the tip came in; approved, then paid by the claim deadline (else unclaimed).
 */
@ObjectType({ implements: Node, description: '举报奖励。The reward of a tip\'s first valid reporter (安监总财〔2018〕19号): computed from the final fine or the final accident grade by the rule version kept, approved, then paid by the claim deadline or left unclaimed.' })
@ReadByColumnSelection()
@Entity('tip_reward')
@Index('tip_reward_computed_idx', ['computedAt', 'id'])
export class TipReward extends BaseRecord {
  @Field(() => UUIDScalar, { description: '举报标识。The rewarded tip: the earliest-received valid tip of its group of merged duplicates.' })
  @Column({ type: 'uuid' })
  tipId: string;

  @Field(() => UUIDScalar, { description: '合并组标识。The tip the group of merged duplicates is kept under (the tip itself when not merged): one reward per group.' })
  @Column({ type: 'uuid' })
  groupTipId: string;

  @Field(() => UUIDScalar, { description: '所属单位标识。The tip\'s organization (copied when computed); scope is measured from it.' })
  @Column({ type: 'uuid' })
  organizationId: string;

  @Field(() => TipRewardBasis, { description: '计算依据。FINE (the final fine) or ACCIDENT_GRADE (the final grade and deaths).' })
  @Column({ type: 'text' })
  basis: TipRewardBasis;

  @Field(() => UUIDScalar, { nullable: true, description: '处罚案件标识。The penalty case whose final fine it was computed from; null for an accident basis.' })
  @Column({ type: 'uuid', nullable: true })
  penaltyCaseId: string | null;

  @Field(() => UUIDScalar, { nullable: true, description: '事故调查标识。The accident investigation whose final grade it was computed from; null for a fine basis.' })
  @Column({ type: 'uuid', nullable: true })
  accidentInvestigationId: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: '罚款金额（元）。The final fine decided (决定罚款总额) it was computed from; null for an accident basis.' })
  @Column({ type: 'numeric', precision: 14, scale: 2, nullable: true })
  fineYuan: string | null;

  @Field(() => String, { nullable: true, description: '事故等级。The final (verified) grade of the accident it was computed from: ORDINARY, LARGER, SERIOUS or EXTRAORDINARILY_SERIOUS; null for a fine basis.' })
  @Column({ type: 'text', nullable: true })
  accidentGrade: string | null;

  @Field(() => Int, { nullable: true, description: '核实死亡人数。The verified deaths it was computed from; null for a fine basis.' })
  @Column({ type: 'int', nullable: true })
  verifiedDeaths: number | null;

  @Field(() => DecimalScalar, { description: '奖励金额（元）。The amount computed: rounded to the fen half-up, then held within the tier\'s minimum and maximum.' })
  @Column({ type: 'numeric', precision: 12, scale: 2 })
  amountYuan: string;

  @Field(() => UUIDScalar, { description: '奖励规则版本标识。The version of reporting.reward-tiers in force on the day the tip came in, used for the amount and the claim days.' })
  @Column({ type: 'uuid' })
  ruleVersionId: string;

  @Field(() => TipRewardStatus, { description: '状态。COMPUTED, APPROVED or PAID (an APPROVED one past its claim deadline is unclaimed).' })
  @Column({ type: 'text' })
  status: TipRewardStatus;

  @Field(() => DateTimeScalar, { description: '核算时间。When it was computed.' })
  @Column({ type: 'timestamptz' })
  computedAt: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: '审批时间。When it was approved.' })
  @Column({ type: 'timestamptz', nullable: true })
  approvedAt: Date | null;

  @Field(() => String, { nullable: true, description: '审批人。The name of the account that approved it (the audit log keeps the account).' })
  @Column({ type: 'text', nullable: true })
  approvedBy: string | null;

  @Field(() => UUIDScalar, { nullable: true, description: '审批人员标识。The directory person of the approving account, when linked to one.' })
  @Column({ type: 'uuid', nullable: true })
  approvedByPersonId: string | null;

  @Field(() => String, { nullable: true, description: '审批意见。The approver\'s note.' })
  @Column({ type: 'text', nullable: true })
  approvalNote: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: '领取期限。The last day (China time) to claim it: the approval day plus the rule version\'s claim days; unclaimed after it.' })
  @Column({ type: 'date', nullable: true })
  claimDueOn: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: '实发金额（元）。The amount paid.' })
  @Column({ type: 'numeric', precision: 12, scale: 2, nullable: true })
  paidAmountYuan: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: '发放时间。When it was paid.' })
  @Column({ type: 'timestamptz', nullable: true })
  paidAt: Date | null;

  @Field(() => TipRewardPaymentMethod, { nullable: true, description: '发放方式。How it was paid.' })
  @Column({ type: 'text', nullable: true })
  paymentMethod: TipRewardPaymentMethod | null;

  @Field(() => String, { nullable: true, description: '凭证号。The number of the payment voucher (凭证号).' })
  @Column({ type: 'text', nullable: true })
  voucherNumber: string | null;

  @Field(() => String, { nullable: true, description: '发放说明。A note on the payment.' })
  @Column({ type: 'text', nullable: true })
  paymentNote: string | null;

  @Field(() => String, { nullable: true, description: '发放登记人。The name of the account that recorded the payment (the audit log keeps the account).' })
  @Column({ type: 'text', nullable: true })
  paymentRecordedBy: string | null;
}
