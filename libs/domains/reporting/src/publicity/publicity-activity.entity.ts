import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { BaseRecord, DateTimeScalar, LocalDateScalar, Node, ReadByColumnSelection, UUIDScalar } from '@platform/core';
import { PublicityKind, PublicityTarget } from './publicity.enums';

/** A safety publicity activity held in the town (安全生产月, 防灾减灾日, 消防宣传月, 宣传五进…) with its audience. */
@ObjectType({ implements: Node, description: '安全宣传活动。A safety publicity activity: kind, title, day, the organization where it was held (a village, community, enterprise, school or the town), its 宣传五进 target and audience count.' })
@ReadByColumnSelection()
@Entity('publicity_activity')
@Index('publicity_activity_held_idx', ['heldOn', 'id'])
export class PublicityActivity extends BaseRecord {
  @Field(() => PublicityKind, { description: '类型。What kind of activity.' })
  @Column({ type: 'text' })
  kind: PublicityKind;

  @Field({ description: '主题。The title, e.g. 2026年安全生产月"人人讲安全、个个会应急"宣传咨询日.' })
  @Column({ type: 'text' })
  title: string;

  @Field(() => LocalDateScalar, { description: '举办日期。The day it was held.' })
  @Column({ type: 'date' })
  heldOn: string;

  @Field(() => UUIDScalar, { description: '举办单位标识。Where it was held: the village or community, an enterprise or institution in it, or the town; scope is measured from it, and the 五进 matrix counts it for the village or community it lies in.' })
  @Column({ type: 'uuid' })
  organizationId: string;

  @Field(() => PublicityTarget, { nullable: true, description: '五进对象。Whom it went into (宣传五进); null for an activity with no particular audience (required for FIVE_INTO).' })
  @Column({ type: 'text', nullable: true })
  target: PublicityTarget | null;

  @Field(() => Int, { description: '受众人数。How many people it reached (participants, visitors, households × members as counted).' })
  @Column({ type: 'int' })
  audienceCount: number;

  @Field(() => String, { nullable: true, description: '活动简介。What was done, e.g. 发放宣传资料800份、现场咨询120人次.' })
  @Column({ type: 'text', nullable: true })
  summary: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: '删除时间。When it was removed (recorded by mistake); null while it counts.' })
  @Column({ type: 'timestamptz', nullable: true })
  archivedAt: Date | null;
}
