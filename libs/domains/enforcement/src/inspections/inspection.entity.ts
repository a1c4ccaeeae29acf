import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { BaseRecord, LocalDateScalar, Node, ReadByColumnSelection, UUIDScalar } from '@platform/core';
import { EnterpriseClass } from '../plans/public';
import { InspectionKind, InspectionStatus } from './inspection.enums';

/**
 * An administrative inspection of an enterprise (行政检查, 国办发〔2024〕54号): by a legal subject under
 * an inspection item of its list in force on the planned day, with two or more certified inspectors,
 * approved before the visit by someone who is not one of them, coded for 扫码入企, counted against the
 * enterprise's yearly frequency cap; the visit's checklist, certificates, permits and findings; the
 * order to rectify and the re-inspection, each with its numbered document.
 */
@ObjectType({ implements: Node, description: '行政检查。An administrative inspection of an enterprise by a legal subject with certified inspectors: approval, the visit (checklist, certificates, permits, findings), the order to rectify and the re-inspection, each with its document; counted against the enterprise\'s yearly frequency cap.' })
@ReadByColumnSelection()
@Entity('inspection')
@Index('inspection_enterprise_idx', ['enterpriseId', 'plannedOn', 'id'])
export class Inspection extends BaseRecord {
  @Field({ description: '检查编码。The inspection code shown for 扫码入企, e.g. NPJC-2026-0012 (the year of the planned day and a number gap-free within it).' })
  @Column({ type: 'text' })
  code: string;

  @Field(() => UUIDScalar, { description: '执法主体标识。The legal subject (执法主体) that inspects: the organization responsible for the enforcement item.' })
  @Column({ type: 'uuid' })
  legalSubjectId: string;

  @Field(() => UUIDScalar, { description: '执法事项标识。The inspection item of the legal subject\'s enforcement item list the inspection was opened under; an open inspection keeps it when a new list takes effect.' })
  @Column({ type: 'uuid' })
  enforcementItemId: string;

  @Field(() => UUIDScalar, { description: '被检查企业标识。The inspected enterprise; scope is measured from it (an enterprise sees its own inspections, a village those of its enterprises).' })
  @Column({ type: 'uuid' })
  enterpriseId: string;

  @Field(() => InspectionKind, { description: '检查类别。ROUTINE, CASE or SPECIAL.' })
  @Column({ type: 'text' })
  kind: InspectionKind;

  @Field({ description: '检查事项。What is to be inspected and why, as on the approval form (行政检查审批表).' })
  @Column({ type: 'text' })
  purpose: string;

  @Field(() => LocalDateScalar, { description: '计划检查日期。The planned day of the visit: the item, the inspectors\' certificates and the frequency cap are checked for it.' })
  @Column({ type: 'date' })
  plannedOn: string;

  @Field(() => [UUIDScalar], { description: '检查人员标识。The inspectors (two or more persons), each holding an enforcement certificate for the legal subject valid on the planned and the visit day.' })
  @Column({ type: 'uuid', array: true })
  inspectorPersonIds: string[];

  @Field(() => InspectionStatus, { description: '状态。Where it stands in its workflow.' })
  @Column({ type: 'text' })
  status: InspectionStatus;

  @Field(() => LocalDateScalar, { nullable: true, description: '提交审批日期。The day it was last submitted for approval.' })
  @Column({ type: 'date', nullable: true })
  submittedOn: string | null;

