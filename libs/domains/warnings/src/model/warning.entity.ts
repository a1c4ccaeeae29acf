import { Field, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import { BaseRecord, DateTimeScalar, UUIDScalar, ReadByColumnSelection, Node } from '@platform/core';
import { WarningHazardType, WarningLevel, WarningMessageType, WarningStatus } from './warning.enums';

/**
 * A graded warning record (预警). An update or a cancellation is a new record that references the one
 * it replaces (`supersedesId`), as in CAP; the chain shares `chainId` (the first record's id).
 */
@ObjectType({ implements: Node, description: '预警信息。A graded warning (蓝黄橙红) sent to villages and communities, with CAP semantics: issue, update (supersedes), cancel.' })
@ReadByColumnSelection()
@Entity('warning')
@Index('warning_chain_idx', ['chainId', 'sentAt'])
@Index('warning_sent_idx', ['sentAt', 'id'])
export class Warning extends BaseRecord {
  @Field({ description: '标识符。CAP identifier, unique, following the national profile (GB/T 35965.1).' })
  @Column({ type: 'text', unique: true })
  identifier: string;

  @Field(() => UUIDScalar, { description: '预警链标识。Id of the first record of this warning; updates and the cancellation share it.' })
  @Column({ type: 'uuid' })
  chainId: string;

  @Field(() => UUIDScalar, { nullable: true, description: '所替代的记录。The record this update or cancellation replaces (CAP references); null for the first issue.' })
  @Column({ type: 'uuid', nullable: true })
  supersedesId: string | null;

  @Field(() => WarningMessageType, { description: '消息类型。Alert, Update or Cancel.' })
  @Column({ type: 'text' })
  messageType: WarningMessageType;

  @Field(() => WarningStatus, { description: '状态。Where this record stands.' })
  @Column({ type: 'text' })
  status: WarningStatus;

  @Field(() => UUIDScalar, { description: '发布单位标识。The organization issuing the warning (usually the town government).' })
  @Column({ type: 'uuid' })
  issuerOrganizationId: string;

  @Field({ description: '发布单位名称。Sender name as shown in the headline, e.g. 南平镇人民政府.' })
  @Column({ type: 'text' })
  senderName: string;

  @Field({ description: '信息来源。Where the warning comes from, e.g. 南川区气象局.' })
  @Column({ type: 'text' })
  source: string;

  @Field(() => WarningHazardType, { description: '灾种。What the warning is about.' })
  @Column({ type: 'text' })
  hazardType: WarningHazardType;

  @Field({ description: '事件名称。The event in Chinese, e.g. 暴雨, 森林火险, 地质灾害气象风险.' })
  @Column({ type: 'text' })
  eventName: string;

  @Field(() => WarningLevel, { description: '级别。Colour level.' })
  @Column({ type: 'text' })
  level: WarningLevel;

  @Field({ description: '标题。Headline, e.g. 南平镇人民政府发布暴雨橙色预警.' })
  @Column({ type: 'text' })
  headline: string;

  @Field({ description: '预警内容。What is expected, where and when.' })
  @Column({ type: 'text' })
  description: string;

  @Field({ description: '防御指南。What people and organizations must do.' })
  @Column({ type: 'text' })
  instruction: string;

  @Field(() => DateTimeScalar, { description: '发送时间。When this record was sent.' })
  @Column({ type: 'timestamptz' })
  sentAt: Date;

  @Field(() => DateTimeScalar, { description: '生效时间。From when the warning applies.' })
  @Column({ type: 'timestamptz' })
  effectiveAt: Date;

  @Field(() => DateTimeScalar, { description: '失效时间。Until when it applies, unless updated or cancelled.' })
  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  /** Optional target polygon as GeoJSON (a Polygon or MultiPolygon, WGS 84); exposed by a field resolver. */
  @Column({ type: 'jsonb', nullable: true })
  areaPolygon: Record<string, unknown> | null;

  @Field(() => String, { nullable: true, description: '说明。Why the warning was cancelled (CANCEL records), or what an update changed; null when none given.' })
  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Field(() => UUIDScalar, { nullable: true, description: '发布账号。The user who sent this record; null when sent by an integration or the system.' })
  @Column({ type: 'uuid', nullable: true })
  sentByUserId: string | null;
}

/** A village or community a warning record is aimed at. */
@Entity('warning_target')
@Index('warning_target_organization_idx', ['organizationId'])
export class WarningTarget {
  @PrimaryColumn({ type: 'uuid' })
  warningId: string;

  @PrimaryColumn({ type: 'uuid' })
  organizationId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  addedAt: Date;
}
