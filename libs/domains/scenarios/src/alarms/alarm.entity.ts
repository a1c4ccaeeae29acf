import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { BaseRecord, DateTimeScalar, Node, ReadByColumnSelection, UUIDScalar } from '@platform/core';
import { WarningLevel } from '@domains/warnings';
import { AlarmClearance, AlarmConversionTarget, AlarmKind, AlarmStatus } from './alarms.enums';

/**
 * An alarm: raised by a rule's evaluation (kind RULE) or by data health (kind STALE) for one
 * datastream of a thing; acknowledged, converted into a hazard or a warning draft, cleared.
 */
@ObjectType({ implements: Node, description: '报警。An alarm of a rule (RULE) or of data health (STALE) on one datastream: TRIGGERED → ACKNOWLEDGED → CONVERTED (a hazard or a warning draft) → CLEARED; unacknowledged ones escalate along the warnings\' escalation policy to whoever is on duty.' })
@ReadByColumnSelection()
@Entity('alarm')
@Index('alarm_triggered_idx', ['triggeredAt', 'id'])
export class Alarm extends BaseRecord {
  @Field(() => UUIDScalar, { nullable: true, description: '规则标识。The rule that raised it; null for STALE alarms.' })
  @Column({ type: 'uuid', nullable: true })
  ruleId: string | null;

  @Field(() => AlarmKind, { description: '报警类别。RULE or STALE.' })
  @Column({ type: 'text' })
  kind: AlarmKind;

  @Field(() => UUIDScalar, { description: '数据流标识。The datastream it concerns (a COMBINED rule\'s first datastream).' })
  @Column({ type: 'uuid' })
  datastreamId: string;

  @Field(() => UUIDScalar, { description: '监测设备标识。The thing of the datastream.' })
  @Column({ type: 'uuid' })
  thingId: string;

  @Field(() => UUIDScalar, { description: '所属单位标识。The datastream\'s organization (the enterprise it monitors, else the village); scope is measured from it.' })
  @Column({ type: 'uuid' })
  organizationId: string;

  @Field(() => WarningLevel, { description: '报警级别。The rule\'s level; YELLOW for STALE alarms.' })
  @Column({ type: 'text' })
  level: WarningLevel;

  @Field(() => AlarmStatus, { description: '状态。TRIGGERED, ACKNOWLEDGED, CONVERTED or CLEARED.' })
  @Column({ type: 'text' })
  status: AlarmStatus;

  @Field(() => DateTimeScalar, { description: '条件开始时间。The phenomenon time from which the condition held (for STALE: the last reading).' })
  @Column({ type: 'timestamptz' })
  conditionSince: Date;

  @Field(() => DateTimeScalar, { description: '触发时间。The phenomenon time at which it was raised: when the condition had held for the rule\'s minimum duration (for STALE: last reading + k × the sampling interval).' })
  @Column({ type: 'timestamptz' })
  triggeredAt: Date;

  @Field(() => Float, { nullable: true, description: '触发值。The value at the trigger instant (the window sum, the change, the reading, the number of datastreams); null for STALE.' })
  @Column({ type: 'double precision', nullable: true })
  value: number | null;

  @Field(() => Float, { nullable: true, description: '峰值。The most alarming value seen while open.' })
  @Column({ type: 'double precision', nullable: true })
  peakValue: number | null;

  @Field(() => DateTimeScalar, { nullable: true, description: '条件结束时间。The phenomenon time at which the value crossed back past the clear value (hysteresis) or data resumed; null while the condition holds. An alarm nobody acknowledged stays open after it (it must be seen); an acknowledged or converted one is cleared then.' })
  @Column({ type: 'timestamptz', nullable: true })
  conditionEndedAt: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: '确认时间。When someone acknowledged it.' })
  @Column({ type: 'timestamptz', nullable: true })
  acknowledgedAt: Date | null;

  @Field(() => UUIDScalar, { nullable: true, description: '确认人账号标识。The user who acknowledged it.' })
  @Column({ type: 'uuid', nullable: true })
  acknowledgedBy: string | null;

  @Field(() => String, { nullable: true, description: '确认说明。What the person acknowledging saw or did.' })
  @Column({ type: 'text', nullable: true })
  acknowledgementNote: string | null;

  @Field(() => AlarmConversionTarget, { nullable: true, description: '转处置方向。HAZARD or WARNING; null until converted.' })
  @Column({ type: 'text', nullable: true })
  convertedTo: AlarmConversionTarget | null;

  @Field(() => DateTimeScalar, { nullable: true, description: '转处置时间。When it was converted.' })
  @Column({ type: 'timestamptz', nullable: true })
  convertedAt: Date | null;

  @Field(() => UUIDScalar, { nullable: true, description: '隐患标识。The hazard reported through the risk module (source SENSOR).' })
  @Column({ type: 'uuid', nullable: true })
  hazardId: string | null;

  @Field(() => UUIDScalar, { nullable: true, description: '预警标识。The warning issued from its draft, when the conversion issued it.' })
  @Column({ type: 'uuid', nullable: true })
  warningId: string | null;

  /** The warning draft (see `warningDraft` field); kept as composed. */
  @Column({ type: 'jsonb', nullable: true })
  warningDraft: Record<string, unknown> | null;

  @Field(() => DateTimeScalar, { nullable: true, description: '解除时间。When it was cleared.' })
  @Column({ type: 'timestamptz', nullable: true })
  clearedAt: Date | null;

  @Field(() => AlarmClearance, { nullable: true, description: '解除方式。How it was cleared.' })
  @Column({ type: 'text', nullable: true })
  clearance: AlarmClearance | null;

  @Field(() => String, { nullable: true, description: '解除原因。Why it was cleared by hand.' })
  @Column({ type: 'text', nullable: true })
  clearReason: string | null;

  @Field(() => Int, { description: '升级次数。How many times it escalated unacknowledged (at most the policy\'s maxSteps).' })
  @Column({ type: 'int', default: 0 })
  escalationStep: number;

  @Field(() => DateTimeScalar, { nullable: true, description: '上次升级时间。When it last escalated.' })
  @Column({ type: 'timestamptz', nullable: true })
  escalatedAt: Date | null;

  @Field(() => UUIDScalar, { nullable: true, description: '升级通知人标识。The person on duty it last escalated to (command\'s roster), null when nobody was on duty.' })
  @Column({ type: 'uuid', nullable: true })
  escalatedToPersonId: string | null;
}
