import { Field, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import { BaseRecord, DateTimeScalar, UUIDScalar, Node, LocalDateScalar } from '@platform/core';

@ObjectType({ implements: Node, description: '专项整治。A special rectification campaign: a sector, a period, the organizations it targets and the hazards it follows.' })
@Entity('campaign')
@Index('campaign_period_idx', ['startsOn', 'endsOn'])
export class Campaign extends BaseRecord {
  @Field({ description: '名称。Name of the campaign, e.g. 燃气安全专项整治.' })
  @Column({ type: 'text' })
  name: string;

  @Field(() => String, { nullable: true, description: '行业代码。The industry sector the campaign is about; null for a cross-sector campaign.' })
  @Column({ type: 'text', nullable: true })
  sectorCode: string | null;

  @Field(() => LocalDateScalar, { description: '开始日期。First day of the campaign (YYYY-MM-DD).' })
  @Column({ type: 'date' })
  startsOn: string;

  @Field(() => LocalDateScalar, { description: '结束日期。Last day of the campaign (YYYY-MM-DD), not before the first.' })
  @Column({ type: 'date' })
  endsOn: string;

  @Field(() => String, { nullable: true, description: '说明。Aims and scope of the campaign.' })
  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: '归档时间。When the campaign was archived; null while current.' })
  @Column({ type: 'timestamptz', nullable: true })
  archivedAt: Date | null;
}

@ObjectType({ description: '整治对象。An organization targeted by a campaign.' })
@Entity('campaign_target')
@Index('campaign_target_organization_idx', ['organizationId'])
export class CampaignTarget {
  @Field(() => UUIDScalar, { description: '专项整治标识。The campaign.' })
  @PrimaryColumn({ type: 'uuid' })
  campaignId: string;

  @Field(() => UUIDScalar, { description: '对象单位标识。The organization targeted.' })
  @PrimaryColumn({ type: 'uuid' })
  organizationId: string;

  @Field(() => DateTimeScalar, { description: '加入时间。When the organization was added to the campaign.' })
  @CreateDateColumn({ type: 'timestamptz' })
  addedAt: Date;
}

/** Link: a hazard followed by a campaign. */
@Entity('campaign_hazard')
@Index('campaign_hazard_hazard_idx', ['hazardId'])
export class CampaignHazard {
  @PrimaryColumn({ type: 'uuid' })
  campaignId: string;

  @PrimaryColumn({ type: 'uuid' })
  hazardId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  linkedAt: Date;
}
