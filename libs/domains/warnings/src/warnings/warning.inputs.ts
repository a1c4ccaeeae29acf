import { ArgsType, Field, InputType, Int } from 'type-graphql';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsDate, IsEnum, IsInt, IsOptional, IsUUID, Length, Max, Min } from 'class-validator';
import { FilterField, DateTimeScalar, GeoJSONPolygonOrMultiPolygonScalar, ListFilter, OrderByField, PageArgs, UUIDScalar, UnlessOmitted, Versioned, type OrderInput } from '@platform/core';
import { WarningAckChannel, WarningDeliveryStatus, WarningHazardType, WarningLevel, WarningStatus } from '../model/warning.enums';
import { EscalationPolicyOrder, WarningDeliveryOrder, WarningOrder } from './warning.orders';

/** Villages and communities one warning record targets at most. */
export const MAX_WARNING_TARGETS = 50;

@InputType({ description: '发布预警输入。A graded warning to issue to villages and communities; it is delivered to each target at once.' })
export class IssueWarningInput {
  @Field(() => WarningHazardType, { description: '灾种。What the warning is about.' })
  @IsEnum(WarningHazardType)
  hazardType: WarningHazardType;

  @Field({ description: '事件名称。The event in Chinese (1–30 characters), e.g. 暴雨, 森林火险, 地质灾害气象风险.' })
  @Length(1, 30)
  eventName: string;

  @Field(() => WarningLevel, { description: '级别。Colour level, blue (IV) to red (I).' })
  @IsEnum(WarningLevel)
  level: WarningLevel;

  @Field(() => String, { nullable: true, description: '标题。Headline (2–200 characters); default 〈发布单位〉发布〈事件〉〈颜色〉预警, e.g. 南平镇人民政府发布暴雨橙色预警.' })
  @IsOptional()
  @Length(2, 200)
  headline?: string | null;

  @Field({ description: '预警内容。What is expected, where and when (2–4000 characters).' })
  @Length(2, 4000)
  description: string;

  @Field({ description: '防御指南。What people and organizations must do (2–4000 characters).' })
  @Length(2, 4000)
  instruction: string;

  @Field({ description: '信息来源。Where the warning comes from (2–100 characters), e.g. 南川区气象局.' })
  @Length(2, 100)
  source: string;

  @Field(() => DateTimeScalar, { description: '生效时间。From when the warning applies.' })
  @IsDate()
  effectiveAt: Date;

  @Field(() => DateTimeScalar, { description: '失效时间。Until when it applies: after effectiveAt and in the future.' })
  @IsDate()
  expiresAt: Date;

  @Field(() => [UUIDScalar], { description: '目标村（社区）。The villages and communities in scope (1–50, no repeats); each gets a delivery to acknowledge.' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_WARNING_TARGETS)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  targetOrganizationIds: string[];

  @Field(() => GeoJSONPolygonOrMultiPolygonScalar, { nullable: true, description: '预警区域。Optional area as a GeoJSON Polygon or MultiPolygon (RFC 7946, WGS 84, closed rings of at least 4 positions).' })
  @IsOptional()
  areaPolygon?: Record<string, unknown> | null;
}

@InputType({ description: '更新预警详情。What changes in the update; omitted fields stay as they are. The update is a new record delivered afresh.' })
export class UpdateWarningDetails {
  @Field(() => WarningLevel, { nullable: true, description: '级别。New level (raise or lower).' })
  @UnlessOmitted()
  @IsEnum(WarningLevel)
  level?: WarningLevel;

  @Field(() => String, { nullable: true, description: '事件名称。New event name (1–30 characters).' })
  @UnlessOmitted()
  @Length(1, 30)
  eventName?: string;

  @Field(() => String, { nullable: true, description: '标题。New headline (2–200 characters); when omitted, a default headline follows the new level.' })
  @UnlessOmitted()
  @Length(2, 200)
  headline?: string;

  @Field(() => String, { nullable: true, description: '预警内容。New description (2–4000 characters).' })
  @UnlessOmitted()
  @Length(2, 4000)
  description?: string;

  @Field(() => String, { nullable: true, description: '防御指南。New instruction (2–4000 characters).' })
  @UnlessOmitted()
  @Length(2, 4000)
  instruction?: string;

