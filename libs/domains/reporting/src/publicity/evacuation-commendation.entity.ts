import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { BaseRecord, LocalDateScalar, Node, ReadByColumnSelection, UUIDScalar } from '@platform/core';

/** A commendation (表扬) for a successful evacuation ahead of a warned disaster. */
@ObjectType({ implements: Node, description: '预警转移表扬。A commendation of an organization or person for a successful early-warning evacuation: the warning (warnings module), who is commended, how many were evacuated, why and when.' })
@ReadByColumnSelection()
@Entity('evacuation_commendation')
@Index('evacuation_commendation_day_idx', ['commendedOn', 'id'])
export class EvacuationCommendation extends BaseRecord {
  @Field(() => UUIDScalar, { description: '预警标识。The warning (warnings module) the evacuation answered.' })
  @Column({ type: 'uuid' })
  warningId: string;

  @Field(() => UUIDScalar, { description: '受表扬单位标识。The organization commended, or where the commended person serves; scope is measured from it.' })
  @Column({ type: 'uuid' })
  organizationId: string;

  @Field(() => UUIDScalar, { nullable: true, description: '受表扬人员标识。The person commended; null when the organization is.' })
  @Column({ type: 'uuid', nullable: true })
  personId: string | null;

  @Field({ description: '受表扬对象。The name as the commendation writes it, e.g. 双河村村民委员会 or 双河村地灾监测员张某.' })
  @Column({ type: 'text' })
  commendedName: string;

  @Field(() => Int, { description: '转移人数。How many people were evacuated in time.' })
  @Column({ type: 'int' })
  evacuatedCount: number;

  @Field({ description: '表扬事由。Why, e.g. 提前转移隐患点群众12户38人，无一伤亡.' })
  @Column({ type: 'text' })
  reason: string;

  @Field(() => LocalDateScalar, { description: '表扬日期。The day of the commendation (not before the warning was sent).' })
  @Column({ type: 'date' })
  commendedOn: string;

  @Field(() => String, { nullable: true, description: '文号。The commendation notice\'s number, e.g. 南平府发〔2026〕31号; null when none.' })
  @Column({ type: 'text', nullable: true })
  documentNumber: string | null;
}
