import { Field, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { BaseRecord, LocalDateScalar, Node, ReadByColumnSelection, UUIDScalar, DateTimeScalar } from '@platform/core';
import { SupervisionKind, SupervisionStatus } from './supervision.enums';
import { SupervisionStepActionEnum, type SupervisionActionName } from './supervision-steps';

/**
 * A supervision action (督办事项) of the town safety committee addressed to a department, village or
 * community: a notice (通报), an urging letter (督促函), an interview (约谈) or listed supervision
 * (挂牌督办). Its deadlines are computed in working days from the version of its kind's rule in force
 * on the day it was issued, and it keeps that version whatever the office changes later.
 */
@ObjectType({ implements: Node, description: '督办事项。A supervision action of the town safety committee (通报, 督促函, 约谈 or 挂牌督办) addressed to a department or village, with its deadlines in working days, workflow, extension and linked hazards.' })
@ReadByColumnSelection()
@Entity('supervision_action')
@Index('supervision_action_addressee_idx', ['addresseeOrganizationId', 'dueOn', 'id'])
export class SupervisionAction extends BaseRecord {
  @Field(() => SupervisionKind, { description: '督办形式。NOTICE, URGING_LETTER, INTERVIEW or LISTED.' })
  @Column({ type: 'text' })
  kind: SupervisionKind;

  @Field({ description: '标题。What the action is about, e.g. 关于双河村地灾隐患点监测不到位的约谈.' })
  @Column({ type: 'text' })
  title: string;

  @Field({ description: '督办事由。The failings found and what the addressee must do.' })
  @Column({ type: 'text' })
  matter: string;

  @Field(() => LocalDateScalar, { description: '下发日期。The day the action was issued; its deadlines count working days from the next day.' })
  @Column({ type: 'date' })
  issuedOn: string;

  @Field({ description: '督办单位。The issuing body, by default 南平镇安全生产委员会 (the town safety committee).' })
  @Column({ type: 'text' })
  issuingBody: string;

  @Field(() => UUIDScalar, { description: '被督办单位标识。The department, village or community addressed; scope is measured from it.' })
  @Column({ type: 'uuid' })
  addresseeOrganizationId: string;

  @Field(() => UUIDScalar, { nullable: true, description: '责任人标识。The official answerable for the action; null when only the organization is named.' })
  @Column({ type: 'uuid', nullable: true })
  responsiblePersonId: string | null;

  @Field(() => UUIDScalar, { description: '规则版本。The version of the kind\'s rule (responsibility.supervision.<kind>) in force on the issue day; the action keeps it.' })
  @Column({ type: 'uuid' })
  ruleVersionId: string;

  @Field(() => LocalDateScalar, { description: '回复时限。The day the written reply or plan is due: the rule\'s responseWorkingDays after the issue day.' })
  @Column({ type: 'date' })
  responseDueOn: string;

  @Field(() => LocalDateScalar, { nullable: true, description: '公开时限。The day by which the action is to be published, when the kind\'s rule says publish (publicationWorkingDays after issue); else null.' })
  @Column({ type: 'date', nullable: true })
  publicationDueOn: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: '整改期限。The rectification deadline the issuer set (required for LISTED); null when none was set.' })
  @Column({ type: 'date', nullable: true })
  rectificationDueOn: string | null;

  @Field(() => LocalDateScalar, { description: '办结时限。The deadline for closing: the extended deadline when an extension was approved, else the rectification deadline, else the reply due day.' })
  @Column({ type: 'date' })
  dueOn: string;

  @Field(() => SupervisionStatus, { description: '状态。Where it stands in its workflow.' })
  @Column({ type: 'text' })
  status: SupervisionStatus;

  @Field(() => Int, { description: '验收不通过次数。How many times the office refused the acceptance.' })
  @Column({ type: 'int', default: 0 })
  failureCount: number;

  @Field(() => LocalDateScalar, { nullable: true, description: '签收日期。The day the addressee acknowledged it.' })
  @Column({ type: 'date', nullable: true })
  acknowledgedOn: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: '方案报送日期。The day the written reply or plan was submitted.' })
  @Column({ type: 'date', nullable: true })
  planSubmittedOn: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: '申请验收日期。The day acceptance was last requested.' })
  @Column({ type: 'date', nullable: true })
  acceptanceRequestedOn: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: '验收时限。The day by which the office is to accept or refuse: acceptanceWorkingDays after the request.' })
  @Column({ type: 'date', nullable: true })
  acceptanceDueOn: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: '验收日期。The day the office accepted the rectification.' })
  @Column({ type: 'date', nullable: true })
  verifiedOn: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: '销号日期。The day it was closed (摘牌 for LISTED); null while open.' })
  @Column({ type: 'date', nullable: true })
  closedOn: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: '升级日期。The day it was escalated to the upper level.' })
  @Column({ type: 'date', nullable: true })
  escalatedOn: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: '延期申请日期。The day the one extension was requested.' })
  @Column({ type: 'date', nullable: true })
  extensionRequestedOn: string | null;

  @Field(() => String, { nullable: true, description: '延期理由。Why the addressee asked for more time.' })
  @Column({ type: 'text', nullable: true })
  extensionReason: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: '延期决定时限。The day the extension is to be decided by: extensionDecisionWorkingDays after the request.' })
  @Column({ type: 'date', nullable: true })
  extensionDecisionDueOn: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: '延期决定日期。The day the extension was approved or denied.' })
  @Column({ type: 'date', nullable: true })
  extensionDecidedOn: string | null;

  @Field(() => Boolean, { nullable: true, description: '是否批准延期。True when approved, false when denied; null while undecided or never requested.' })
  @Column({ type: 'boolean', nullable: true })
  extensionApproved: boolean | null;

  @Field(() => LocalDateScalar, { nullable: true, description: '延期后期限。The new deadline of an approved extension.' })
  @Column({ type: 'date', nullable: true })
  extendedDueOn: string | null;

  @Field(() => String, { nullable: true, description: '说明。The latest step\'s note (why acceptance failed, why it was escalated).' })
  @Column({ type: 'text', nullable: true })
  note: string | null;
}