  @Field(() => String, { nullable: true, description: '信息来源。New source (2–100 characters).' })
  @UnlessOmitted()
  @Length(2, 100)
  source?: string;

  @Field(() => DateTimeScalar, { nullable: true, description: '生效时间。New start of validity.' })
  @UnlessOmitted()
  @IsDate()
  effectiveAt?: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: '失效时间。New end of validity: after effectiveAt and in the future.' })
  @UnlessOmitted()
  @IsDate()
  expiresAt?: Date;

  @Field(() => [UUIDScalar], { nullable: true, description: '目标村（社区）。New set of villages and communities (1–50).' })
  @UnlessOmitted()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_WARNING_TARGETS)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  targetOrganizationIds?: string[];

  @Field(() => GeoJSONPolygonOrMultiPolygonScalar, { nullable: true, description: '预警区域。New GeoJSON Polygon or MultiPolygon; null clears it.' })
  @IsOptional()
  areaPolygon?: Record<string, unknown> | null;

  @Field(() => String, { nullable: true, description: '更新说明。What changed and why (1–500 characters), e.g. 降雨持续，升级为红色预警.' })
  @IsOptional()
  @Length(1, 500)
  note?: string | null;
}

@InputType({ description: '更新预警输入。Names the ACTIVE record and the version you read, with the changes.' })
export class UpdateWarningInput extends Versioned(UpdateWarningDetails) {}

@InputType({ description: '解除预警详情。Why the warning is cancelled.' })
export class CancelWarningDetails {
  @Field({ description: '解除原因。Why (2–500 characters), e.g. 降雨已明显减弱.' })
  @Length(2, 500)
  reason: string;
}

@InputType({ description: '解除预警输入。Names the ACTIVE record and the version you read, with the reason.' })
export class CancelWarningInput extends Versioned(CancelWarningDetails) {}

@InputType({ description: '叫应输入。The delivery acknowledged and how.' })
export class AcknowledgeWarningDeliveryInput {
  @Field(() => UUIDScalar, { description: '送达标识。The PENDING delivery to your organization.' })
  @IsUUID()
  id: string;

  @Field(() => WarningAckChannel, { description: '叫应方式。How the warning was answered.' })
  @IsEnum(WarningAckChannel)
  channel: WarningAckChannel;

  @Field(() => String, { nullable: true, description: '备注。What was done (1–500 characters), e.g. 已通知各组组长和地灾监测员.' })
  @IsOptional()
  @Length(1, 500)
  note?: string | null;
}

@InputType({ description: '修改叫应升级策略输入。A level\'s policy with the version you read.' })
export class UpdateEscalationPolicyInput {
  @Field(() => WarningLevel, { description: '级别。The level whose policy changes.' })
  @IsEnum(WarningLevel)
  level: WarningLevel;

  @Field(() => Int, { description: '版本号。The version you read; a stale one is refused with CONFLICT.' })
  @IsInt()
  @Min(1)
  version: number;

  @Field(() => Int, { description: '叫应时限（分钟）。1 to 1440; applies to deliveries made from now on.' })
  @IsInt()
  @Min(1)
  @Max(1440)
  minutes: number;

  @Field(() => Int, { description: '最多升级次数。0 to 5.' })
  @IsInt()
  @Min(0)
  @Max(5)
  maxSteps: number;
}

@InputType({ description: '预警筛选。Filters for warning lists; all given filters must match.' })
export class WarningFilter extends ListFilter {
  @Field(() => [WarningHazardType], { nullable: true, description: '灾种。Only these hazard types.' })
  @IsOptional()
  @ArrayMaxSize(6)
  @IsEnum(WarningHazardType, { each: true })
  hazardTypes?: WarningHazardType[];

  @Field(() => [WarningLevel], { nullable: true, description: '级别。Only these levels.' })
  @IsOptional()
  @ArrayMaxSize(4)
  @IsEnum(WarningLevel, { each: true })
  levels?: WarningLevel[];

  @Field(() => [WarningStatus], { nullable: true, description: '状态。Only records in these states.' })
  @IsOptional()
  @ArrayMaxSize(4)
  @IsEnum(WarningStatus, { each: true })
  statuses?: WarningStatus[];

