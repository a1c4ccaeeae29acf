import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { BaseRecord, Node, ReadByColumnSelection, UUIDScalar } from '@platform/core';
import { HazardCategory } from '@domains/risk';
import { SpecialOperationCertificateStatus } from '../certificates/public';
import { ChecklistResult, HazardousWorkKind, InspectionFindingOrigin, InspectionFindingSeverity, PermitCheckResult, PrincipalDuty } from './inspection.enums';

/*
 * What an inspection's visit records (现场检查记录): the checklist of the principal's seven duties, the
 * special-operation certificates seen, the hazardous-work permits and the findings. Written once, with
 * the visit, and kept as they were: each is in scope when its inspection is.
 */

/** A row of an inspection's visit: the inspection and its place on the field record. */
@ObjectType({ description: '现场检查记录行。A row of an inspection\'s visit (not used as a type by itself).' })
export abstract class InspectionVisitRow extends BaseRecord {
  @Field(() => UUIDScalar, { description: '检查标识。The inspection.' })
  @Column({ type: 'uuid' })
  inspectionId: string;

  @Field(() => Int, { description: '序号。Its place on the field record (1, 2, …; the checklist in the law\'s order).' })
  @Column({ type: 'int' })
  position: number;
}

/** One row of the checklist: a duty of the principal (安全生产法 第二十一条) and how it was found. */
@ObjectType({ implements: Node, description: '检查表条目。One row of an inspection\'s checklist: a duty of the enterprise\'s principal (安全生产法 第二十一条) and how the inspectors found it.' })
@ReadByColumnSelection()
@Entity('inspection_checklist_item')
@Index('inspection_checklist_item_page_idx', ['inspectionId', 'position', 'id'])
export class InspectionChecklistItem extends InspectionVisitRow {
  @Field(() => PrincipalDuty, { description: '职责。The duty checked.' })
  @Column({ type: 'text' })
  duty: PrincipalDuty;

  @Field({ description: '职责内容。The duty in the law\'s words.' })
  @Column({ type: 'text' })
  dutyText: string;

  @Field(() => ChecklistResult, { description: '检查结论。COMPLIANT, NON_COMPLIANT or NOT_APPLICABLE.' })
  @Column({ type: 'text' })
  result: ChecklistResult;

  @Field(() => String, { nullable: true, description: '说明。What was seen (the records, the gaps).' })
  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Field(() => UUIDScalar, { description: '法条标识。The article the duty comes from (安全生产法 2021 第二十一条).' })
  @Column({ type: 'uuid' })
  lawArticleId: string;
}

/** A special-operation certificate (特种作业操作证) of a worker seen at the visit, with its status on the visit day. */
@ObjectType({ implements: Node, description: '特种作业证核查。A special-operation certificate of a worker of the enterprise seen at the visit, with its status on the visit day; an expired, revoked or overdue one became a finding.' })
@ReadByColumnSelection()
@Entity('inspection_certificate_check')
@Index('inspection_certificate_check_page_idx', ['inspectionId', 'position', 'id'])
export class InspectionCertificateCheck extends InspectionVisitRow {
  @Field(() => UUIDScalar, { description: '特种作业操作证标识。The certificate seen.' })
  @Column({ type: 'uuid' })
  specialOperationCertificateId: string;

  @Field(() => SpecialOperationCertificateStatus, { description: '核查状态。Its status on the visit day (VALID, REVIEW_DUE, EXPIRING still count as valid).' })
  @Column({ type: 'text' })
  status: SpecialOperationCertificateStatus;

  @Field({ description: '是否有效。True unless EXPIRED, REVOKED or REVIEW_OVERDUE on the visit day.' })
  @Column({ type: 'boolean' })
  valid: boolean;

  @Field(() => String, { nullable: true, description: '说明。What the inspectors noted (the work the holder was doing).' })
  @Column({ type: 'text', nullable: true })
  note: string | null;
}

