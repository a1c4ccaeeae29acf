import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { BaseRecord, DecimalScalar, LocalDateScalar, Node, ReadByColumnSelection, UUIDScalar } from '@platform/core';

/**
 * A work-safety liability insurance policy (安全生产责任保险, 应急〔2025〕27号) of an enterprise: the
 * insurer, the policy number, the period, the per-person death/disability limit, the headcount
 * covered and the premium. Its status, whether its limit is below the rule's minimum and whether it
 * is lapsing are computed in SQL from its dates and the rule version it keeps.
 */
@ObjectType({ implements: Node, description: '安全生产责任保险保单。A work-safety liability insurance policy of an enterprise (应急〔2025〕27号): insurer, number, period, per-person limit, headcount covered, premium; status, limit check and lapse warning computed from its dates and its rule version.' })
@ReadByColumnSelection()
@Entity('liability_insurance_policy')
@Index('liability_insurance_policy_enterprise_idx', ['enterpriseId', 'endsOn', 'id'])
export class LiabilityInsurancePolicy extends BaseRecord {
  @Field(() => UUIDScalar, { description: '投保企业标识。The insured enterprise; scope is measured from it.' })
  @Column({ type: 'uuid' })
  enterpriseId: string;

  @Field({ description: '保险公司。The insurer, e.g. 中国人民财产保险股份有限公司南川支公司.' })
  @Column({ type: 'text' })
  insurer: string;

  @Field({ description: '保单号。The policy number (unique per insurer).' })
  @Column({ type: 'text' })
  policyNumber: string;

  @Field(() => LocalDateScalar, { description: '保险起期。The first day covered.' })
  @Column({ type: 'date' })
  startsOn: string;

  @Field(() => LocalDateScalar, { description: '保险止期。The last day covered (included).' })
  @Column({ type: 'date' })
  endsOn: string;

  @Field(() => DecimalScalar, { description: '每人死亡伤残责任限额（元）。The per-person death and disability limit in yuan (at least the rule\'s minimum, ¥400,000 under 应急〔2025〕27号).' })
  @Column({ type: 'numeric', precision: 14, scale: 2 })
  perPersonLimitYuan: string;

  @Field(() => Int, { description: '承保人数。How many staff it covers (all staff, on the same terms).' })
  @Column({ type: 'int' })
  headcountCovered: number;

  @Field(() => DecimalScalar, { nullable: true, description: '保费（元）。The premium in yuan (paid by the enterprise, never charged to staff); null when not recorded.' })
  @Column({ type: 'numeric', precision: 14, scale: 2, nullable: true })
  premiumYuan: string | null;

  @Field(() => UUIDScalar, { description: '规则版本标识。The version of reporting.insurance-mandatory-sectors in force on its first day: its minimum limit and lapse window judge this policy.' })
  @Column({ type: 'uuid' })
  ruleVersionId: string;

  @Field(() => LocalDateScalar, { nullable: true, description: '退保日期。The first day it no longer covers after a cancellation; null when not cancelled.' })
  @Column({ type: 'date', nullable: true })
  cancelledOn: string | null;

  @Field(() => String, { nullable: true, description: '退保原因。Why it was cancelled, e.g. 企业注销; null when not cancelled.' })
  @Column({ type: 'text', nullable: true })
  cancellationReason: string | null;
}
