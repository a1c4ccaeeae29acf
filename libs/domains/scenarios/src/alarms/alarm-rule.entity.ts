import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { BaseRecord, Node, ReadByColumnSelection, UUIDScalar } from '@platform/core';
import { WarningHazardType, WarningLevel } from '@domains/warnings';
import { HazardCategory } from '@domains/risk';
import { AlarmComparison, AlarmConversionTarget, AlarmRuleKind } from './alarms.enums';

/**
 * An alarm rule over the datastreams of one observed property (or chosen ones): a threshold, a
 * rolling-window sum, a rate of change or several sensors together, with a clear value
 * (hysteresis), a minimum duration, a level and what its alarms are converted into.
 */
@ObjectType({ implements: Node, description: '报警规则。A rule over the datastreams of an observed property (or chosen ones): threshold, rolling-window sum over 1/3/6/12/24 h, rate of change, or several sensors together; with a clear value (hysteresis), a minimum duration, a level and a conversion target.' })
@ReadByColumnSelection()
@Entity('alarm_rule')
@Index('alarm_rule_code_idx', ['code'], { unique: true })
export class AlarmRule extends BaseRecord {
  @Field(() => UUIDScalar, { nullable: true, description: '适用单位标识。The organization whose subtree the rule covers (its datastreams\' organizations); null for town-wide.' })
  @Column({ type: 'uuid', nullable: true })
  organizationId: string | null;

  @Field({ description: '规则编码。Stable code (lower-case, dots and dashes), e.g. rain.orange-3h.' })
  @Column({ type: 'text' })
  code: string;

  @Field({ description: '规则名称。Its name, e.g. 暴雨橙色（3小时雨量≥50毫米）.' })
  @Column({ type: 'text' })
  name: string;

  @Field({ description: '观测量。The observed property code it reads, e.g. precipitation, water_level, displacement, gas_lel, smoke.' })
  @Column({ type: 'text' })
  observedProperty: string;

  @Field(() => [UUIDScalar], { description: '指定数据流。The datastreams it reads; empty for every datastream of the observed property in its organization\'s subtree. COMBINED rules name 2–20.' })
  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  datastreamIds: string[];

  @Field(() => AlarmRuleKind, { description: '规则类型。Threshold, rolling-window sum, rate of change or combined.' })
  @Column({ type: 'text' })
  kind: AlarmRuleKind;

  @Field(() => Int, { nullable: true, description: '窗口（小时）。The rolling window of WINDOW_SUM and RATE_OF_CHANGE: 1, 3, 6, 12 or 24 hours, the half-open (t − N h, t]; null otherwise.' })
  @Column({ type: 'int', nullable: true })
  windowHours: number | null;

  @Field(() => AlarmComparison, { description: '比较方式。AT_LEAST or AT_MOST the trigger value.' })
  @Column({ type: 'text' })
  comparison: AlarmComparison;

  @Field(() => Float, { description: '触发值。The value at which it alarms (in the datastream\'s unit, per window for sums).' })
  @Column({ type: 'double precision' })
  triggerValue: number;

  @Field(() => Float, { description: '解除值。The value past which an alarm clears (hysteresis): at most the trigger value for AT_LEAST, at least it for AT_MOST.' })
  @Column({ type: 'double precision' })
  clearValue: number;

  @Field(() => Int, { description: '最短持续（分钟）。How long the condition must hold before the alarm is raised (0: at once).' })
  @Column({ type: 'int', default: 0 })
  minimumDurationMinutes: number;

  @Field(() => Int, { nullable: true, description: '联合数量。COMBINED: how many of its datastreams must alarm at once; null otherwise.' })
  @Column({ type: 'int', nullable: true })
  minDatastreams: number | null;

  @Field(() => WarningLevel, { description: '报警级别。The colour level of its alarms (the warnings\' levels, blue to red).' })
  @Column({ type: 'text' })
  level: WarningLevel;

  @Field(() => AlarmConversionTarget, { description: '转处置方向。What its alarms are converted into: a hazard or a warning draft.' })
  @Column({ type: 'text' })
  conversionTarget: AlarmConversionTarget;

  @Field(() => HazardCategory, { description: '隐患类别。The category of the hazard a conversion reports (FLOOD, GEOLOGICAL, WORK_SAFETY, FIRE…).' })
  @Column({ type: 'text' })
  hazardCategory: HazardCategory;

  @Field(() => WarningHazardType, { nullable: true, description: '预警灾种。The hazard type of the warning draft a conversion composes; null for HAZARD rules.' })
  @Column({ type: 'text', nullable: true })
  warningHazardType: WarningHazardType | null;

  @Field({ description: '启用。Whether it is evaluated.' })
  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Field(() => String, { nullable: true, description: '依据。Where its numbers come from, e.g. 气象灾害预警信号发布与传播办法 暴雨预警信号.' })
  @Column({ type: 'text', nullable: true })
  basis: string | null;
}
