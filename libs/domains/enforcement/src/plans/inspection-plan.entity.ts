import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { BaseRecord, DateTimeScalar, LocalDateScalar, Node, PrincipalKind, ReadByColumnSelection, UUIDScalar, type Principal } from '@platform/core';
import { EnterpriseClass, InspectionPlanStatus } from './plan.enums';

/**
 * An annual inspection plan (年度监督检查计划, 安全生产法 第六十二条) of a legal subject for a year: the
 * inputs of the 安监总政法〔2017〕150号 calculator, what it computed when the plan was last saved (the
 * legal working days from the kernel calendar, the entry figures), the rule versions it applied, and
 * its approval. Approved plans are not edited; a revision replaces one.
 */
@ObjectType({ implements: Node, description: '年度监督检查计划。A legal subject\'s annual inspection plan: its period, certified inspectors and other working days, the calculator (安监总政法〔2017〕150号) with its figures, the key and ordinary enterprise lists, and its approval.' })
@ReadByColumnSelection()
@Entity('inspection_plan')
@Index('inspection_plan_revision_idx', ['organizationId', 'year', 'revision'], { unique: true })
export class InspectionPlan extends BaseRecord {
  @Field(() => UUIDScalar, { description: '执法主体标识。The legal subject whose plan it is (the town government, or a department of it acting as an entrusted body); scope is measured from it.' })
  @Column({ type: 'uuid' })
  organizationId: string;

  @Field(() => Int, { description: '年度。The year the plan is for.' })
  @Column({ type: 'int' })
  year: number;

  @Field(() => Int, { description: '版次。1 for the year\'s first plan, 2 for its first revision, and so on.' })
  @Column({ type: 'int' })
  revision: number;

  @Field(() => UUIDScalar, { nullable: true, description: '上一版标识。The approved plan this one revises; null for a first plan.' })
  @Column({ type: 'uuid', nullable: true })
  previousId: string | null;

  @Field({ description: '标题。The plan\'s title, e.g. 南平镇2026年度安全生产监督检查计划.' })
  @Column({ type: 'text' })
  title: string;

  @Field(() => InspectionPlanStatus, { description: '状态。Draft, approved (in force, no longer edited) or superseded by an approved revision.' })
  @Column({ type: 'text' })
  status: InspectionPlanStatus;

  @Field(() => LocalDateScalar, { description: '计划期间起。The period\'s first day (in the plan\'s year; default 1 January).' })
  @Column({ type: 'date' })
  periodFrom: string;

  @Field(() => LocalDateScalar, { description: '计划期间止。The period\'s last day (in the plan\'s year; default 31 December).' })
  @Column({ type: 'date' })
  periodTo: string;

  @Field(() => Int, { description: '持证执法人员数。Inspectors holding a valid enforcement certificate for the legal subject (执法人数 of the formula).' })
  @Column({ type: 'int' })
  certifiedInspectors: number;

  @Field(() => Int, { description: '其他执法工作日。Inspector working days spent on other enforcement (cases, special campaigns, complaints) in the period.' })
  @Column({ type: 'int' })
  otherEnforcementDays: number;

  @Field(() => Int, { description: '非执法工作日。Inspector working days spent on anything but enforcement (training, meetings, leave, duty) in the period.' })
  @Column({ type: 'int' })
  nonEnforcementDays: number;

  @Field(() => Float, { nullable: true, description: '重点企业每次检查工作日（本计划设定）。The plan\'s own working days per inspection of a key enterprise (in half days); null: those of rule enforcement.inspection-workload (see `calculation`).' })
  @Column({ type: 'double precision', nullable: true })
  keyInspectionDays: number | null;

  @Field(() => Float, { nullable: true, description: '一般企业每次检查工作日（本计划设定）。The plan\'s own working days per inspection of an ordinary enterprise (in half days); null: those of rule enforcement.inspection-workload.' })
  @Column({ type: 'double precision', nullable: true })
  ordinaryInspectionDays: number | null;

  @Field(() => UUIDScalar, { description: '工作日测算规则版本标识。The version of rule enforcement.inspection-workload in force on the period\'s last day when the plan was last saved.' })
  @Column({ type: 'uuid' })
  workloadRuleVersionId: string;

