import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { BaseRecord, DecimalScalar, LocalDateScalar, Node, ReadByColumnSelection, UUIDScalar } from '@platform/core';
import { OnTheSpotPartyKind, OnTheSpotPenaltyKind } from './penalty.enums';

/**
 * An on-the-spot penalty (当场处罚, 简易程序, 行政处罚法 第五十一、五十二条): a warning or a fine within
 * the limit of rule `enforcement.on-the-spot-limits` (citizen 200, organization 3,000 yuan), decided by
 * enforcers showing valid certificates, with a numbered decision form handed over, filed with the agency
 * within the rule's days.
 */
@ObjectType({ implements: Node, description: '当场处罚。An on-the-spot (simplified procedure) penalty: a warning or a small fine within the limits, decided by certified enforcers with a numbered decision form, filed with the agency within the set days.' })
@ReadByColumnSelection()
@Entity('enforcement_on_the_spot_penalty')
@Index('enforcement_on_the_spot_penalty_enterprise_idx', ['enterpriseId', 'decidedOn', 'id'])
export class OnTheSpotPenalty extends BaseRecord {
  @Field({ description: '决定书编号。The number of its 当场行政处罚决定书, e.g. 南平镇应急〔2026〕简罚3号.' })
  @Column({ type: 'text' })
  number: string;

  @Field(() => UUIDScalar, { description: '决定书标识。Its decision form (enforcement document).' })
  @Column({ type: 'uuid' })
  documentId: string;

  @Field(() => UUIDScalar, { description: '执法主体标识。The legal subject that decided it.' })
  @Column({ type: 'uuid' })
  legalSubjectId: string;

  @Field(() => UUIDScalar, { description: '执法事项标识。The penalty item it was decided under (the first-offence check counts it for this item).' })
  @Column({ type: 'uuid' })
  enforcementItemId: string;

  @Field(() => UUIDScalar, { description: '所属单位标识。The party organization, or for a citizen the enterprise (or place\'s organization) where it happened; scope is measured from it.' })
  @Column({ type: 'uuid' })
  enterpriseId: string;

  @Field(() => OnTheSpotPartyKind, { description: '当事人类型。CITIZEN or ORGANIZATION: the limits differ.' })
  @Column({ type: 'text' })
  partyKind: OnTheSpotPartyKind;

  @Field(() => UUIDScalar, { nullable: true, description: '当事人标识。For a citizen known to the directory, the person; null otherwise.' })
  @Column({ type: 'uuid', nullable: true })
  partyPersonId: string | null;

  @Field({ description: '当事人名称。The party\'s name as printed on the decision.' })
  @Column({ type: 'text' })
  partyName: string;

  @Field({ description: '违法地点。Where it happened.' })
  @Column({ type: 'text' })
  place: string;

  @Field({ description: '违法事实。The facts.' })
  @Column({ type: 'text' })
  facts: string;

  @Field(() => [UUIDScalar], { description: '处罚依据条款标识。The law articles applied.' })
  @Column({ type: 'uuid', array: true })
  lawArticleIds: string[];

  @Field(() => OnTheSpotPenaltyKind, { description: '处罚种类。WARNING or FINE.' })
  @Column({ type: 'text' })
  kind: OnTheSpotPenaltyKind;

  @Field(() => DecimalScalar, { nullable: true, description: '罚款金额（元）。The fine, within the limit for the party kind; null for a warning.' })
  @Column({ type: 'numeric', precision: 14, scale: 2, nullable: true })
  fineYuan: string | null;

  @Field(() => LocalDateScalar, { description: '处罚日期。The day it was decided on the spot.' })
  @Column({ type: 'date' })
  decidedOn: string;

  @Field(() => [UUIDScalar], { description: '执法人员标识。The enforcers who showed their certificates (at least the rule\'s number, each certified for the legal subject on the day).' })
  @Column({ type: 'uuid', array: true })
  enforcerPersonIds: string[];

  @Field(() => UUIDScalar, { description: '限额规则版本标识。The version of enforcement.on-the-spot-limits in force on the day, which it keeps.' })
  @Column({ type: 'uuid' })
  limitsRuleVersionId: string;

  @Field(() => LocalDateScalar, { description: '备案期限。The day by which it is to be filed with the agency (decision day + the rule\'s filing days).' })
  @Column({ type: 'date' })
  filingDueOn: string;

  @Field(() => LocalDateScalar, { nullable: true, description: '备案日期。The day it was filed with the agency; null until filed.' })
  @Column({ type: 'date', nullable: true })
  filedOn: string | null;
}
