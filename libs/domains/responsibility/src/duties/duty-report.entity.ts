import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { BaseRecord, DateTimeScalar, LocalDateScalar, Node, PrincipalKind, ReadByColumnSelection, UUIDScalar, type Principal } from '@platform/core';
import { DutyReportStatus } from './duty.enums';

/**
 * A duty report (述职报告) of an official over a period: a draft generated from the ledger (their duty
 * actions, the key tasks they completed, the hazards closed in their organization's subtree), edited,
 * then submitted and immutable. It keeps the ids it was generated from.
 */
@ObjectType({ implements: Node, description: '述职报告。An official\'s report on performing their safety duties over a period: generated as a draft from the ledger (duty actions, key tasks completed, hazards closed), edited, then submitted and immutable.' })
@ReadByColumnSelection()
@Entity('duty_report')
@Index('duty_report_official_idx', ['personId', 'periodTo', 'id'])
export class DutyReport extends BaseRecord {
  @Field(() => UUIDScalar, { description: '述职人标识。The official (a person) reporting.' })
  @Column({ type: 'uuid' })
  personId: string;

  @Field(() => UUIDScalar, { description: '任职单位标识。The organization of the official\'s position; scope is measured from it.' })
  @Column({ type: 'uuid' })
  organizationId: string;

  @Field({ description: '职务。The official\'s position there when the report was generated.' })
  @Column({ type: 'text' })
  positionTitle: string;

  @Field(() => LocalDateScalar, { description: '述职期间起。The first day of the period reported on.' })
  @Column({ type: 'date' })
  periodFrom: string;

  @Field(() => LocalDateScalar, { description: '述职期间止。The last day of the period reported on (included).' })
  @Column({ type: 'date' })
  periodTo: string;

  @Field({ description: '标题。The report\'s title, e.g. 2025年度安全生产述职报告.' })
  @Column({ type: 'text' })
  title: string;

  @Field({ description: '报告正文。The report\'s text: generated from the ledger, then edited by the official.' })
  @Column({ type: 'text' })
  text: string;

  @Field(() => DutyReportStatus, { description: '状态。Draft or submitted.' })
  @Column({ type: 'text' })
  status: DutyReportStatus;

  @Field(() => DateTimeScalar, { description: '生成时间。When the draft was generated from the ledger.' })
  @Column({ type: 'timestamptz' })
  generatedAt: Date;

  @Field(() => [UUIDScalar], { description: '履职记录标识。The duty actions in the period the draft was generated from.' })
  @Column({ type: 'uuid', array: true })
  actionIds: string[];

  @Field(() => [UUIDScalar], { description: '完成任务标识。The key tasks owned by the official and completed in the period, as the draft counted them.' })
  @Column({ type: 'uuid', array: true })
  keyTaskIds: string[];

  @Field(() => [UUIDScalar], { description: '销号隐患标识。The hazards closed in the period in the organization\'s subtree (within the generating user\'s scope), as the draft counted them.' })
  @Column({ type: 'uuid', array: true })
  hazardIds: string[];

  @Field(() => LocalDateScalar, { description: '提交期限。The day by which the report is due: the working days after the period\'s end that the rule version kept says.' })
  @Column({ type: 'date' })
  dueOn: string;

  @Field(() => UUIDScalar, { description: '期限规则版本。The version of the rule responsibility.duty-report.deadline in force when the draft was generated; the report keeps it.' })
  @Column({ type: 'uuid' })
  deadlineRuleVersionId: string;

  @Field(() => DateTimeScalar, { nullable: true, description: '提交时间。When it was submitted; null for a draft.' })
  @Column({ type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  @Field(() => PrincipalKind, { nullable: true, description: '提交操作者类型。Who submitted it: USER, API_CLIENT or SYSTEM (the seed); null for a draft.' })
  @Column({ type: 'text', nullable: true })
  submittedByKind: Principal['kind'] | null;

  @Field(() => UUIDScalar, { nullable: true, description: '提交操作者标识。The user account or API client that submitted it.' })
  @Column({ type: 'uuid', nullable: true })
  submittedById: string | null;
}