/** A hazardous-work permit (作业票) checked at the visit. */
@ObjectType({ implements: Node, description: '作业票检查。A hazardous-work permit (动火、受限空间、高处、临时用电、吊装…) checked at the visit: its number, kind and whether it was valid, invalid or missing.' })
@ReadByColumnSelection()
@Entity('inspection_permit_check')
@Index('inspection_permit_check_page_idx', ['inspectionId', 'position', 'id'])
export class InspectionPermitCheck extends InspectionVisitRow {
  @Field(() => HazardousWorkKind, { description: '作业类别。The kind of hazardous work.' })
  @Column({ type: 'text' })
  kind: HazardousWorkKind;

  @Field(() => String, { nullable: true, description: '作业票编号。The permit\'s number; null when MISSING.' })
  @Column({ type: 'text', nullable: true })
  permitNumber: string | null;

  @Field(() => PermitCheckResult, { description: '检查结论。VALID, INVALID or MISSING.' })
  @Column({ type: 'text' })
  result: PermitCheckResult;

  @Field(() => String, { nullable: true, description: '说明。What was wrong or seen.' })
  @Column({ type: 'text', nullable: true })
  note: string | null;
}

/** A finding of an inspection: what is wrong, the articles it breaks, whether it raises a hazard or marks the inspection for a case. */
@ObjectType({ implements: Node, description: '检查发现问题。A finding of an inspection: what is wrong, the checklist duty and articles it concerns, its severity, whether it must be rectified, the hazard it raised in the risk module and whether it marks the inspection for a case.' })
@ReadByColumnSelection()
@Entity('inspection_finding')
@Index('inspection_finding_page_idx', ['inspectionId', 'position', 'id'])
export class InspectionFinding extends InspectionVisitRow {
  @Field(() => InspectionFindingOrigin, { description: '问题来源。Written by the inspectors, or from a certificate check.' })
  @Column({ type: 'text' })
  origin: InspectionFindingOrigin;

  @Field({ description: '问题描述。What is wrong.' })
  @Column({ type: 'text' })
  description: string;

  @Field(() => PrincipalDuty, { nullable: true, description: '对应职责。The checklist duty it concerns; null when none.' })
  @Column({ type: 'text', nullable: true })
  checklistDuty: PrincipalDuty | null;

  @Field(() => UUIDScalar, { nullable: true, description: '证件核查标识。The certificate check it came from (origin CERTIFICATE_CHECK); null otherwise.' })
  @Column({ type: 'uuid', nullable: true })
  certificateCheckId: string | null;

  @Field(() => [UUIDScalar], { description: '违反条款标识。The articles it breaks, each in force on the visit day.' })
  @Column({ type: 'uuid', array: true })
  lawArticleIds: string[];

  @Field(() => InspectionFindingSeverity, { description: '问题性质。GENERAL or MAJOR (重大事故隐患).' })
  @Column({ type: 'text' })
  severity: InspectionFindingSeverity;

  @Field({ description: '需要整改。True when the order to rectify covers it.' })
  @Column({ type: 'boolean' })
  rectificationRequired: boolean;

  @Field(() => HazardCategory, { nullable: true, description: '隐患类别。The category of the hazard it raised; null when it raised none.' })
  @Column({ type: 'text', nullable: true })
  hazardCategory: HazardCategory | null;

  @Field(() => UUIDScalar, { nullable: true, description: '隐患标识。The hazard it raised in the risk module (source INSPECTION, origin this inspection); null when it raised none.' })
  @Column({ type: 'uuid', nullable: true })
  hazardId: string | null;

  @Field({ description: '拟立案。True when it marks the inspection for a case.' })
  @Column({ type: 'boolean', default: false })
  forCase: boolean;

  @Field(() => String, { nullable: true, description: '立案理由。Why it calls for a case (the article and the facts).' })
  @Column({ type: 'text', nullable: true })
  caseReason: string | null;
}