  @Field(() => UUIDScalar, { description: '检查频次上限规则版本标识。The version of rule enforcement.inspection-frequency in force on the period\'s last day when the plan was last saved: the yearly caps its entries are checked against.' })
  @Column({ type: 'uuid' })
  frequencyRuleVersionId: string;

  @Field(() => String, { nullable: true, description: '说明。Notes on the plan, e.g. the basis of the other and non-enforcement days.' })
  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: '批准时间。When the plan was approved; null for a draft.' })
  @Column({ type: 'timestamptz', nullable: true })
  approvedAt: Date | null;

  @Field(() => PrincipalKind, { nullable: true, description: '批准操作者类型。Who recorded the approval: USER, API_CLIENT or SYSTEM (the seed); null for a draft.' })
  @Column({ type: 'text', nullable: true })
  approvedByKind: Principal['kind'] | null;

  /** The user or API client that approved it (see `approvedBy`). */
  @Column({ type: 'uuid', nullable: true })
  approvedById: string | null;

  @Field(() => String, { nullable: true, description: '批准人。The name of who approved it; null for a draft.' })
  @Column({ type: 'text', nullable: true })
  approvedByName: string | null;

  // What the calculator computed when the plan was last saved (see `calculation`).
  @Column({ type: 'int' })
  legalWorkingDays: number;

  @Column({ type: 'int' })
  inspectionWorkingDays: number;

  @Column({ type: 'double precision' })
  keyInspectionDaysApplied: number;

  @Column({ type: 'double precision' })
  ordinaryInspectionDaysApplied: number;

  @Column({ type: 'int' })
  keyEnterpriseCount: number;

  @Column({ type: 'int' })
  keyInspectionCount: number;

  @Column({ type: 'int' })
  keyEnterprisesCoverable: number;

  @Column({ type: 'int' })
  ordinaryEnterpriseCount: number;

  @Column({ type: 'int' })
  ordinaryInspectionCount: number;
}

/**
 * An enterprise of a plan (监督检查企业名单): key or ordinary as derived from its sector and risk points,
 * or as an officer moved it (with the reason), and the inspections planned for it with their months.
 */
@ObjectType({ implements: Node, description: '检查计划企业。An enterprise of an annual inspection plan: its class (derived from sector and risk, or moved by an officer with a reason) and the inspections planned for it, one month each.' })
@ReadByColumnSelection()
@Entity('inspection_plan_entry')
@Index('inspection_plan_entry_enterprise_idx', ['planId', 'enterpriseId'], { unique: true })
export class InspectionPlanEntry extends BaseRecord {
  @Field(() => UUIDScalar, { description: '计划标识。The plan; the entry\'s scope is the plan\'s.' })
  @Column({ type: 'uuid' })
  planId: string;

  @Field(() => UUIDScalar, { description: '企业标识。The enterprise (an organization of kind ENTERPRISE in the plan\'s territory).' })
  @Column({ type: 'uuid' })
  enterpriseId: string;

  @Field(() => Int, { description: '排序号。The entry\'s place in its class: key enterprises, then ordinary ones, by name when the list was derived.' })
  @Column({ type: 'int' })
  position: number;

  @Field(() => EnterpriseClass, { description: '监管类别。The class in this plan: the derived one, or the one an officer moved the enterprise to.' })
  @Column({ type: 'text' })
  enterpriseClass: EnterpriseClass;

  @Field(() => EnterpriseClass, { description: '推定类别。The class the derivation gives: KEY for a high-risk sector or a risk point graded red or orange, else ORDINARY.' })
  @Column({ type: 'text' })
  derivedClass: EnterpriseClass;

  @Field({ description: '推定依据。Why the derivation gives that class, e.g. 高危行业（燃气）；较大风险点 1 处.' })
  @Column({ type: 'text' })
  derivedReason: string;

  @Field(() => String, { nullable: true, description: '调整理由。The officer\'s reason for a class other than the derived one; null while the entry keeps the derived class.' })
  @Column({ type: 'text', nullable: true })
  reclassificationReason: string | null;

  @Field(() => Int, { description: '计划检查次数。Inspections planned for the year, at most the cap of its class (rule enforcement.inspection-frequency).' })
  @Column({ type: 'int' })
  plannedInspections: number;

  @Field(() => [Int], { description: '计划检查月份。The month (1–12) of each planned inspection, in order; as many as `plannedInspections`.' })
  @Column({ type: 'int', array: true })
  plannedMonths: number[];
}
