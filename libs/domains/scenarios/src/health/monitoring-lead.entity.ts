import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { BaseRecord, DateTimeScalar, Node, ReadByColumnSelection, UUIDScalar } from '@platform/core';
import { MonitoringLeadKind, MonitoringLeadStatus } from './health.enums';

/** An enforcement lead: an operating enterprise's monitoring had a gap or a tamper signal (刑法 第一百三十四条之一). */
@ObjectType({ implements: Node, description: '监测执法线索。An operating enterprise\'s monitoring had a gap of at least the rule\'s minutes or readings flagged as tampered: a lead under 刑法 第一百三十四条之一 (危险作业罪: closing monitoring or tampering with its data) for an inspector to look into.' })
@ReadByColumnSelection()
@Entity('monitoring_enforcement_lead')
@Index('monitoring_enforcement_lead_started_idx', ['startedAt', 'id'])
export class MonitoringEnforcementLead extends BaseRecord {
  @Field(() => UUIDScalar, { description: '企业标识。The enterprise (its organization); scope is measured from it.' })
  @Column({ type: 'uuid' })
  organizationId: string;

  @Field(() => UUIDScalar, { description: '数据流标识。The datastream.' })
  @Column({ type: 'uuid' })
  datastreamId: string;

  @Field(() => UUIDScalar, { description: '监测设备标识。Its thing.' })
  @Column({ type: 'uuid' })
  thingId: string;

  @Field(() => MonitoringLeadKind, { description: '线索类型。GAP or TAMPER.' })
  @Column({ type: 'text' })
  kind: MonitoringLeadKind;

  @Field(() => UUIDScalar, { nullable: true, description: '数据缺口标识。The gap (GAP leads).' })
  @Column({ type: 'uuid', nullable: true })
  gapId: string | null;

  @Field(() => DateTimeScalar, { description: '开始时间。The gap\'s start or the first tampered reading.' })
  @Column({ type: 'timestamptz' })
  startedAt: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: '结束时间。The gap\'s end or the last tampered reading; null while a gap is ongoing.' })
  @Column({ type: 'timestamptz', nullable: true })
  endedAt: Date | null;

  @Field({ description: '证据摘要。What was seen, e.g. 可燃气体探测器（储罐区1#）数据中断126分钟，企业在营.' })
  @Column({ type: 'text' })
  evidence: string;

  @Field({ description: '法律依据。The legal basis it names: 中华人民共和国刑法 第一百三十四条之一.' })
  @Column({ type: 'text' })
  basis: string;

  @Field(() => MonitoringLeadStatus, { description: '状态。OPEN or REVIEWED.' })
  @Column({ type: 'text' })
  status: MonitoringLeadStatus;

  @Field(() => DateTimeScalar, { nullable: true, description: '核查时间。When an inspector reviewed it.' })
  @Column({ type: 'timestamptz', nullable: true })
  reviewedAt: Date | null;

  @Field(() => String, { nullable: true, description: '核查结论。What the inspector found.' })
  @Column({ type: 'text', nullable: true })
  reviewNote: string | null;
}
