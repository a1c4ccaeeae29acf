import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import { BaseRecord, DateTimeScalar, DecimalScalar, LocatedRecord, Node, UUIDScalar, ReadByColumnSelection } from '@platform/core';
import { DamageReportKind, IncidentStatus, IncidentType } from './incident.enums';

/** numeric columns arrive as strings; areas are exposed as numbers (2 decimals, exact in a double), amounts of money stay decimal strings. */
const NUMERIC = { to: (v: number | null) => v, from: (v: string | number | null) => (v === null ? null : Number(v)) };

@ObjectType({ implements: Node, description: '灾情。A disaster or accident in the town (灾情, work plan point 十五): where and when it happened, who reports it, the villages affected, its damage reports (初报/续报/核报) and its linked warnings and hazards.' })
@ReadByColumnSelection()
@Entity('incident')
@Index('incident_reporting_organization_idx', ['reportingOrganizationId', 'occurredAt', 'id'])
@Index('incident_occurred_idx', ['occurredAt', 'id'])
export class Incident extends LocatedRecord {
  @Field(() => UUIDScalar, { description: '报送单位标识。The organization that reports the incident (usually the village or community); write scope is measured from it.' })
  @Column({ type: 'uuid' })
  reportingOrganizationId: string;

  @Field(() => IncidentType, { description: '灾情类型。What kind of disaster or accident.' })
  @Column({ type: 'text' })
  type: IncidentType;

  @Field({ description: '标题。Short title, e.g. 文凤村石板沟山洪灾害.' })
  @Column({ type: 'text' })
  title: string;

  @Field(() => DateTimeScalar, { description: '发生时间。When it happened (not in the future).' })
  @Column({ type: 'timestamptz' })
  occurredAt: Date;

  @Field({ description: '发生地点。Where, in words, e.g. 文凤村三组石板沟沿线.' })
  @Column({ type: 'text' })
  place: string;

  @Field(() => IncidentStatus, { description: '状态。Where the incident stands (OPEN → RESPONDING → RECOVERING → CLOSED).' })
  @Column({ type: 'text' })
  status: IncidentStatus;

  @Field(() => String, { nullable: true, description: '情况描述。What happened and what is being done.' })
  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: '结案时间。When the incident was closed; null until CLOSED.' })
  @Column({ type: 'timestamptz', nullable: true })
  closedAt: Date | null;
}

/** Link: a village or community affected by an incident (read scope also reaches incidents through it). */
@Entity('incident_organization')
@Index('incident_organization_organization_idx', ['organizationId'])
export class IncidentOrganization {
  @PrimaryColumn({ type: 'uuid' })
  incidentId: string;

  @PrimaryColumn({ type: 'uuid' })
  organizationId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  addedAt: Date;
}

@ObjectType({ description: '灾情关联预警。A warning linked to an incident (e.g. the rainstorm warning before a flash flood), with its headline and level.' })
@Entity('incident_warning')
@Index('incident_warning_warning_idx', ['warningId'])
export class IncidentWarning {
  @PrimaryColumn({ type: 'uuid' })
  incidentId: string;

  @Field(() => UUIDScalar, { description: '预警标识。The linked warning record.' })
  @PrimaryColumn({ type: 'uuid' })
  warningId: string;

  @Field(() => DateTimeScalar, { description: '关联时间。When the link was made.' })
  @CreateDateColumn({ type: 'timestamptz' })
  linkedAt: Date;
}

@ObjectType({ description: '灾情关联隐患。A hazard (e.g. a landslide-prone slope) linked to an incident.' })
@Entity('incident_hazard')
@Index('incident_hazard_hazard_idx', ['hazardId'])
export class IncidentHazard {
  @PrimaryColumn({ type: 'uuid' })
  incidentId: string;

  @Field(() => UUIDScalar, { description: '隐患标识。The linked hazard.' })
  @PrimaryColumn({ type: 'uuid' })
  hazardId: string;

  @Field(() => DateTimeScalar, { description: '关联时间。When the link was made.' })
  @CreateDateColumn({ type: 'timestamptz' })
  linkedAt: Date;
}

