import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { BaseRecord, DateTimeScalar, UUIDScalar, Node } from '@platform/core';
import { WarningAckChannel, WarningDeliveryStatus, WarningLevel } from './warning.enums';

/**
 * One warning record delivered to one village or community (叫应): who must answer, whether and how
 * it was answered, and when it escalates while it is not. Scope is measured from `organizationId`.
 */
@ObjectType({ implements: Node, description: '预警送达与叫应。A warning record delivered to one village or community: who must answer, the acknowledgement, and when it escalates while unanswered.' })
@Entity('warning_delivery')
@Index('warning_delivery_org_idx', ['organizationId', 'deliveredAt'])
@Index('warning_delivery_delivered_idx', ['deliveredAt', 'id'])
export class WarningDelivery extends BaseRecord {
  @Field(() => UUIDScalar, { description: '预警记录标识。The warning record delivered.' })
  @Column({ type: 'uuid' })
  warningId: string;

  @Field(() => UUIDScalar, { description: '接收单位标识。The village or community it was delivered to; scope is measured from it.' })
  @Column({ type: 'uuid' })
  organizationId: string;

  @Field(() => UUIDScalar, { nullable: true, description: '责任人标识。Who must answer now (the organization\'s lead, else its emergency officer); moves on escalation.' })
  @Column({ type: 'uuid', nullable: true })
  responsiblePersonId: string | null;

  @Field(() => WarningDeliveryStatus, { description: '状态。Pending, acknowledged or cancelled.' })
  @Column({ type: 'text' })
  status: WarningDeliveryStatus;

  @Field(() => DateTimeScalar, { description: '送达时间。When it was delivered (the record\'s sent time).' })
  @Column({ type: 'timestamptz' })
  deliveredAt: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: '叫应时间。When it was acknowledged; null while not.' })
  @Column({ type: 'timestamptz', nullable: true })
  acknowledgedAt: Date | null;

  @Field(() => UUIDScalar, { nullable: true, description: '叫应账号。The user who acknowledged it.' })
  @Column({ type: 'uuid', nullable: true })
  acknowledgedByUserId: string | null;

  @Field(() => UUIDScalar, { nullable: true, description: '叫应人标识。The person who acknowledged it (the user\'s directory person).' })
  @Column({ type: 'uuid', nullable: true })
  acknowledgedByPersonId: string | null;

  @Field(() => WarningAckChannel, { nullable: true, description: '叫应方式。How it was acknowledged.' })
  @Column({ type: 'text', nullable: true })
  ackChannel: WarningAckChannel | null;

  @Field(() => String, { nullable: true, description: '叫应备注。What the answer said, e.g. 已通知各组组长.' })
  @Column({ type: 'text', nullable: true })
  ackNote: string | null;

  @Field(() => Int, { description: '升级次数。How many times it has escalated (0 while within its first deadline).' })
  @Column({ type: 'int', default: 0 })
  escalationStep: number;

  @Field(() => DateTimeScalar, { nullable: true, description: '下次升级时间。When it escalates unless acknowledged; null once answered or cancelled, and for cancellation notices.' })
  @Column({ type: 'timestamptz', nullable: true })
  nextEscalationAt: Date | null;
}

/** How long a level's deliveries may stay unanswered before escalating, and how often they escalate (data). */
@ObjectType({ description: '叫应升级策略。Per warning level: minutes a delivery may stay unanswered before it escalates, and how many escalation steps follow.' })
@Entity('warning_escalation_policy')
export class WarningEscalationPolicy {
  @Field(() => WarningLevel, { description: '级别。The warning level the policy applies to.' })
  @PrimaryColumn({ type: 'text' })
  level: WarningLevel;

  @Field(() => Int, { description: '叫应时限（分钟）。Minutes from delivery (and between steps) before an unanswered delivery escalates, 1 to 1440.' })
  @Column({ type: 'int' })
  minutes: number;

  @Field(() => Int, { description: '最多升级次数。Escalation steps at most, 0 to 5.' })
  @Column({ type: 'int', default: 2 })
  maxSteps: number;

  @Field(() => Int, { description: '版本号。Increases with every change; send it back to change the policy.' })
  @Column({ type: 'int', default: 1 })
  version: number;

  @Field(() => DateTimeScalar, { description: '修改时间。When the policy last changed.' })
  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}
