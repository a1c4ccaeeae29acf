import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { BaseRecord, Node, UUIDScalar, LocalDateScalar } from '@platform/core';
import { EmergencyPlanStatus, EmergencyPlanType } from './plan.enums';

@ObjectType({ implements: Node, description: '应急预案。One revision of an emergency plan kept by an organization; revisions of the same plan form a version chain with their history kept.' })
@Entity('emergency_plan')
@Index('emergency_plan_organization_idx', ['organizationId'])
@Index('emergency_plan_chain_idx', ['chainId', 'revision'])
export class EmergencyPlan extends BaseRecord {
  @Field(() => UUIDScalar, { description: '编制单位标识。The organization that keeps the plan; scope is measured from it.' })
  @Column({ type: 'uuid' })
  organizationId: string;

  @Field(() => EmergencyPlanType, { description: '预案类型。Town overall, special, village or enterprise on-site plan.' })
  @Column({ type: 'text' })
  type: EmergencyPlanType;

  @Field({ description: '预案名称。Title, e.g. 南平镇防汛抗旱应急预案.' })
  @Column({ type: 'text' })
  title: string;

  @Field(() => String, { nullable: true, description: '专项主题。What the plan covers, e.g. 防汛抗旱、森林防火、地质灾害; null for a general plan.' })
  @Column({ type: 'text', nullable: true })
  topic: string | null;

  @Field(() => Int, { description: '修订版次。Revision number within the plan\'s chain, 1 for the first.' })
  @Column({ type: 'int' })
  revision: number;

  @Field(() => UUIDScalar, { nullable: true, description: '被替代版本标识。The previous revision this one replaces; null for the first.' })
  @Column({ type: 'uuid', nullable: true })
  supersedesId: string | null;

  @Field(() => UUIDScalar, { description: '预案链标识。Id of the first revision, shared by every revision of the plan.' })
  @Column({ type: 'uuid' })
  chainId: string;

  @Field(() => EmergencyPlanStatus, { description: '状态。Draft, effective, superseded or archived.' })
  @Column({ type: 'text' })
  status: EmergencyPlanStatus;

  @Field(() => LocalDateScalar, { nullable: true, description: '批准日期。Day the revision was approved (YYYY-MM-DD); null while a draft.' })
  @Column({ type: 'date', nullable: true })
  approvedOn: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: '备案日期。Day it was filed with the authority (YYYY-MM-DD); null when not filed.' })
  @Column({ type: 'date', nullable: true })
  filedOn: string | null;

  @Field(() => String, { nullable: true, description: '备案机关。The authority it was filed with, e.g. 南川区应急管理局.' })
  @Column({ type: 'text', nullable: true })
  filedWith: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: '下次评审日期。Day the next review (评估修订) is due (YYYY-MM-DD); past it an effective plan is overdue for review.' })
  @Column({ type: 'date', nullable: true })
  nextReviewOn: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: '最近评审日期。Day of the last recorded review (YYYY-MM-DD).' })
  @Column({ type: 'date', nullable: true })
  lastReviewedOn: string | null;

  @Field(() => String, { nullable: true, description: '评审意见。Note of the last recorded review.' })
  @Column({ type: 'text', nullable: true })
  reviewNote: string | null;
}
