import { Field, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import { BaseRecord, DateTimeScalar, Node, UUIDScalar, ReadByColumnSelection, LocalDateScalar } from '@platform/core';
import { ConsultationActionStatus, ConsultationKind } from './consultation.enums';

@ObjectType({ implements: Node, description: '会商研判会议。A consultation meeting (会商研判): who convened it, when, the topics studied, the conclusions and the action items agreed.' })
@ReadByColumnSelection()
@Entity('consultation')
@Index('consultation_organization_idx', ['organizationId', 'heldOn', 'id'])
export class Consultation extends BaseRecord {
  @Field(() => UUIDScalar, { description: '召集单位标识。The organization that convened the meeting (usually the town government, a village may hold its own); scope is measured from it.' })
  @Column({ type: 'uuid' })
  organizationId: string;

  @Field(() => ConsultationKind, { description: '会商类型。What kind of meeting.' })
  @Column({ type: 'text' })
  kind: ConsultationKind;

  @Field(() => LocalDateScalar, { description: '会商日期。Day the meeting was held (YYYY-MM-DD), not in the future.' })
  @Column({ type: 'date' })
  heldOn: string;

  @Field({ description: '会议名称。Title, e.g. 2026年7月汛期自然灾害防治研判分析会.' })
  @Column({ type: 'text' })
  title: string;

  @Field(() => [String], { description: '研判议题。Hazard types or topics studied, e.g. 地质灾害, 强降雨, 森林防火.' })
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  topics: string[];

  @Field(() => String, { nullable: true, description: '会商结论。What the meeting concluded and decided.' })
  @Column({ type: 'text', nullable: true })
  conclusions: string | null;

  @Field(() => String, { nullable: true, description: '其他参会单位。The N of 1+7+N: other bodies taking part, e.g. 区气象局、区水利局、区规划自然资源局.' })
  @Column({ type: 'text', nullable: true })
  otherParticipants: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: '归档时间。When the record was archived; null while current.' })
  @Column({ type: 'timestamptz', nullable: true })
  archivedAt: Date | null;
}

/** Link: an organization (member department) that took part in a consultation. */
@Entity('consultation_department')
@Index('consultation_department_organization_idx', ['organizationId'])
export class ConsultationDepartment {
  @PrimaryColumn({ type: 'uuid' })
  consultationId: string;

  @PrimaryColumn({ type: 'uuid' })
  organizationId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  addedAt: Date;
}

@ObjectType({ implements: Node, description: '会商任务。An action item agreed at a consultation: what is to be done, by whom, by when, and how it ended.' })
@ReadByColumnSelection()
@Entity('consultation_action_item')
@Index('consultation_action_item_consultation_idx', ['consultationId', 'dueOn', 'id'])
export class ConsultationActionItem extends BaseRecord {
  @Field(() => UUIDScalar, { description: '会商标识。The consultation that agreed the item; its scope is the consultation\'s.' })
  @Column({ type: 'uuid' })
  consultationId: string;

  @Field({ description: '任务内容。What is to be done.' })
  @Column({ type: 'text' })
  description: string;

  @Field(() => UUIDScalar, { nullable: true, description: '责任单位标识。The organization responsible; null when only a person is named.' })
  @Column({ type: 'uuid', nullable: true })
  ownerOrganizationId: string | null;

  @Field(() => UUIDScalar, { nullable: true, description: '责任人标识。The person responsible; null when only an organization is named.' })
  @Column({ type: 'uuid', nullable: true })
  ownerPersonId: string | null;

  @Field(() => LocalDateScalar, { description: '完成时限。Day by which the item is to be done (YYYY-MM-DD), not before the meeting.' })
  @Column({ type: 'date' })
  dueOn: string;

  @Field(() => ConsultationActionStatus, { description: '状态。Open, done or cancelled.' })
  @Column({ type: 'text' })
  status: ConsultationActionStatus;

  @Field(() => LocalDateScalar, { nullable: true, description: '完成日期。Day the item was done (YYYY-MM-DD); null unless DONE.' })
  @Column({ type: 'date', nullable: true })
  doneOn: string | null;

  @Field(() => String, { nullable: true, description: '落实说明。How the item was done, or why it was cancelled.' })
  @Column({ type: 'text', nullable: true })
  note: string | null;
}
