import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { BaseRecord, DecimalScalar, LocalDateScalar, Node, ReadByColumnSelection, UUIDScalar } from '@platform/core';
import { InternalRewardChannel } from './reward.enums';

/**
 * An enterprise's internal hazard-report reward mechanism (安委〔2024〕7号: 明晰途径、核查整改、落实资金、
 * 及时奖励): whether one is in place, since when, through which channels. An enterprise without one
 * (no record, or not in place) is an input to the enforcement plan's 重点监管.
 */
@ObjectType({ implements: Node, description: '企业内部举报奖励机制。An enterprise\'s internal hazard-report reward mechanism (安委〔2024〕7号): in place or not, since when, its channels and funding, with a ledger per year.' })
@ReadByColumnSelection()
@Entity('internal_reward_mechanism')
export class InternalRewardMechanism extends BaseRecord {
  @Field(() => UUIDScalar, { description: '企业标识。The enterprise (one record per enterprise); scope is measured from it.' })
  @Column({ type: 'uuid' })
  enterpriseId: string;

  @Field({ description: '是否建立。True when the enterprise has the mechanism in place.' })
  @Column({ type: 'boolean' })
  inPlace: boolean;

  @Field(() => LocalDateScalar, { nullable: true, description: '建立日期。Since when it is in place; null when not in place.' })
  @Column({ type: 'date', nullable: true })
  since: string | null;

  @Field(() => [InternalRewardChannel], { description: '举报途径。The channels employees report through (明晰途径).' })
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  channels: InternalRewardChannel[];

  @Field(() => String, { nullable: true, description: '资金保障。How the rewards are funded (落实资金), e.g. 安全生产费用.' })
  @Column({ type: 'text', nullable: true })
  funding: string | null;

  @Field(() => String, { nullable: true, description: '说明。A note (e.g. the document that set it up).' })
  @Column({ type: 'text', nullable: true })
  note: string | null;
}

/** One year of an enterprise's internal reward ledger (台账): reports received and rewarded, amount paid. */
@ObjectType({ implements: Node, description: '内部举报奖励台账（年度）。One year of an enterprise\'s internal hazard-report reward ledger: reports received, rewarded and the amount paid.' })
@ReadByColumnSelection()
@Entity('internal_reward_ledger_year')
@Index('internal_reward_ledger_year_key', ['enterpriseId', 'year'], { unique: true })
export class InternalRewardLedgerYear extends BaseRecord {
  @Field(() => UUIDScalar, { description: '企业标识。The enterprise.' })
  @Column({ type: 'uuid' })
  enterpriseId: string;

  @Field(() => Int, { description: '年度。The calendar year.' })
  @Column({ type: 'int' })
  year: number;

  @Field(() => Int, { description: '收到报告数。Internal hazard reports received in the year.' })
  @Column({ type: 'int' })
  reportsReceived: number;

  @Field(() => Int, { description: '奖励报告数。Reports rewarded in the year (at most those received).' })
  @Column({ type: 'int' })
  reportsRewarded: number;

  @Field(() => DecimalScalar, { description: '奖励金额（元）。The amount paid in internal rewards in the year.' })
  @Column({ type: 'numeric', precision: 12, scale: 2 })
  amountPaidYuan: string;
}