  @Field(() => UUIDScalar, { nullable: true, description: '审批人标识。The person who approved it (行政检查审批表): one holding the approval permission and not one of its inspectors; null until approved.' })
  @Column({ type: 'uuid', nullable: true })
  approverPersonId: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: '审批日期。The day it was approved.' })
  @Column({ type: 'date', nullable: true })
  approvedOn: string | null;

  @Field(() => String, { nullable: true, description: '退回理由。Why the approval was last refused (back to DRAFT); null when never refused.' })
  @Column({ type: 'text', nullable: true })
  rejectionReason: string | null;

  @Field(() => EnterpriseClass, { nullable: true, description: '企业分类。KEY or ORDINARY as classified when the frequency cap was last checked (planned, then recorded): the year\'s approved plan, else derived from sector and risk.' })
  @Column({ type: 'text', nullable: true })
  enterpriseClass: EnterpriseClass | null;

  @Field(() => Int, { nullable: true, description: '年度检查频次上限。The enterprise\'s yearly cap of inspections (all legal subjects) by its class, from the frequency rule version checked; null when none applied.' })
  @Column({ type: 'int', nullable: true })
  frequencyCap: number | null;

  @Field(() => Int, { nullable: true, description: '重复检查预警天数。Another inspection of the enterprise within this many days is warned of as a repeat; null when no frequency rule applied.' })
  @Column({ type: 'int', nullable: true })
  repeatWindowDays: number | null;

  @Field(() => UUIDScalar, { nullable: true, description: '频次规则版本标识。The version of enforcement.inspection-frequency the cap was last checked with; null when none applied on the day.' })
  @Column({ type: 'uuid', nullable: true })
  frequencyRuleVersionId: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: '检查日期。The day of the visit (现场检查); null until recorded.' })
  @Column({ type: 'date', nullable: true })
  visitedOn: string | null;

  @Field(() => String, { nullable: true, description: '检查时间（起止）。When on the visit day the inspectors were on site, as on the field record, e.g. 9时30分至11时10分; null until recorded.' })
  @Column({ type: 'text', nullable: true })
  visitTime: string | null;

  @Field(() => String, { nullable: true, description: '被检查单位签字人。The name of the enterprise\'s head (or the person in charge on site) who signed the field record with the inspectors (安全生产法 第六十八条).' })
  @Column({ type: 'text', nullable: true })
  unitSignatoryName: string | null;

  @Field(() => String, { nullable: true, description: '检查情况。What the inspectors saw, in a few sentences, as on the field record.' })
  @Column({ type: 'text', nullable: true })
  summary: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: '责令整改日期。The day the order to rectify (责令限期整改指令书) was issued.' })
  @Column({ type: 'date', nullable: true })
  rectificationOrderedOn: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: '整改期限。The deadline of the order to rectify.' })
  @Column({ type: 'date', nullable: true })
  rectificationDeadline: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: '复查期限。The day the re-inspection is due: the deadline plus the days of the re-inspection rule version kept (`ruleVersion`).' })
  @Column({ type: 'date', nullable: true })
  reinspectionDueOn: string | null;

  @Field(() => UUIDScalar, { nullable: true, description: '复查规则版本标识。The version of enforcement.reinspection in force on the order day; the inspection keeps it. Null until rectification is ordered.' })
  @Column({ type: 'uuid', nullable: true })
  ruleVersionId: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: '复查日期。The day of the re-inspection.' })
  @Column({ type: 'date', nullable: true })
  reinspectedOn: string | null;

  @Field(() => Boolean, { nullable: true, description: '是否整改到位。True when the re-inspection found the findings rectified, false when not; null before it.' })
  @Column({ type: 'boolean', nullable: true })
  rectified: boolean | null;

  @Field(() => String, { nullable: true, description: '复查意见。The re-inspection\'s opinion, as on the 整改复查意见书.' })
  @Column({ type: 'text', nullable: true })
  reinspectionOpinion: string | null;

  @Field({ description: '拟立案。True when a finding marks it for a case (or the re-inspection found the order not complied with); the case issue opens cases from these.' })
  @Column({ type: 'boolean', default: false })
  forCase: boolean;

  @Field(() => String, { nullable: true, description: '立案理由。Why it is marked for a case.' })
  @Column({ type: 'text', nullable: true })
  forCaseReason: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: '办结日期。The day it was closed.' })
  @Column({ type: 'date', nullable: true })
  closedOn: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: '取消日期。The day it was cancelled.' })
  @Column({ type: 'date', nullable: true })
  cancelledOn: string | null;

  @Field(() => String, { nullable: true, description: '取消理由。Why it was cancelled.' })
  @Column({ type: 'text', nullable: true })
  cancelReason: string | null;
}