@ObjectType({ implements: Node, description: '灾情报告。A damage report of an incident (初报、续报、核报) with its figures as of the report; reports are never changed, a later one supersedes them.' })
@ReadByColumnSelection()
@Entity('incident_damage_report')
@Index('incident_damage_report_incident_idx', ['incidentId', 'sequence'], { unique: true })
export class DamageReport extends BaseRecord {
  @Field(() => UUIDScalar, { description: '灾情标识。The incident reported on.' })
  @Column({ type: 'uuid' })
  incidentId: string;

  @Field(() => DamageReportKind, { description: '报告类型。Initial, continued or verified.' })
  @Column({ type: 'text' })
  kind: DamageReportKind;

  @Field(() => Int, { description: '序号。1 for the initial report, then 2, 3… in the order sent.' })
  @Column({ type: 'int' })
  sequence: number;

  @Field(() => DateTimeScalar, { description: '报送时间。When the report was sent (not before the incident, not before the previous report).' })
  @Column({ type: 'timestamptz' })
  reportedAt: Date;

  @Field(() => UUIDScalar, { nullable: true, description: '报送账号。The user who sent it; null for seeded or system reports.' })
  @Column({ type: 'uuid', nullable: true })
  reportedByUserId: string | null;

  @Field(() => UUIDScalar, { nullable: true, description: '报送人标识。The directory person who sent it, when the account belongs to one.' })
  @Column({ type: 'uuid', nullable: true })
  reportedByPersonId: string | null;

  @Field(() => Int, { description: '受灾人口（人）。People affected.' })
  @Column({ type: 'int', default: 0 })
  affectedPeople: number;

  @Field(() => Int, { description: '紧急转移安置人口（人）。People relocated in an emergency.' })
  @Column({ type: 'int', default: 0 })
  relocatedPeople: number;

  @Field(() => Int, { description: '死亡人口（人）。Deaths.' })
  @Column({ type: 'int', default: 0 })
  deaths: number;

  @Field(() => Int, { description: '失踪人口（人）。Missing people.' })
  @Column({ type: 'int', default: 0 })
  missing: number;

  @Field(() => Int, { description: '受伤人口（人）。Injured people.' })
  @Column({ type: 'int', default: 0 })
  injured: number;

  @Field(() => Int, { description: '重伤人口（人）。Seriously injured people, acute industrial poisoning included (重伤，含急性工业中毒): part of the injured; grades a work-safety accident.' })
  @Column({ type: 'int', default: 0 })
  seriouslyInjured: number;

  @Field(() => Int, { description: '倒塌房屋（间）。Houses collapsed, in rooms (间).' })
  @Column({ type: 'int', default: 0 })
  housesCollapsed: number;

  @Field(() => Int, { description: '严重损坏房屋（间）。Houses severely damaged, in rooms.' })
  @Column({ type: 'int', default: 0 })
  housesSeverelyDamaged: number;

  @Field(() => Int, { description: '一般损坏房屋（间）。Houses slightly damaged, in rooms.' })
  @Column({ type: 'int', default: 0 })
  housesSlightlyDamaged: number;

  @Field(() => Float, { description: '农作物受灾面积（公顷）。Crop area affected, in hectares (2 decimals).' })
  @Column({ type: 'numeric', precision: 12, scale: 2, default: 0, transformer: NUMERIC })
  cropAreaHectares: number;

  @Field(() => Float, { description: '农作物绝收面积（公顷）。Crop area with total failure, in hectares (2 decimals); part of the area affected.' })
  @Column({ type: 'numeric', precision: 12, scale: 2, default: 0, transformer: NUMERIC })
  cropFailureHectares: number;

  @Field(() => DecimalScalar, { description: '直接经济损失（元）。Direct economic loss, in yuan (2 decimals).' })
  @Column({ type: 'numeric', precision: 14, scale: 2, default: 0 })
  directEconomicLossYuan: string;

  @Field(() => String, { nullable: true, description: '说明。Notes on the figures, e.g. what changed since the last report.' })
  @Column({ type: 'text', nullable: true })
  note: string | null;
}
