import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { BaseRecord, DateTimeScalar, DecimalScalar, LocalDateScalar, Node, ReadByColumnSelection, UUIDScalar } from '@platform/core';
import {
  AccidentGrade,
  AccidentGradeBasis,
  AccidentInvestigationKind,
  AccidentInvestigationStatus,
  AccidentMeasureStatus,
  AccidentTeamRole,
  FourNotSparedItem,
  FourNotSparedStatus,
  OversightBodyRole,
} from './accident.enums';

/** 事故类别 (GB 6441-1986): one of the 20 kinds of accident, inserted by the migration. */
@ObjectType({ implements: Node, description: '事故类别。One of the 20 kinds of accident of GB 6441-1986 (物体打击, 车辆伤害, …, 其他伤害) [U: list as quoted, standard not read].' })
@ReadByColumnSelection()
@Entity('accident_category')
export class AccidentCategory extends BaseRecord {
  @Field({ description: '类别代码。Two digits, 01 to 20, in the standard\'s order.' })
  @Column({ type: 'text' })
  code: string;

  @Field({ description: '类别名称。The kind\'s name, e.g. 高处坠落.' })
  @Column({ type: 'text' })
  nameZh: string;

  @Field({ description: '标准。The standard it comes from (GB 6441-1986).' })
  @Column({ type: 'text' })
  standard: string;
}

/**
 * 事故调查 (国务院令第493号): an investigation view over one incident of the response module. Its
 * figures, grade and the rule version are refreshed from the incident's damage reports; the reporting
 * delay, the team, the clocks of the report and the reply, the 四不放过 checklist, 一案双查 findings and
 * follow-up measures are its own.
 */
@ObjectType({ implements: Node, description: '事故调查。An investigation of a work-safety accident (or a natural-disaster investigation record) over one incident: grade from the latest verified figures (Order 493 art. 3), reporting delay (迟报), team composition, report and reply clocks, the 四不放过 checklist, 一案双查 findings and follow-up measures.' })
@ReadByColumnSelection()
@Entity('accident_investigation')
@Index('accident_investigation_organization_idx', ['organizationId', 'occurredAt', 'id'])
export class AccidentInvestigation extends BaseRecord {
  @Field(() => UUIDScalar, { description: '灾情标识。The incident of the response module it investigates (one investigation per incident).' })
  @Column({ type: 'uuid' })
  incidentId: string;

  @Field(() => AccidentInvestigationKind, { description: '调查类别。WORK_SAFETY or NATURAL_DISASTER.' })
  @Column({ type: 'text' })
  kind: AccidentInvestigationKind;

  @Field(() => UUIDScalar, { description: '所属单位标识。The organization scope is measured from: the enterprise of a work-safety accident, else the incident\'s reporting organization (copied when opened).' })
  @Column({ type: 'uuid' })
  organizationId: string;

  @Field(() => UUIDScalar, { nullable: true, description: '事故单位标识。The enterprise where a work-safety accident happened; null for a natural-disaster record.' })
  @Column({ type: 'uuid', nullable: true })
  enterpriseId: string | null;

  @Field(() => UUIDScalar, { nullable: true, description: '事故类别标识。The GB 6441-1986 kind of accident; null when not classified (natural disasters).' })
  @Column({ type: 'uuid', nullable: true })
  categoryId: string | null;

  @Field({ description: '灾情类型。The incident\'s type when the figures were last refreshed (ROAD_TRAFFIC and FIRE have the shorter re-grading window).' })
  @Column({ type: 'text' })
  incidentType: string;

