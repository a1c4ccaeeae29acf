import { ArgsType, Field, InputType, Int } from 'type-graphql';
import { ArrayMaxSize, ArrayUnique, IsBoolean, IsEnum, IsInt, IsOptional, IsUUID, Length, Max, Min } from 'class-validator';
import { DateTimeScalar, FilterField, ListFilter, OrderByField, PageArgs, UUIDScalar, Versioned, type OrderInput } from '@platform/core';
import { WarningLevel } from '@domains/warnings';
import { AlarmConversionTarget, AlarmKind, AlarmStatus } from './alarms.enums';
import { AlarmOrder, MaintenanceWindowOrder } from './alarms.orders';

/** The longest span one evaluation by hand covers. */
export const MAX_EVALUATION_DAYS = 8;

@InputType({ description: '报警筛选。Filters for alarms; all given filters must match.' })
export class AlarmFilter extends ListFilter {
  @Field(() => [AlarmStatus], { nullable: true, description: '状态。Only alarms in these statuses.' })
  @IsOptional()
  @ArrayMaxSize(4)
  @IsEnum(AlarmStatus, { each: true })
  statuses?: AlarmStatus[];

  @Field(() => [WarningLevel], { nullable: true, description: '级别。Only alarms of these levels.' })
  @IsOptional()
  @ArrayMaxSize(4)
  @IsEnum(WarningLevel, { each: true })
  levels?: WarningLevel[];

  @Field(() => AlarmKind, { nullable: true, description: '类别。Only RULE or only STALE alarms.' })
  @IsOptional()
  @IsEnum(AlarmKind)
  kind?: AlarmKind;

  @Field(() => UUIDScalar, { nullable: true, description: '规则。Only alarms of this rule.' })
  @IsOptional()
  @IsUUID()
  ruleId?: string;

  @Field(() => UUIDScalar, { nullable: true, description: '数据流。Only alarms of this datastream.' })
  @IsOptional()
  @IsUUID()
  datastreamId?: string;

  @Field(() => UUIDScalar, { nullable: true, description: '组织子树。Only alarms of organizations at or below this one (narrows your scope, never widens it).' })
  @IsOptional()
  @IsUUID()
  withinSubtreeOf?: string;

  @Field(() => DateTimeScalar, { nullable: true, description: '触发起。Only alarms triggered at or after this instant.' })
  @IsOptional()
  from?: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: '触发止。Only alarms triggered before this instant.' })
  @IsOptional()
  to?: Date;
}

@ArgsType()
export class AlarmListArgs extends PageArgs {
  @FilterField(() => AlarmFilter, '筛选条件。Which alarms to list.')
  filter?: AlarmFilter;

  @OrderByField(AlarmOrder, 'latest triggered first')
  orderBy?: OrderInput<keyof typeof AlarmOrder.Field>[];
}

@InputType({ description: '维护时段筛选。Filters for maintenance windows.' })
export class MaintenanceWindowFilter extends ListFilter {
  @Field(() => UUIDScalar, { nullable: true, description: '监测设备。Only windows of this thing.' })
  @IsOptional()
  @IsUUID()
  thingId?: string;
}

@ArgsType()
export class MaintenanceWindowListArgs extends PageArgs {
  @FilterField(() => MaintenanceWindowFilter, '筛选条件。Which windows to list.')
  filter?: MaintenanceWindowFilter;

  @OrderByField(MaintenanceWindowOrder, 'latest start first')
  orderBy?: OrderInput<keyof typeof MaintenanceWindowOrder.Field>[];
}

@InputType({ description: '确认详情。What the person acknowledging saw or did.' })
export class AlarmAcknowledgement {
  @Field(() => String, { nullable: true, description: '确认说明。2–500 characters.' })
  @IsOptional()
  @Length(2, 500)
  note?: string;
}

@InputType({ description: '确认报警。Acknowledges a TRIGGERED alarm; escalation stops.' })
export class AcknowledgeAlarmInput extends Versioned(AlarmAcknowledgement) {}

@InputType({ description: '转处置详情。Into what and with which words.' })
export class AlarmConversion {
  @Field(() => AlarmConversionTarget, { nullable: true, description: '转处置方向。The rule\'s conversion target when omitted; STALE alarms convert into hazards only (rule conversion).' })
  @IsOptional()
  @IsEnum(AlarmConversionTarget)
  target?: AlarmConversionTarget;

  @Field(() => String, { nullable: true, description: '标题。The hazard\'s title or the warning\'s event name; composed from the rule and the thing when omitted (2–100 characters).' })
  @IsOptional()
  @Length(2, 100)
  title?: string;

  @Field(() => String, { nullable: true, description: '说明。Added to the composed description (2–1000 characters).' })
  @IsOptional()
  @Length(2, 1000)
  note?: string;

  @Field(() => [UUIDScalar], { nullable: true, description: '预警目标村。WARNING: the villages the draft targets (1–50); the village of the alarm\'s organization when omitted.' })
  @IsOptional()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  targetOrganizationIds?: string[];

  @Field(() => Int, { nullable: true, description: '有效时长（小时）。WARNING: how long the draft warning applies from now, 1–72; 12 by default.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(72)
  validHours?: number;

  @Field({ nullable: true, description: '立即发布。WARNING: issue the draft as a warning at once (needs rescue.warning:issue over its targets); false keeps it a draft.' })
  @IsOptional()
  @IsBoolean()
  issue?: boolean;
}

@InputType({ description: '报警转处置。Converts a TRIGGERED or ACKNOWLEDGED alarm into a hazard (risk, source SENSOR) or a warning draft.' })
export class ConvertAlarmInput extends Versioned(AlarmConversion) {}

@InputType({ description: '解除详情。Why.' })
export class AlarmClearing {
  @Field({ description: '解除原因。2–500 characters, e.g. 现场核实为雨量筒堵塞误报.' })
  @Length(2, 500)
  reason: string;
}

@InputType({ description: '解除报警。Clears an open alarm by hand.' })
export class ClearAlarmInput extends Versioned(AlarmClearing) {}

@InputType({ description: '登记设备维护时段。Readings of the thing in the window raise no alarm.' })
export class RecordMaintenanceWindowInput {
  @Field(() => UUIDScalar, { description: '监测设备标识。A thing in your scope.' })
  @IsUUID()
  thingId: string;

  @Field(() => DateTimeScalar, { description: '开始时间。From when (included).' })
  startsAt: Date;

  @Field(() => DateTimeScalar, { description: '结束时间。Until when (excluded): after startsAt, at most 31 days later.' })
  endsAt: Date;

  @Field({ description: '维护原因。2–500 characters.' })
  @Length(2, 500)
  reason: string;
}

@InputType({ description: '执行报警评估。Evaluates the active rules over the readings in a span (catch-up by hand; idempotent).' })
export class EvaluateAlarmsInput {
  @Field(() => DateTimeScalar, { description: '起。Readings after this instant (rules read up to 48 hours before it for their windows and state).' })
  from: Date;

  @Field(() => DateTimeScalar, { description: '止。Readings up to and including this instant: after from, at most 8 days later, not in the future.' })
  to: Date;

  @Field(() => [UUIDScalar], { nullable: true, description: '规则。Only these rules (at most 50); every active rule when omitted.' })
  @IsOptional()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  ruleIds?: string[];
}

