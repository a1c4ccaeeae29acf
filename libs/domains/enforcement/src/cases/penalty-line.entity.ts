import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { BaseRecord, DecimalScalar, LocalDateScalar, Node, ReadByColumnSelection, UUIDScalar } from '@platform/core';
import { PenaltyPersonRole, PenaltySubjectKind } from './penalty.enums';

/**
 * A penalty line of a case (处罚明细, 一案双罚): the fine on the unit or on one responsible person, under
 * a discretion band of the case's item, with the articles applied and the amount: chosen within a band
 * in yuan, or computed as a share of the person's last year's income (安全生产法 第九十五、一百一十条).
 * Last year's income and its evidence are personal data: they are read through masked field resolvers.
 */
@ObjectType({ implements: Node, description: '处罚明细。A fine of a penalty case on the unit or on one responsible person (一案双罚): the discretion band of the case\'s item, the articles applied and the amount, in yuan or as a share of last year\'s income.' })
@ReadByColumnSelection()
@Entity('enforcement_penalty_line')
@Index('enforcement_penalty_line_page_idx', ['caseId', 'position', 'id'])
export class PenaltyLine extends BaseRecord {
  @Field(() => UUIDScalar, { description: '案件标识。The penalty case; the line is in scope when its case is.' })
  @Column({ type: 'uuid' })
  caseId: string;

  @Field(() => Int, { description: '序号。Its place among the case\'s lines (gaps remain where lines were removed).' })
  @Column({ type: 'int' })
  position: number;

  @Field(() => PenaltySubjectKind, { description: '处罚对象类型。UNIT (the case\'s enterprise) or PERSON.' })
  @Column({ type: 'text' })
  subjectKind: PenaltySubjectKind;

  @Field(() => UUIDScalar, { nullable: true, description: '责任人员标识。The fined person (directory); null for the unit.' })
  @Column({ type: 'uuid', nullable: true })
  personId: string | null;

  @Field(() => PenaltyPersonRole, { nullable: true, description: '责任人员身份。The person\'s role in the unit; null for the unit.' })
  @Column({ type: 'text', nullable: true })
  personRole: PenaltyPersonRole | null;

  @Field(() => UUIDScalar, { description: '裁量基准标识。The discretion band of the case\'s item (the item version the case was filed under) the amount follows.' })
  @Column({ type: 'uuid' })
  bandId: string;

  @Field(() => [UUIDScalar], { description: '适用条款标识。The law articles applied (the breach and the penalty basis), from the law catalog.' })
  @Column({ type: 'uuid', array: true })
  lawArticleIds: string[];

  @Field(() => DecimalScalar, { description: '罚款金额（元）。The fine in yuan: chosen within a band in yuan, or last year\'s income × the percentage, rounded to the fen.' })
  @Column({ type: 'numeric', precision: 14, scale: 2 })
  amountYuan: string;

  /** 上一年年收入 (sensitive; see `PenaltyLineResolver.incomeYuan`). */
  @Column({ type: 'numeric', precision: 14, scale: 2, nullable: true })
  incomeYuan: string | null;

  /** 年收入证明 (sensitive; see `PenaltyLineResolver.incomeEvidence`). */
  @Column({ type: 'text', nullable: true })
  incomeEvidence: string | null;

  @Field(() => Int, { nullable: true, description: '收入比例（%）。For a band set as a share of income: the percentage of last year\'s income fined; null for a band in yuan.' })
  @Column({ type: 'int', nullable: true })
  incomePercent: number | null;

  @Field(() => String, { nullable: true, description: '事故等级。For a case linked to an accident investigation: the accident\'s grade when the line was last set (the band\'s condition must not name another grade); null otherwise.' })
  @Column({ type: 'text', nullable: true })
  accidentGrade: string | null;

  @Field({ description: '裁量理由。Why this band and amount (the circumstances weighed).' })
  @Column({ type: 'text' })
  reason: string;
}

/** A payment of a case's fine (and surcharge) as the receipt shows it. */
@ObjectType({ implements: Node, description: '罚款缴纳。A payment towards a case\'s fine and late-payment surcharge, with the receipt number (非税收入缴款书或银行回单).' })
@ReadByColumnSelection()
@Entity('enforcement_penalty_payment')
@Index('enforcement_penalty_payment_page_idx', ['caseId', 'paidOn', 'id'])
export class PenaltyPayment extends BaseRecord {
  @Field(() => UUIDScalar, { description: '案件标识。The penalty case paid for; in scope when the case is.' })
  @Column({ type: 'uuid' })
  caseId: string;

  @Field(() => DecimalScalar, { description: '缴纳金额（元）。The amount paid, in yuan.' })
  @Column({ type: 'numeric', precision: 14, scale: 2 })
  amountYuan: string;

  @Field(() => LocalDateScalar, { description: '缴纳日期。The day it was paid: the surcharge of that day still accrues on what was unpaid before it.' })
  @Column({ type: 'date' })
  paidOn: string;

  @Field({ description: '票据号。The receipt number, unique.' })
  @Column({ type: 'text' })
  receiptNumber: string;

  @Field(() => String, { nullable: true, description: '备注。A note.' })
  @Column({ type: 'text', nullable: true })
  note: string | null;
}