  @Field(() => DateTimeScalar, { description: '发生时间。When the accident happened (the incident\'s time, copied when refreshed).' })
  @Column({ type: 'timestamptz' })
  occurredAt: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: '单位上报时间。When the unit reported the accident to the county (单位负责人→县级应急管理部门), when recorded.' })
  @Column({ type: 'timestamptz', nullable: true })
  unitReportedAt: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: '首报时间。The first report: the earlier of the incident\'s initial damage report and the unit\'s recorded report to the county; null when neither exists.' })
  @Column({ type: 'timestamptz', nullable: true })
  firstReportedAt: Date | null;

  @Field(() => Int, { nullable: true, description: '报告用时（分钟）。Whole minutes from the accident to the first report; null before any report.' })
  @Column({ type: 'int', nullable: true })
  reportDelayMinutes: number | null;

  @Field(() => Boolean, { nullable: true, description: '是否迟报。True when the first report came more than the rule\'s minutes (60) after the accident (60 minutes is on time, 61 late); null before any report.' })
  @Column({ type: 'boolean', nullable: true })
  reportedLate: boolean | null;

  @Field(() => Int, { description: '死亡人数。Deaths the grade counts.' })
  @Column({ type: 'int', default: 0 })
  deaths: number;

  @Field(() => Int, { description: '重伤人数。Serious injuries (acute industrial poisoning included) the grade counts.' })
  @Column({ type: 'int', default: 0 })
  seriouslyInjured: number;

  @Field(() => DecimalScalar, { description: '直接经济损失（元）。Direct economic loss the grade counts, in yuan.' })
  @Column({ type: 'numeric', precision: 14, scale: 2, default: 0 })
  directLossYuan: string;

  @Field(() => UUIDScalar, { nullable: true, description: '定级依据报告标识。The damage report the loss was taken from (the verified one, else the latest); null before any report.' })
  @Column({ type: 'uuid', nullable: true })
  basisReportId: string | null;

  @Field(() => AccidentGradeBasis, { nullable: true, description: '定级依据。VERIFIED when from the verified report (核报), PROVISIONAL otherwise; null before any report or for a natural disaster.' })
  @Column({ type: 'text', nullable: true })
  gradeBasis: AccidentGradeBasis | null;

  @Field(() => AccidentGrade, { nullable: true, description: '事故等级。The grade by Order 493 art. 3 from the figures, stored with its rule version when refreshed; null before any report or for a natural disaster.' })
  @Column({ type: 'text', nullable: true })
  grade: AccidentGrade | null;

  @Field(() => UUIDScalar, { nullable: true, description: '等级规则版本标识。The version of enforcement.accident-grades the grade was computed with.' })
  @Column({ type: 'uuid', nullable: true })
  gradeRuleVersionId: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: '重新定级截止时间。Casualty changes reported until this instant re-grade (30 days after the accident, 7 for road traffic and fire); later ones do not change the casualties the grade counts.' })
  @Column({ type: 'timestamptz', nullable: true })
  regradeWindowEndsAt: Date | null;

  @Field(() => Int, { description: '已计入报告数。How many damage reports of the incident the figures were last refreshed from (a later report refreshes them).' })
  @Column({ type: 'int', default: 0 })
  reportsCounted: number;

  @Field(() => DateTimeScalar, { description: '数据刷新时间。When the figures were last refreshed from the damage reports.' })
  @Column({ type: 'timestamptz' })
  figuresRefreshedAt: Date;

  @Field(() => AccidentInvestigationStatus, { description: '状态。Where the investigation stands.' })
  @Column({ type: 'text' })
  status: AccidentInvestigationStatus;

  @Field(() => UUIDScalar, { description: '时限规则版本标识。The version of enforcement.accident-investigation-clocks in force on the accident day; the investigation keeps it.' })
  @Column({ type: 'uuid' })
  clockRuleVersionId: string;

  @Field(() => LocalDateScalar, { description: '调查报告期限。The day the report is due: the accident day + 60 days (+ the extension).' })
  @Column({ type: 'date' })
  reportDueOn: string;

  @Field(() => Int, { nullable: true, description: '报告延长天数。Days the report was extended by, with approval (once, up to the rule\'s maximum); null when not extended.' })
  @Column({ type: 'int', nullable: true })
  reportExtensionDays: number | null;

  @Field(() => String, { nullable: true, description: '报告延长理由。Why and on whose approval the report was extended.' })
  @Column({ type: 'text', nullable: true })
  reportExtensionReason: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: '报告提交日期。The day the investigation report was submitted.' })
  @Column({ type: 'date', nullable: true })
  reportSubmittedOn: string | null;

  @Field(() => String, { nullable: true, description: '调查报告摘要。The report\'s findings in brief (cause, nature, responsibility, proposals).' })
  @Column({ type: 'text', nullable: true })
  reportSummary: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: '批复期限。The day the reply (批复) is due: report day + 15 days (特别重大 30, + the extension).' })
  @Column({ type: 'date', nullable: true })
  replyDueOn: string | null;

  @Field(() => Int, { nullable: true, description: '批复延长天数。Days the reply of an extraordinarily serious accident was extended by (once).' })
  @Column({ type: 'int', nullable: true })
  replyExtensionDays: number | null;

  @Field(() => String, { nullable: true, description: '批复延长理由。Why the reply was extended.' })
  @Column({ type: 'text', nullable: true })
  replyExtensionReason: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: '批复日期。The day the government replied.' })
  @Column({ type: 'date', nullable: true })
  repliedOn: string | null;

  @Field(() => String, { nullable: true, description: '批复文号。The reply\'s document number.' })
  @Column({ type: 'text', nullable: true })
  replyReference: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: '结案日期。The day it was closed.' })
  @Column({ type: 'date', nullable: true })
  closedOn: string | null;
}

/** 调查组成员: one member of an investigation team. */
@ObjectType({ implements: Node, description: '调查组成员。A member of an accident investigation team and the body they represent (Order 493 art. 22).' })
@ReadByColumnSelection()
@Entity('accident_team_member')
@Index('accident_team_member_page_idx', ['investigationId', 'position'])
export class AccidentTeamMember extends BaseRecord {
  @Field(() => UUIDScalar, { description: '调查标识。The investigation.' })
  @Column({ type: 'uuid' })
  investigationId: string;

  @Field(() => Int, { description: '序号。Place in the team list (1, 2, …).' })
  @Column({ type: 'int' })
  position: number;

  @Field(() => AccidentTeamRole, { description: '成员单位类别。The body the member represents.' })
  @Column({ type: 'text' })
  role: AccidentTeamRole;

  @Field({ description: '姓名。The member\'s name as on the team list.' })
  @Column({ type: 'text' })
  name: string;