  @Field(() => DateTimeScalar, { nullable: true, description: '起始时间。Only records sent at or after this instant.' })
  @IsOptional()
  @IsDate()
  from?: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: '截止时间。Only records sent before this instant.' })
  @IsOptional()
  @IsDate()
  to?: Date;

  @Field(() => UUIDScalar, { nullable: true, description: '组织子树。Only records targeting this organization or one below it.' })
  @IsOptional()
  @IsUUID()
  withinSubtreeOf?: string;
}

@ArgsType()
export class WarningListArgs extends PageArgs {
  @FilterField(() => WarningFilter, '筛选条件。Which records to list.')
  filter?: WarningFilter;

  @OrderByField(WarningOrder, 'newest sent first')
  orderBy?: OrderInput<keyof typeof WarningOrder.Field>[];
}

@InputType({ description: '生效预警筛选。Filters for the warnings in force; a change feed (updatedSince) lists every record changed since, in force or not.' })
export class LiveWarningFilter extends ListFilter {}

@ArgsType()
export class LiveWarningListArgs extends PageArgs {
  @FilterField(() => LiveWarningFilter, '筛选条件。Which records to list.')
  filter?: LiveWarningFilter;

  @OrderByField(WarningOrder, 'most severe level first, then newest sent')
  orderBy?: OrderInput<keyof typeof WarningOrder.Field>[];
}

@InputType({ description: '送达筛选。Filters for delivery lists; all given filters must match.' })
export class WarningDeliveryFilter extends ListFilter {
  @Field(() => UUIDScalar, { nullable: true, description: '预警记录标识。Only deliveries of this record.' })
  @IsOptional()
  @IsUUID()
  warningId?: string;

  @Field(() => UUIDScalar, { nullable: true, description: '接收单位标识。Only deliveries to this organization.' })
  @IsOptional()
  @IsUUID()
  organizationId?: string;

  @Field(() => UUIDScalar, { nullable: true, description: '组织子树。Only deliveries to this organization or one below it.' })
  @IsOptional()
  @IsUUID()
  withinSubtreeOf?: string;

  @Field(() => [WarningDeliveryStatus], { nullable: true, description: '状态。Only deliveries in these states.' })
  @IsOptional()
  @ArrayMaxSize(3)
  @IsEnum(WarningDeliveryStatus, { each: true })
  statuses?: WarningDeliveryStatus[];
}

@ArgsType()
export class WarningDeliveryListArgs extends PageArgs {
  @FilterField(() => WarningDeliveryFilter, '筛选条件。Which deliveries to list.')
  filter?: WarningDeliveryFilter;

  @OrderByField(WarningDeliveryOrder, 'latest delivered first')
  orderBy?: OrderInput<keyof typeof WarningDeliveryOrder.Field>[];
}

@InputType({ description: '叫应升级策略筛选。Filters for the escalation policies (one per level).' })
export class EscalationPolicyFilter extends ListFilter {}

@ArgsType()
export class EscalationPolicyListArgs extends PageArgs {
  @FilterField(() => EscalationPolicyFilter, '筛选条件。Which policies to list.')
  filter?: EscalationPolicyFilter;

  @OrderByField(EscalationPolicyOrder, 'most severe level first')
  orderBy?: OrderInput<keyof typeof EscalationPolicyOrder.Field>[];
}

@ArgsType()
export class WarningFiguresArgs {
  @Field(() => DateTimeScalar, { description: '起始时间。Deliveries made at or after this instant.' })
  @IsDate()
  from: Date;

  @Field(() => DateTimeScalar, { description: '截止时间。Deliveries made before this instant (after from).' })
  @IsDate()
  to: Date;

  @Field(() => UUIDScalar, { nullable: true, description: '组织子树。Only deliveries to this organization or one below it.' })
  @IsOptional()
  @IsUUID()
  withinSubtreeOf?: string;

  @Field(() => [WarningHazardType], { nullable: true, description: '灾种。Only warnings of these hazard types.' })
  @IsOptional()
  @ArrayMaxSize(6)
  @IsEnum(WarningHazardType, { each: true })
  hazardTypes?: WarningHazardType[];

  @Field(() => [WarningLevel], { nullable: true, description: '级别。Only warnings of these levels.' })
  @IsOptional()
  @ArrayMaxSize(4)
  @IsEnum(WarningLevel, { each: true })
  levels?: WarningLevel[];
}