/** A timeline entry of a supervision action: its issue, a step, or the extension request or decision. */
@ObjectType({ implements: Node, description: '督办记录。A timeline entry of a supervision action: its issue, a workflow step or the extension request or decision, with the day, the states and a note.' })
@ReadByColumnSelection()
@Entity('supervision_action_step')
@Index('supervision_action_step_action_idx', ['supervisionActionId', 'createdAt', 'id'])
export class SupervisionActionStep extends BaseRecord {
  @Field(() => UUIDScalar, { description: '督办事项标识。The action; its scope is the action\'s.' })
  @Column({ type: 'uuid' })
  supervisionActionId: string;

  @Field(() => SupervisionStepActionEnum, { description: '操作。What happened.' })
  @Column({ type: 'text' })
  action: SupervisionActionName;

  @Field(() => LocalDateScalar, { description: '日期。The day it happened (not in the future).' })
  @Column({ type: 'date' })
  recordedOn: string;

  @Field(() => SupervisionStatus, { nullable: true, description: '原状态。The status before; null for the issue.' })
  @Column({ type: 'text', nullable: true })
  fromStatus: SupervisionStatus | null;

  @Field(() => SupervisionStatus, { description: '新状态。The status after (unchanged by the extension entries).' })
  @Column({ type: 'text' })
  toStatus: SupervisionStatus;

  @Field(() => String, { nullable: true, description: '说明。What was done, or why.' })
  @Column({ type: 'text', nullable: true })
  note: string | null;
}

/** A major hazard of the risk module tied to a listed supervision (挂牌督办 of 重大事故隐患). */
@ObjectType({ description: '督办关联隐患。A major hazard (risk module) tied to a listed supervision: the action can be delisted only once the hazard is closed.' })
@Entity('supervision_action_hazard')
@Index('supervision_action_hazard_page_idx', ['supervisionActionId', 'linkedAt', 'hazardId'])
export class SupervisionActionHazard {
  @Field(() => UUIDScalar, { description: '标识。Stable id of the link.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => UUIDScalar, { description: '督办事项标识。The listed supervision.' })
  @Column({ type: 'uuid' })
  supervisionActionId: string;

  @Field(() => UUIDScalar, { description: '隐患标识。The linked hazard (risk module).' })
  @Column({ type: 'uuid' })
  hazardId: string;

  @Field(() => DateTimeScalar, { description: '关联时间。When the link was made.' })
  @CreateDateColumn({ type: 'timestamptz' })
  linkedAt: Date;
}
