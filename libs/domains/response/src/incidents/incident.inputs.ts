import { ArgsType, Field, Float, InputType, Int } from 'type-graphql';
import { ArrayMaxSize, IsDate, IsEnum, IsOptional, IsUUID, Length, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { FilterField, DecimalRange, DecimalScalar, DateTimeScalar, GeoPointInput, LocatedFilter, LocalDateScalar, LocationField, OrderByField, PageArgs, UnlessOmitted, UUIDScalar, Versioned, type OrderInput } from '@platform/core';
import { DamageReportKind, IncidentStatus, IncidentType } from './incident.enums';
import { IncidentOrder } from './incident.orders';
import { IsDecimal2Between0And, IsIntBetween } from '../shared/number-inputs';

/** Most villages and communities an incident may affect. */
export const MAX_AFFECTED_ORGANIZATIONS = 50;
/** Most warnings, and most hazards, an incident may be linked to. */
export const MAX_LINKS = 50;
/** Upper bound of people and house figures of one report (far above any town's population). */
export const MAX_COUNT = 1_000_000;
/** Upper bound of crop areas, in hectares. */
export const MAX_HECTARES = 1_000_000;
/** Upper bound of the direct economic loss, in yuan (numeric(14,2)). */
export const MAX_LOSS_YUAN = '999999999999.99';

@InputType({ description: '灾情数据输入。The figures of a damage report; omitted figures are 0. People and houses are whole numbers, areas and loss have at most 2 decimals; all are non-negative.' })
export class DamageReportFiguresInput {
  @Field(() => Int, { nullable: true, description: `受灾人口（人）。People affected, 0 to ${MAX_COUNT}.` })
  @IsOptional()
  @IsIntBetween(0, MAX_COUNT)
  affectedPeople?: number;

  @Field(() => Int, { nullable: true, description: `紧急转移安置人口（人）。People relocated, 0 to ${MAX_COUNT}.` })
  @IsOptional()
  @IsIntBetween(0, MAX_COUNT)
  relocatedPeople?: number;

  @Field(() => Int, { nullable: true, description: `死亡人口（人）。Deaths, 0 to ${MAX_COUNT}.` })
  @IsOptional()
  @IsIntBetween(0, MAX_COUNT)
  deaths?: number;

  @Field(() => Int, { nullable: true, description: `失踪人口（人）。Missing people, 0 to ${MAX_COUNT}.` })
  @IsOptional()
  @IsIntBetween(0, MAX_COUNT)
  missing?: number;

  @Field(() => Int, { nullable: true, description: `受伤人口（人）。Injured people, 0 to ${MAX_COUNT}.` })
  @IsOptional()
  @IsIntBetween(0, MAX_COUNT)
  injured?: number;

  @Field(() => Int, { nullable: true, description: `重伤人口（人）。Seriously injured people (acute industrial poisoning included), 0 to ${MAX_COUNT}; part of the injured, so not more than them (rule notAboveInjured).` })
  @IsOptional()
  @IsIntBetween(0, MAX_COUNT)
  seriouslyInjured?: number;

  @Field(() => Int, { nullable: true, description: `倒塌房屋（间）。Houses collapsed in rooms, 0 to ${MAX_COUNT}.` })
  @IsOptional()
  @IsIntBetween(0, MAX_COUNT)
  housesCollapsed?: number;

  @Field(() => Int, { nullable: true, description: `严重损坏房屋（间）。Houses severely damaged in rooms, 0 to ${MAX_COUNT}.` })
  @IsOptional()
  @IsIntBetween(0, MAX_COUNT)
  housesSeverelyDamaged?: number;

  @Field(() => Int, { nullable: true, description: `一般损坏房屋（间）。Houses slightly damaged in rooms, 0 to ${MAX_COUNT}.` })
  @IsOptional()
  @IsIntBetween(0, MAX_COUNT)
  housesSlightlyDamaged?: number;

  @Field(() => Float, { nullable: true, description: `农作物受灾面积（公顷）。Crop area affected in hectares, 0 to ${MAX_HECTARES}, at most 2 decimals.` })
  @IsOptional()
  @IsDecimal2Between0And(MAX_HECTARES)
  cropAreaHectares?: number;

  @Field(() => Float, { nullable: true, description: '农作物绝收面积（公顷）。Crop area with total failure in hectares, at most 2 decimals; not more than the area affected (rule notAboveCropArea).' })
  @IsOptional()
  @IsDecimal2Between0And(MAX_HECTARES)
  cropFailureHectares?: number;

  @Field(() => DecimalScalar, { nullable: true, description: `直接经济损失（元）。Direct economic loss in yuan, "0" to "${MAX_LOSS_YUAN}".` })
  @IsOptional()
  @DecimalRange({ min: '0', max: MAX_LOSS_YUAN })
  directEconomicLossYuan?: string;

  @Field(() => String, { nullable: true, description: '说明。Notes on the figures (up to 2000 characters).' })
  @IsOptional()
  @Length(1, 2000)
  note?: string | null;
}

@InputType({ description: '首报灾情输入。The initial damage report sent with a new incident.' })
export class DamageReportInitialInput extends DamageReportFiguresInput {
  @Field(() => DateTimeScalar, { nullable: true, description: '报送时间。When it was sent (default now); not in the future, not before the incident.' })
  @IsOptional()
  @IsDate()
  reportedAt?: Date;
}

@InputType({ description: '灾情详细信息。Optional fields of an incident, shared by open and update; null clears a field on update.' })
export class IncidentDetailsInput {
  @LocationField()
  location?: GeoPointInput | null;

  @Field(() => String, { nullable: true, description: '情况描述。What happened and what is being done (up to 5000 characters).' })
  @IsOptional()
  @Length(1, 5000)
  description?: string | null;
}

@InputType({ description: '报送灾情输入。A new incident under an organization in your scope, optionally with its initial damage report (初报).' })
export class OpenIncidentInput extends IncidentDetailsInput {
  @Field(() => UUIDScalar, { description: '报送单位标识。The organization that reports it (within your rescue.incident:report scope), usually the village or community.' })
  @IsUUID()
  reportingOrganizationId: string;

  @Field(() => IncidentType, { description: '灾情类型。What kind of disaster or accident.' })
  @IsEnum(IncidentType)
  type: IncidentType;

  @Field({ description: '标题。Short title (2–200 characters).' })
  @Length(2, 200)
  title: string;

  @Field(() => DateTimeScalar, { description: '发生时间。When it happened; not in the future.' })
  @IsDate()
  occurredAt: Date;

  @Field({ description: '发生地点。Where, in words (2–200 characters).' })
  @Length(2, 200)
  place: string;

  @Field(() => [UUIDScalar], { nullable: true, description: `受灾村（社区）标识。Villages and communities affected (up to ${MAX_AFFECTED_ORGANIZATIONS}, within your rescue.incident:report scope).` })
  @IsOptional()
  @ArrayMaxSize(MAX_AFFECTED_ORGANIZATIONS)
  @IsUUID('all', { each: true })
  affectedOrganizationIds?: string[];

  @Field(() => DamageReportInitialInput, { nullable: true, description: '初报。The initial damage report, sent in the same transaction; omit to send it later with addDamageReport.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => DamageReportInitialInput)
  initialReport?: DamageReportInitialInput;
}

@InputType({ description: '修改灾情详情。Changes to an incident that is not closed; omitted fields stay as they are. Status changes with moveIncident.' })
export class UpdateIncidentDetails extends IncidentDetailsInput {
  @Field(() => IncidentType, { nullable: true, description: '灾情类型。New type.' })
  @UnlessOmitted()
  @IsEnum(IncidentType)
  type?: IncidentType;

  @Field(() => String, { nullable: true, description: '标题。New title (2–200 characters).' })
  @UnlessOmitted()
  @Length(2, 200)
  title?: string;

  @Field(() => DateTimeScalar, { nullable: true, description: '发生时间。New time it happened; not in the future, not after the first report.' })
  @UnlessOmitted()
  @IsDate()
  occurredAt?: Date;

  @Field(() => String, { nullable: true, description: '发生地点。New place (2–200 characters).' })
  @UnlessOmitted()
  @Length(2, 200)
  place?: string;

  @Field(() => [UUIDScalar], { nullable: true, description: `受灾村（社区）标识。Replaces the villages and communities affected (up to ${MAX_AFFECTED_ORGANIZATIONS}, within your scope).` })
  @UnlessOmitted()
  @ArrayMaxSize(MAX_AFFECTED_ORGANIZATIONS)
  @IsUUID('all', { each: true })
  affectedOrganizationIds?: string[];
}

@InputType({ description: '修改灾情输入。Names the incident and the version you read, with the changes.' })
export class UpdateIncidentInput extends Versioned(UpdateIncidentDetails) {}

@InputType({ description: '灾情状态变更详情。The status an incident moves to.' })
export class MoveIncidentDetails {
  @Field(() => IncidentStatus, { description: '新状态。The next status only: OPEN → RESPONDING → RECOVERING → CLOSED; CLOSED needs rescue.incident:verify.' })
  @IsEnum(IncidentStatus)
  status: IncidentStatus;
}

@InputType({ description: '变更灾情状态输入。Names the incident and the version you read, with the next status.' })
export class MoveIncidentInput extends Versioned(MoveIncidentDetails) {}

@InputType({ description: '关联预警详情。The warnings an incident is linked to.' })
export class LinkIncidentWarningsDetails {
  @Field(() => [UUIDScalar], { description: `预警标识。Replaces the linked warnings you may read (up to ${MAX_LINKS}); links to warnings you may not read are kept.` })
  @ArrayMaxSize(MAX_LINKS)
  @IsUUID('all', { each: true })
  warningIds: string[];
}

@InputType({ description: '关联预警输入。Names the incident and the version you read, with the warnings.' })
export class LinkIncidentWarningsInput extends Versioned(LinkIncidentWarningsDetails) {}

@InputType({ description: '关联隐患详情。The hazards an incident is linked to.' })
export class LinkIncidentHazardsDetails {
  @Field(() => [UUIDScalar], { description: `隐患标识。Replaces the linked hazards you may read (risk.hazard:read, up to ${MAX_LINKS}); links to hazards you may not read are kept.` })
  @ArrayMaxSize(MAX_LINKS)
  @IsUUID('all', { each: true })
  hazardIds: string[];
}

@InputType({ description: '关联隐患输入。Names the incident and the version you read, with the hazards.' })
export class LinkIncidentHazardsInput extends Versioned(LinkIncidentHazardsDetails) {}

@InputType({ description: '报送灾情报告输入。A damage report of an incident: INITIAL first (once), then CONTINUED, and at most one VERIFIED as the last (needs rescue.incident:verify).' })
export class AddDamageReportInput extends DamageReportFiguresInput {
  @Field(() => UUIDScalar, { description: '灾情标识。The incident (within your rescue.incident:report scope, not closed).' })
  @IsUUID()
  incidentId: string;

  @Field(() => DamageReportKind, { description: '报告类型。INITIAL, CONTINUED or VERIFIED.' })
  @IsEnum(DamageReportKind)
  kind: DamageReportKind;

  @Field(() => DateTimeScalar, { nullable: true, description: '报送时间。When it was sent (default now); not in the future, not before the incident or the previous report.' })
  @IsOptional()
  @IsDate()
  reportedAt?: Date;
}

@InputType({ description: '灾情筛选。Filters for incident lists; all given filters must match.' })
export class IncidentFilter extends LocatedFilter {
  @Field(() => UUIDScalar, { nullable: true, description: '所属子树。Only incidents reported by, or affecting, this organization or one below it.' })
  @IsOptional()
  @IsUUID()
  withinSubtreeOf?: string;

  @Field(() => [IncidentType], { nullable: true, description: '灾情类型。Only these types.' })
  @IsOptional()
  @ArrayMaxSize(13)
  @IsEnum(IncidentType, { each: true })
  types?: IncidentType[];

  @Field(() => [IncidentStatus], { nullable: true, description: '状态。Only these statuses, e.g. [OPEN, RESPONDING].' })
  @IsOptional()
  @ArrayMaxSize(4)
  @IsEnum(IncidentStatus, { each: true })
  statuses?: IncidentStatus[];

  @Field(() => LocalDateScalar, { nullable: true, description: '起始日期。Only incidents that happened on or after this day (YYYY-MM-DD, China time).' })
  @IsOptional()
  from?: string;

  @Field(() => LocalDateScalar, { nullable: true, description: '截止日期。Only incidents that happened on or before this day (YYYY-MM-DD, China time), not before `from`.' })
  @IsOptional()
  to?: string;
}

@ArgsType()
export class IncidentListArgs extends PageArgs {
  @FilterField(() => IncidentFilter, '筛选条件。Which incidents to list.')
  filter?: IncidentFilter;

  @OrderByField(IncidentOrder, 'latest happened first')
  orderBy?: OrderInput<keyof typeof IncidentOrder.Field>[];
}

@ArgsType()
export class IncidentDamageSummaryArgs {
  @Field(() => LocalDateScalar, { nullable: true, description: '起始日期。Only incidents that happened on or after this day (YYYY-MM-DD, China time).' })
  @IsOptional()
  from?: string;

  @Field(() => LocalDateScalar, { nullable: true, description: '截止日期。Only incidents that happened on or before this day (YYYY-MM-DD, China time), not before `from`.' })
  @IsOptional()
  to?: string;

  @Field(() => UUIDScalar, { nullable: true, description: '所属子树。Only incidents reported by, or affecting, this organization or one below it.' })
  @IsOptional()
  @IsUUID()
  withinSubtreeOf?: string;
}