  @Field(() => UUIDScalar, { nullable: true, description: '所在单位标识。The member\'s organization in the directory, when it is one.' })
  @Column({ type: 'uuid', nullable: true })
  organizationId: string | null;

  @Field(() => UUIDScalar, { nullable: true, description: '人员标识。The member as a directory person, when one.' })
  @Column({ type: 'uuid', nullable: true })
  personId: string | null;

  @Field({ description: '组长。True for the team leader (at most one).' })
  @Column({ type: 'boolean', default: false })
  leader: boolean;
}

/** 四不放过: one of the four items, with its status and evidence. */
@ObjectType({ implements: Node, description: '四不放过事项。One of the four items of an investigation (原因、责任人员、整改措施、教育), its status and evidence (documents and attachments).' })
@ReadByColumnSelection()
@Entity('accident_four_not_spared')
@Index('accident_four_not_spared_page_idx', ['investigationId', 'position'])
export class AccidentFourNotSpared extends BaseRecord {
  @Field(() => UUIDScalar, { description: '调查标识。The investigation.' })
  @Column({ type: 'uuid' })
  investigationId: string;

  @Field(() => Int, { description: '序号。1 to 4, in the traditional order.' })
  @Column({ type: 'int' })
  position: number;

  @Field(() => FourNotSparedItem, { description: '事项。Which item.' })
  @Column({ type: 'text' })
  item: FourNotSparedItem;

  @Field(() => FourNotSparedStatus, { description: '状态。OPEN or DONE.' })
  @Column({ type: 'text' })
  status: FourNotSparedStatus;

  @Field(() => String, { nullable: true, description: '说明。What was done and where it is recorded.' })
  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Field(() => [UUIDScalar], { description: '证明文书标识。Enforcement documents that evidence the item (e.g. a penalty decision for 责任人员未处理).' })
  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  evidenceDocumentIds: string[];

  @Field(() => LocalDateScalar, { nullable: true, description: '落实日期。The day it was marked DONE.' })
  @Column({ type: 'date', nullable: true })
  doneOn: string | null;
}

/** 一案双查: a finding against a body that approved or supervised the unit (安全生产法 第八十七条). */
@ObjectType({ implements: Node, description: '一案双查发现。A finding of the investigation against the body that approved or supervised the unit (安全生产法 第八十七条), with its responsibility and an optional penalty case.' })
@ReadByColumnSelection()
@Entity('accident_oversight_finding')
@Index('accident_oversight_finding_page_idx', ['investigationId', 'createdAt', 'id'])
export class AccidentOversightFinding extends BaseRecord {
  @Field(() => UUIDScalar, { description: '调查标识。The investigation.' })
  @Column({ type: 'uuid' })
  investigationId: string;

  @Field(() => OversightBodyRole, { description: '对象类别。APPROVING or SUPERVISING.' })
  @Column({ type: 'text' })
  bodyRole: OversightBodyRole;

  @Field(() => UUIDScalar, { description: '被查单位标识。The approving or supervising body.' })
  @Column({ type: 'uuid' })
  organizationId: string;

  @Field({ description: '问题。What the body failed to do.' })
  @Column({ type: 'text' })
  finding: string;

  @Field({ description: '责任认定。The responsibility found and the proposed handling.' })
  @Column({ type: 'text' })
  responsibility: string;

  @Field(() => UUIDScalar, { nullable: true, description: '处罚案件标识。A penalty case opened on it, when one.' })
  @Column({ type: 'uuid', nullable: true })
  penaltyCaseId: string | null;
}

/** 整改措施: a follow-up measure of the investigation. */
@ObjectType({ implements: Node, description: '整改措施。A follow-up measure the investigation calls for: the responsible organization, its due day, done and verified.' })
@ReadByColumnSelection()
@Entity('accident_measure')
@Index('accident_measure_page_idx', ['investigationId', 'dueOn', 'id'])
export class AccidentMeasure extends BaseRecord {
  @Field(() => UUIDScalar, { description: '调查标识。The investigation.' })
  @Column({ type: 'uuid' })
  investigationId: string;

  @Field({ description: '措施。What is to be done.' })
  @Column({ type: 'text' })
  measure: string;

  @Field(() => UUIDScalar, { description: '责任单位标识。The organization responsible.' })
  @Column({ type: 'uuid' })
  responsibleOrganizationId: string;

  @Field(() => LocalDateScalar, { description: '完成期限。The day it is due.' })
  @Column({ type: 'date' })
  dueOn: string;

  @Field(() => AccidentMeasureStatus, { description: '状态。OPEN, DONE or VERIFIED.' })
  @Column({ type: 'text' })
  status: AccidentMeasureStatus;

  @Field(() => LocalDateScalar, { nullable: true, description: '完成日期。The day it was done.' })
  @Column({ type: 'date', nullable: true })
  doneOn: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: '核查日期。The day the investigators verified it.' })
  @Column({ type: 'date', nullable: true })
  verifiedOn: string | null;

  @Field(() => String, { nullable: true, description: '说明。How it was done or verified.' })
  @Column({ type: 'text', nullable: true })
  note: string | null;
}
