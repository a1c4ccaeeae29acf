import { Field, Int, ObjectType } from 'type-graphql';
import { DateTimeScalar, UUIDScalar } from '@platform/core';
import { WarningHazardType, WarningLevel } from '@domains/warnings';
import { AlarmKind, AlarmStatus } from './alarms.enums';

@ObjectType({ description: '预警草稿。The warning an alarm was converted into, as composed: pass its fields to issueWarning as they stand or edited.' })
export class AlarmWarningDraft {
  @Field(() => WarningHazardType, { description: '灾种。The rule\'s warning hazard type.' })
  hazardType: WarningHazardType;

  @Field({ description: '事件名称。The event named in the warning, e.g. 暴雨.' })
  eventName: string;

  @Field(() => WarningLevel, { description: '级别。The alarm\'s level.' })
  level: WarningLevel;

  @Field({ description: '标题。The headline, e.g. 南平镇人民政府发布暴雨橙色预警.' })
  headline: string;

  @Field({ description: '预警内容。Where, when and what the sensors measured.' })
  description: string;

  @Field({ description: '防御指南。What the villages must do.' })
  instruction: string;

  @Field({ description: '信息来源。The issuing source: 南平镇监测预警系统.' })
  source: string;

  @Field(() => DateTimeScalar, { description: '生效时间。When the conversion composed it.' })
  effectiveAt: Date;

  @Field(() => DateTimeScalar, { description: '失效时间。effectiveAt plus the hours asked (12 by default).' })
  expiresAt: Date;

  @Field(() => [UUIDScalar], { description: '目标村（社区）。The villages it targets.' })
  targetOrganizationIds: string[];
}

@ObjectType({ description: '报警评估结果。What an evaluation changed (idempotent: a second run over the same span changes nothing).' })
export class AlarmEvaluationResult {
  @Field(() => [UUIDScalar], { description: '新触发。Alarms raised.' })
  triggered: string[];

  @Field(() => [UUIDScalar], { description: '已更新。Open alarms whose condition ended or whose peak grew.' })
  updated: string[];

  @Field(() => [UUIDScalar], { description: '已解除。Acknowledged or converted alarms cleared because their condition ended.' })
  cleared: string[];
}

@ObjectType({ description: '报警推送。An alarm raised in your scope, as it commits.' })
export class AlarmNotice {
  @Field(() => UUIDScalar, { description: '报警标识。The alarm.' })
  alarmId: string;

  @Field(() => AlarmKind, { description: '类别。RULE or STALE.' })
  kind: AlarmKind;

  @Field(() => WarningLevel, { description: '级别。Its level.' })
  level: WarningLevel;

  @Field(() => AlarmStatus, { description: '状态。Its status when raised.' })
  status: AlarmStatus;

  @Field(() => UUIDScalar, { description: '所属单位标识。Its organization.' })
  organizationId: string;

  @Field(() => DateTimeScalar, { description: '时间。When it committed.' })
  occurredAt: Date;

  @Field(() => Int, { description: '级别序号。1 (blue) to 4 (red).' })
  severity: number;
}
