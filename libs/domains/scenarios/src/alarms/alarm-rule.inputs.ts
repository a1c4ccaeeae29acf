import { ArgsType, Field, Float, InputType, Int } from 'type-graphql';
import { ArrayMaxSize, ArrayUnique, IsBoolean, IsEnum, IsInt, IsNumber, IsOptional, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { FilterField, ListFilter, OrderByField, PageArgs, UUIDScalar, Versioned, type OrderInput } from '@platform/core';
import { WarningHazardType, WarningLevel } from '@domains/warnings';
import { HazardCategory } from '@domains/risk';
import { AlarmComparison, AlarmConversionTarget, AlarmRuleKind } from './alarms.enums';
import { AlarmRuleOrder } from './alarms.orders';

/** The rolling windows a rule may use (hours). */
export const WINDOW_HOURS = [1, 3, 6, 12, 24] as const;

@InputType({ description: '报警规则筛选。Filters for alarm rules.' })
export class AlarmRuleFilter extends ListFilter {
  @Field({ nullable: true, description: '观测量。Only rules of this observed property.' })
  @IsOptional()
  @Length(2, 40)
  observedProperty?: string;

  @Field({ nullable: true, description: '启用。Only active (true) or inactive (false) rules.' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

@ArgsType()
export class AlarmRuleListArgs extends PageArgs {
  @FilterField(() => AlarmRuleFilter, '筛选条件。Which rules to list.')
  filter?: AlarmRuleFilter;

  @OrderByField(AlarmRuleOrder, 'by code')
  orderBy?: OrderInput<keyof typeof AlarmRuleOrder.Field>[];
}

@InputType({ description: '新建报警规则。A rule over the datastreams of an observed property.' })
export class CreateAlarmRuleInput {
  @Field(() => UUIDScalar, { nullable: true, description: '适用单位。The organization whose subtree it covers; town-wide when omitted.' })
  @IsOptional()
  @IsUUID()
  organizationId?: string;

  @Field({ description: '规则编码。Lower-case words with dots and dashes (2–60 characters), unique, e.g. rain.orange-3h.' })
  @Length(2, 60)
  @Matches(/^[a-z][a-z0-9-]*(\.[a-z0-9][a-z0-9-]*)*$/)
  code: string;

  @Field({ description: '规则名称。2–100 characters.' })
  @Length(2, 100)
  name: string;

  @Field({ description: '观测量。The observed property code, e.g. precipitation.' })
  @Matches(/^[a-z][a-z_]{1,39}$/)
  observedProperty: string;

  @Field(() => [UUIDScalar], { nullable: true, description: '指定数据流。At most 20 datastreams of the observed property; every one in scope when omitted. COMBINED needs 2–20.' })
  @IsOptional()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  datastreamIds?: string[];

  @Field(() => AlarmRuleKind, { description: '规则类型。THRESHOLD, WINDOW_SUM, RATE_OF_CHANGE or COMBINED.' })
  @IsEnum(AlarmRuleKind)
  kind: AlarmRuleKind;

  @Field(() => Int, { nullable: true, description: '窗口（小时）。1, 3, 6, 12 or 24 for WINDOW_SUM and RATE_OF_CHANGE (rule windowHours); omitted otherwise.' })
  @IsOptional()
  @IsInt()
  windowHours?: number;

  @Field(() => AlarmComparison, { nullable: true, description: '比较方式。AT_LEAST by default.' })
  @IsOptional()
  @IsEnum(AlarmComparison)
  comparison?: AlarmComparison;

  @Field(() => Float, { description: '触发值。The value at which it alarms.' })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  triggerValue: number;

  @Field(() => Float, { nullable: true, description: '解除值。Past which an alarm\'s condition ends (rule hysteresis: not on the alarming side of the trigger value); the trigger value when omitted.' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  clearValue?: number;

  @Field(() => Int, { nullable: true, description: '最短持续（分钟）。How long the condition must hold before it alarms, in minutes: 0–1440; 0 by default.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1440)
  minimumDurationMinutes?: number;

  @Field(() => Int, { nullable: true, description: '联合数量。COMBINED: 2 up to the number of datastreams (rule ruleKind).' })
  @IsOptional()
  @IsInt()
  @Min(2)
  @Max(20)
  minDatastreams?: number;

  @Field(() => WarningLevel, { description: '报警级别。Blue to red.' })
  @IsEnum(WarningLevel)
  level: WarningLevel;

  @Field(() => AlarmConversionTarget, { description: '转处置方向。HAZARD or WARNING.' })
  @IsEnum(AlarmConversionTarget)
  conversionTarget: AlarmConversionTarget;

  @Field(() => HazardCategory, { description: '隐患类别。The category of the hazard a conversion reports.' })
  @IsEnum(HazardCategory)
  hazardCategory: HazardCategory;

  @Field(() => WarningHazardType, { nullable: true, description: '预警灾种。Required for WARNING rules (rule conversion), refused for HAZARD ones.' })
  @IsOptional()
  @IsEnum(WarningHazardType)
  warningHazardType?: WarningHazardType;

  @Field(() => String, { nullable: true, description: '依据。Where the numbers come from (2–200 characters).' })
  @IsOptional()
  @Length(2, 200)
  basis?: string;
}

@InputType({ description: '修改报警规则详情。What changes; omitted fields stay.' })
export class AlarmRuleChanges {
  @Field(() => String, { nullable: true, description: '规则名称。2–100 characters.' })
  @IsOptional()
  @Length(2, 100)
  name?: string;

  @Field(() => Float, { nullable: true, description: '触发值。The new trigger value.' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  triggerValue?: number;

  @Field(() => Float, { nullable: true, description: '解除值。The new clear value (rule hysteresis).' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  clearValue?: number;

  @Field(() => Int, { nullable: true, description: '最短持续（分钟）。The new minimum duration in minutes, 0–1440.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1440)
  minimumDurationMinutes?: number;

  @Field(() => WarningLevel, { nullable: true, description: '报警级别。The new level.' })
  @IsOptional()
  @IsEnum(WarningLevel)
  level?: WarningLevel;

  @Field({ nullable: true, description: '启用。Whether it is evaluated.' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

@InputType({ description: '修改报警规则。Changes a rule; needs the version you read. Alarms already raised keep their values.' })
export class UpdateAlarmRuleInput extends Versioned(AlarmRuleChanges) {}

/** Whether `hours` is a window a rule may use. */
export const isWindow = (hours: number): boolean => (WINDOW_HOURS as readonly number[]).includes(hours);
