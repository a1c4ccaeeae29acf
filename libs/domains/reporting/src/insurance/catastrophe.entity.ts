import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { BaseRecord, DateTimeScalar, DecimalScalar, LocalDateScalar, Node, ReadByColumnSelection, UUIDScalar } from '@platform/core';
import { CatastropheClaimKind, CatastropheClaimStatus } from './insurance.enums';

/**
 * The district's catastrophe insurance policy (巨灾保险, 渝府办发〔2017〕121号) as the town keeps it:
 * government-paid and held by the district, with its per-person, per-event and annual limits.
 */
@ObjectType({ implements: Node, description: '巨灾保险保单。The district\'s government-paid catastrophe insurance policy (渝府办发〔2017〕121号) as the town keeps it: insurer, holder, period, per-person, medical, per-event and annual limits.' })
@ReadByColumnSelection()
@Entity('catastrophe_policy')
@Index('catastrophe_policy_period_idx', ['startsOn', 'id'])
export class CatastrophePolicy extends BaseRecord {
  @Field(() => UUIDScalar, { description: '所属单位标识。The organization keeping the record (the town); scope is measured from it.' })
  @Column({ type: 'uuid' })
  organizationId: string;

  @Field({ description: '投保人。The policyholder, e.g. 重庆市南川区人民政府.' })
  @Column({ type: 'text' })
  policyholder: string;

  @Field({ description: '保险公司。The insurer (or the lead insurer of a co-insurance).' })
  @Column({ type: 'text' })
  insurer: string;

  @Field({ description: '保单号。The policy number.' })
  @Column({ type: 'text' })
  policyNumber: string;

  @Field(() => LocalDateScalar, { description: '保险起期。The first day covered.' })
  @Column({ type: 'date' })
  startsOn: string;

  @Field(() => LocalDateScalar, { description: '保险止期。The last day covered (included).' })
  @Column({ type: 'date' })
  endsOn: string;

  @Field(() => DecimalScalar, { description: '每人每次死亡伤残保额（元）。The per-person per-event death and disability limit in yuan (at least ¥100,000).' })
  @Column({ type: 'numeric', precision: 14, scale: 2 })
  perPersonLimitYuan: string;

  @Field(() => DecimalScalar, { description: '每人医疗费用保额（元）。The per-person medical limit in yuan (at least ¥10,000).' })
  @Column({ type: 'numeric', precision: 14, scale: 2 })
  medicalPerPersonLimitYuan: string;

  @Field(() => DecimalScalar, { description: '每次事故限额（元）。The limit per event in yuan (at least ¥30,000,000).' })
  @Column({ type: 'numeric', precision: 14, scale: 2 })
  perEventLimitYuan: string;

  @Field(() => DecimalScalar, { description: '年度累计限额（元）。The annual limit in yuan (at least ¥60,000,000).' })
  @Column({ type: 'numeric', precision: 14, scale: 2 })
  annualLimitYuan: string;

  @Field(() => [String], { description: '保险责任。The perils covered, e.g. 暴雨洪涝, 地质灾害, 森林火灾, 抢险救援伤亡.' })
  @Column({ type: 'text', array: true })
  perils: string[];

  @Field(() => UUIDScalar, { description: '规则版本标识。The version of reporting.catastrophe-insurance-minimums its limits were checked against (in force on its first day).' })
  @Column({ type: 'uuid' })
  ruleVersionId: string;
}

/** A town's claim under the district's catastrophe policy for casualties of an incident. */
@ObjectType({ implements: Node, description: '巨灾保险理赔。A claim under the district catastrophe policy for casualties of an incident of the response module: persons, kind, amount claimed; FILED, then PAID (with the amount paid) or REJECTED (with the reason).' })
@ReadByColumnSelection()
@Entity('catastrophe_claim')
@Index('catastrophe_claim_filed_idx', ['filedOn', 'id'])
export class CatastropheClaim extends BaseRecord {
  @Field(() => UUIDScalar, { description: '保单标识。The catastrophe policy claimed under.' })
  @Column({ type: 'uuid' })
  policyId: string;

  @Field(() => UUIDScalar, { description: '灾情标识。The incident (response module) the casualties came from.' })
  @Column({ type: 'uuid' })
  incidentId: string;

  @Field(() => UUIDScalar, { description: '所属单位标识。The organization filing it (the town, or the village where the incident happened); scope is measured from it.' })
  @Column({ type: 'uuid' })
  organizationId: string;

  @Field(() => CatastropheClaimKind, { description: '理赔类别。Death, disability or medical costs.' })
  @Column({ type: 'text' })
  kind: CatastropheClaimKind;

  @Field(() => Int, { description: '涉及人数。How many persons the claim is for.' })
  @Column({ type: 'int' })
  persons: number;

  @Field(() => DecimalScalar, { description: '申请金额（元）。The amount claimed in yuan (at most the persons × the per-person limit of its kind).' })
  @Column({ type: 'numeric', precision: 14, scale: 2 })
  amountClaimedYuan: string;

  @Field(() => LocalDateScalar, { description: '报案日期。The day it was filed (within the policy period, not before the incident).' })
  @Column({ type: 'date' })
  filedOn: string;

  @Field(() => String, { nullable: true, description: '说明。What happened to whom, in a sentence.' })
  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Field(() => CatastropheClaimStatus, { description: '状态。FILED, PAID or REJECTED.' })
  @Column({ type: 'text' })
  status: CatastropheClaimStatus;

  @Field(() => DecimalScalar, { nullable: true, description: '赔付金额（元）。The amount the insurer paid; null unless PAID.' })
  @Column({ type: 'numeric', precision: 14, scale: 2, nullable: true })
  amountPaidYuan: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: '结案时间。When it was paid or rejected.' })
  @Column({ type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @Field(() => String, { nullable: true, description: '拒赔原因。Why the insurer refused; null unless REJECTED.' })
  @Column({ type: 'text', nullable: true })
  rejectionReason: string | null;
}
