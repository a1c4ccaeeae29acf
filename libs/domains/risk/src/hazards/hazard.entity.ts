import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { DateTimeScalar, DecimalScalar, LocatedRecord, UUIDScalar, ReadByColumnSelection, Node, LocalDateScalar } from '@platform/core';
import { HazardCategory, HazardGrade, HazardSource, HazardStatus } from './hazard.enums';

@ObjectType({ implements: Node, description: '隐患。A hazard found at an organization (usually an enterprise), followed from report to closing.' })
@ReadByColumnSelection()
@Entity('hazard')
@Index('hazard_organization_found_idx', ['organizationId', 'foundAt', 'id'])
export class Hazard extends LocatedRecord {
  @Field(() => UUIDScalar, { description: '所在单位标识。The organization where the hazard is.' })
  @Column({ type: 'uuid' })
  organizationId: string;

  @Field({ description: '标题。Short description, e.g. 配电室灭火器过期.' })
  @Column({ type: 'text' })
  title: string;

  @Field(() => String, { nullable: true, description: '详细描述。What was found and where exactly.' })
  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Field(() => HazardCategory, { description: '类别。What kind of danger.' })
  @Column({ type: 'text' })
  category: HazardCategory;

  @Field(() => HazardSource, { description: '来源。How it was found.' })
  @Column({ type: 'text' })
  source: HazardSource;

  /**
   * The record in another module this hazard came from (e.g. the drill that found it), as a global id:
   * a reference across modules without a foreign key or an import, exposed as `origin: Node`.
   */
  @Column({ type: 'text', nullable: true })
  originNodeId: string | null;

  @Field(() => DateTimeScalar, { description: '发现时间。When it was found.' })
  @Column({ type: 'timestamptz' })
  foundAt: Date;

  @Field(() => HazardStatus, { description: '状态。Where it is in its life cycle.' })
  @Column({ type: 'text' })
  status: HazardStatus;

  @Field(() => HazardGrade, { nullable: true, description: '等级。General or major; set when confirmed.' })
  @Column({ type: 'text', nullable: true })
  grade: HazardGrade | null;

  @Field(() => String, { nullable: true, description: '判定依据。The sector criteria used to grade it (重大事故隐患判定标准 clause).' })
  @Column({ type: 'text', nullable: true })
  criteriaReference: string | null;

  @Field(() => String, { nullable: true, description: '整改措施。Measures of the rectification plan.' })
  @Column({ type: 'text', nullable: true })
  measures: string | null;

  @Field(() => String, { nullable: true, description: '应急措施（预案）。What is done to keep people safe until the hazard is removed; required in a MAJOR hazard\'s plan (五到位: 措施、责任、资金、时限、预案).' })
  @Column({ type: 'text', nullable: true })
  emergencyMeasures: string | null;

  @Field(() => UUIDScalar, { nullable: true, description: '整改责任人标识。The person responsible for the rectification.' })
  @Column({ type: 'uuid', nullable: true })
  responsiblePersonId: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: '整改资金（元）。Funds for the rectification, in yuan.' })
  @Column({ type: 'numeric', precision: 14, scale: 2, nullable: true })
  funds: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: '整改期限。Deadline (YYYY-MM-DD); past it and not closed, the hazard is overdue.' })
  @Column({ type: 'date', nullable: true })
  deadline: string | null;

  @Field({ description: '挂牌督办。True for a major hazard under listed supervision.' })
  @Column({ type: 'boolean', default: false })
  listedSupervision: boolean;

  /** When `risk.hazard.overdue` was announced; a new deadline clears it so it can be announced again. */
  @Column({ type: 'timestamptz', nullable: true })
  overdueAnnouncedAt: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: '销号时间。When it was closed.' })
  @Column({ type: 'timestamptz', nullable: true })
  closedAt: Date | null;
}

