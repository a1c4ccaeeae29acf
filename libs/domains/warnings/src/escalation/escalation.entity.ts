import { Field, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { BaseRecord, DateTimeScalar, UUIDScalar, Node } from '@platform/core';
import { WarningHazardType, WarningLevel } from '../model/warning.enums';

@ObjectType({ implements: Node, description: '预警叫应升级。One step up the chain of a warning delivery nobody acknowledged in time: who had to answer, who must answer now, why.' })
@Entity('warning_escalation')
@Index('warning_escalation_organization_idx', ['organizationId'])
@Index('warning_escalation_at_idx', ['escalatedAt', 'id'])
export class WarningEscalation {
  @Field(() => UUIDScalar, { description: '标识。Id of the escalation.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => UUIDScalar, { description: '送达记录标识。The warning delivery that was not acknowledged in time.' })
  @Column({ type: 'uuid' })
  deliveryId: string;

  @Field(() => UUIDScalar, { description: '预警标识。The warning record delivered.' })
  @Column({ type: 'uuid' })
  warningId: string;

  @Field(() => UUIDScalar, { description: '接收单位标识。The village or community the warning was delivered to; scope is measured from it.' })
  @Column({ type: 'uuid' })
  organizationId: string;

  @Field(() => Int, { description: '升级级次。1 for the first escalation (the town duty leader), 2 for the second (the emergency office head), and so on up to the level\'s policy.' })
  @Column({ type: 'int' })
  step: number;

  @Field(() => DateTimeScalar, { description: '升级时间。When the sweep escalated the delivery.' })
  @Column({ type: 'timestamptz' })
  escalatedAt: Date;

  @Field(() => UUIDScalar, { nullable: true, description: '原责任人标识。Who had to answer before this step; null when nobody was responsible.' })
  @Column({ type: 'uuid', nullable: true })
  fromPersonId: string | null;

  @Field(() => UUIDScalar, { nullable: true, description: '升级对象标识。Who must answer from this step on; null when the chain found nobody (the responsible person then stays as it was).' })
  @Column({ type: 'uuid', nullable: true })
  toPersonId: string | null;

  @Field({ description: '升级原因。Why and to whom, e.g. 红色预警5分钟内未叫应，第1次升级至镇带班领导（联合指挥室白班）.' })
  @Column({ type: 'text' })
  reason: string;

  @Field(() => DateTimeScalar, { description: '记录时间。When the escalation was written (its transaction\'s start); it never changes after, so a change feed goes by it.' })
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

@ObjectType({ implements: Node, description: '响应措施模板。A response action kept as data: what a village must do for a warning of a hazard type (or any) at a level and above.' })
@Entity('warning_response_template')
@Index('warning_response_template_order_idx', ['sortOrder', 'id'])
export class WarningResponseTemplate extends BaseRecord {
  @Field(() => WarningHazardType, { nullable: true, description: '灾种。The hazard type it applies to; null for every hazard type.' })
  @Column({ type: 'text', nullable: true })
  hazardType: WarningHazardType | null;

  @Field(() => WarningLevel, { description: '起始级别。The lowest level it applies at; it applies at every higher level too.' })
  @Column({ type: 'text' })
  minLevel: WarningLevel;

  @Field(() => Int, { description: '排序。Where the action stands in a delivery\'s list (0–999, ascending).' })
  @Column({ type: 'int' })
  sortOrder: number;

  @Field({ description: '措施。What to do, e.g. 村(居)干部进岗到位，实行24小时值守.' })
  @Column({ type: 'text' })
  action: string;

  @Field({ description: '转移措施。Whether it moves people out of danger: its actions list the households to evacuate.' })
  @Column({ type: 'boolean', default: false })
  evacuation: boolean;

  @Field(() => DateTimeScalar, { nullable: true, description: '归档时间。When the template was retired; null while in use. Actions already copied stay.' })
  @Column({ type: 'timestamptz', nullable: true })
  archivedAt: Date | null;
}

@ObjectType({ implements: Node, description: '响应措施。One action a village must take for a warning delivered to it, copied from a template of the warning\'s hazard type and level, until completed.' })
@Entity('warning_response_action')
@Index('warning_response_action_organization_idx', ['organizationId'])
@Index('warning_response_action_delivery_idx', ['deliveryId', 'sortOrder', 'id'])
export class WarningResponseAction extends BaseRecord {
  @Field(() => UUIDScalar, { description: '送达记录标识。The warning delivery the action belongs to.' })
  @Column({ type: 'uuid' })
  deliveryId: string;

  @Field(() => UUIDScalar, { description: '责任单位标识。The delivery\'s village or community; scope is measured from it.' })
  @Column({ type: 'uuid' })
  organizationId: string;

  @Field(() => UUIDScalar, { description: '模板标识。The template it was copied from.' })
  @Column({ type: 'uuid' })
  templateId: string;

  @Field(() => Int, { description: '排序。Position in the delivery\'s list (ascending).' })
  @Column({ type: 'int' })
  sortOrder: number;

  @Field({ description: '措施。What to do (the template\'s text when copied).' })
  @Column({ type: 'text' })
  action: string;

  @Field({ description: '转移措施。Whether it is an evacuation; those list the households to evacuate.' })
  @Column({ type: 'boolean', default: false })
  evacuation: boolean;

  @Field(() => DateTimeScalar, { nullable: true, description: '完成时间。When it was reported done; null while open.' })
  @Column({ type: 'timestamptz', nullable: true })
  completedAt: Date | null;

  @Field(() => UUIDScalar, { nullable: true, description: '完成人标识。The person who reported it done; null while open or when reported by an account without a person.' })
  @Column({ type: 'uuid', nullable: true })
  completedByPersonId: string | null;

  @Column({ type: 'uuid', nullable: true })
  completedByUserId: string | null;

  @Field(() => String, { nullable: true, description: '完成情况。What was done, e.g. 已转移5户12人至村委会避难场所; null while open.' })
  @Column({ type: 'text', nullable: true })
  note: string | null;
}
