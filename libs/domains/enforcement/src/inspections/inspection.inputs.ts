import { ArgsType, Field, InputType } from 'type-graphql';
import { ArrayMaxSize, IsBoolean, IsEnum, IsOptional, IsUUID, Length, Matches, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { FilterField, ListFilter, LocalDateScalar, OrderByField, PageArgs, UUIDScalar, Versioned, type OrderInput } from '@platform/core';
import { HazardCategory } from '@domains/risk';
import { ChecklistResult, HazardousWorkKind, InspectionFindingSeverity, InspectionKind, InspectionStatus, PermitCheckResult, PrincipalDuty } from './inspection.enums';
import { InspectionOrder } from './inspection.orders';

/** The most inspectors one inspection names. */
export const MAX_INSPECTORS = 10;

@InputType({ description: '行政检查筛选。Filters for inspections; all given filters must match.' })
export class InspectionFilter extends ListFilter {
  @Field(() => UUIDScalar, { nullable: true, description: '被检查企业。Only inspections of this enterprise.' })
  @IsOptional()
  @IsUUID()
  enterpriseId?: string;

  @Field(() => UUIDScalar, { nullable: true, description: '执法主体。Only inspections by this legal subject.' })
  @IsOptional()
  @IsUUID()
  subjectId?: string;

  @Field(() => UUIDScalar, { nullable: true, description: '所属子树。Only inspections of enterprises in this organization\'s subtree (a village, a grid).' })
  @IsOptional()
  @IsUUID()
  withinSubtreeOf?: string;

  @Field(() => [InspectionStatus], { nullable: true, description: '状态。Only these statuses.' })
  @IsOptional()
  @ArrayMaxSize(8)
  @IsEnum(InspectionStatus, { each: true })
  statuses?: InspectionStatus[];

  @Field(() => [InspectionKind], { nullable: true, description: '检查类别。Only these kinds.' })
  @IsOptional()
  @ArrayMaxSize(3)
  @IsEnum(InspectionKind, { each: true })
  kinds?: InspectionKind[];

  @Field(() => LocalDateScalar, { nullable: true, description: '计划起始日。Only inspections planned on or after this day.' })
  @IsOptional()
  plannedFrom?: string;

  @Field(() => LocalDateScalar, { nullable: true, description: '计划截止日。Only inspections planned on or before this day.' })
  @IsOptional()
  plannedTo?: string;

  @Field(() => Boolean, { nullable: true, description: '复查逾期。Only inspections whose re-inspection is overdue (ordered to rectify, not re-inspected, due before today) (true), or only the others (false).' })
  @IsOptional()
  @IsBoolean()
  reinspectionOverdue?: boolean;

  @Field(() => Boolean, { nullable: true, description: '拟立案。Only inspections marked for a case (true), or only the others (false).' })
  @IsOptional()
  @IsBoolean()
  forCase?: boolean;

  @Field(() => String, { nullable: true, description: '检查编码。Only the inspection with this code.' })
  @IsOptional()
  @Length(1, 40)
  code?: string;
}

@ArgsType()
export class InspectionListArgs extends PageArgs {
  @FilterField(() => InspectionFilter, '筛选条件。Which inspections to list.')
  filter?: InspectionFilter;

  @OrderByField(InspectionOrder, 'latest planned first')
  orderBy?: OrderInput<keyof typeof InspectionOrder.Field>[];
}

@InputType({ description: '计划行政检查。Plans an inspection (DRAFT): who inspects whom, under which item, on which day.' })
export class PlanInspectionInput {
  @Field(() => UUIDScalar, { description: '执法事项标识。An INSPECTION item of the legal subject\'s list in force on the planned day.' })
  @IsUUID()
  enforcementItemId: string;

  @Field(() => UUIDScalar, { description: '执法主体标识。The legal subject: the organization responsible for the item (the town government for the town\'s items).' })
  @IsUUID()
  legalSubjectId: string;

  @Field(() => UUIDScalar, { description: '被检查企业标识。An enterprise in your scope.' })
  @IsUUID()
  enterpriseId: string;

  @Field(() => InspectionKind, { description: '检查类别。ROUTINE, CASE or SPECIAL.' })
  @IsEnum(InspectionKind)
  kind: InspectionKind;

  @Field(() => LocalDateScalar, { description: '计划检查日期。The planned day of the visit (today or later, or earlier for a record made after the fact).' })
  plannedOn: string;

  @Field(() => [UUIDScalar], { description: '检查人员。Two or more distinct persons (at most 10), each with an enforcement certificate for the legal subject valid on the planned day.' })
  @ArrayMaxSize(MAX_INSPECTORS)
  @IsUUID('all', { each: true })
  inspectorPersonIds: string[];

  @Field({ description: '检查事项。What is to be inspected and why (2–2000 characters).' })
  @Length(2, 2000)
  purpose: string;
}

@InputType({ description: '修改行政检查详情。The fields of a DRAFT inspection to change; those left out stay.' })
export class InspectionChanges {
  @Field(() => InspectionKind, { nullable: true, description: '检查类别。ROUTINE, CASE or SPECIAL.' })
  @IsOptional()
  @IsEnum(InspectionKind)
  kind?: InspectionKind;

  @Field(() => LocalDateScalar, { nullable: true, description: '计划检查日期。A new planned day: the item, certificates and frequency cap are checked again for it.' })
  @IsOptional()
  plannedOn?: string;

  @Field(() => [UUIDScalar], { nullable: true, description: '检查人员。The inspectors (two or more, at most 10), checked again.' })
  @IsOptional()
  @ArrayMaxSize(MAX_INSPECTORS)
  @IsUUID('all', { each: true })
  inspectorPersonIds?: string[];

  @Field(() => String, { nullable: true, description: '检查事项。What is to be inspected and why (2–2000 characters).' })
  @IsOptional()
  @Length(2, 2000)
  purpose?: string;
}

@InputType({ description: '修改行政检查。Changes a DRAFT inspection; needs the version you read.' })
export class UpdateInspectionInput extends Versioned(InspectionChanges) {}

@InputType({ description: '检查步骤详情。The day and a note of a step.' })
export class InspectionStepDetails {
  @Field(() => LocalDateScalar, { nullable: true, description: '日期。The day of the step (default today; not in the future).' })
  @IsOptional()
  on?: string;
}

@InputType({ description: '检查步骤。A step of an inspection (submit, approve, close); needs the version you read.' })
export class InspectionStepInput extends Versioned(InspectionStepDetails) {}

@InputType({ description: '检查步骤及理由详情。The day and the reason of a step that needs one.' })
export class InspectionReasonDetails {
  @Field(() => LocalDateScalar, { nullable: true, description: '日期。The day of the step (default today; not in the future).' })
  @IsOptional()
  on?: string;

  @Field({ description: '理由。Why (2–1000 characters).' })
  @Length(2, 1000)
  reason: string;
}

@InputType({ description: '检查步骤及理由。Sends an inspection back or cancels it, with the reason; needs the version you read.' })
export class InspectionReasonInput extends Versioned(InspectionReasonDetails) {}

@InputType({ description: '检查表条目。How one duty of the principal was found.' })
export class ChecklistItemInput {
  @Field(() => PrincipalDuty, { description: '职责。The duty (each of the seven exactly once).' })
  @IsEnum(PrincipalDuty)
  duty: PrincipalDuty;

  @Field(() => ChecklistResult, { description: '检查结论。COMPLIANT, NON_COMPLIANT or NOT_APPLICABLE.' })
  @IsEnum(ChecklistResult)
  result: ChecklistResult;

  @Field(() => String, { nullable: true, description: '说明。What was seen (at most 1000 characters).' })
  @IsOptional()
  @Length(1, 1000)
  note?: string;
}

@InputType({ description: '特种作业证核查。A special-operation certificate seen at the visit.' })
export class CertificateCheckInput {
  @Field(() => UUIDScalar, { description: '特种作业操作证标识。A certificate held by a worker of the inspected enterprise; its status on the visit day is recorded.' })
  @IsUUID()
  specialOperationCertificateId: string;

  @Field(() => String, { nullable: true, description: '说明。What the holder was doing (at most 500 characters).' })
  @IsOptional()
  @Length(1, 500)
  note?: string;
}

@InputType({ description: '作业票检查。A hazardous-work permit checked at the visit.' })
export class PermitCheckInput {
  @Field(() => HazardousWorkKind, { description: '作业类别。The kind of hazardous work.' })
  @IsEnum(HazardousWorkKind)
  kind: HazardousWorkKind;

  @Field(() => String, { nullable: true, description: '作业票编号。The permit\'s number (1–60 characters); left out exactly when the result is MISSING.' })
  @IsOptional()
  @Length(1, 60)
  permitNumber?: string;

  @Field(() => PermitCheckResult, { description: '检查结论。VALID, INVALID or MISSING.' })
  @IsEnum(PermitCheckResult)
  result: PermitCheckResult;

  @Field(() => String, { nullable: true, description: '说明。What was wrong (at most 500 characters).' })
  @IsOptional()
  @Length(1, 500)
  note?: string;
}

@InputType({ description: '检查发现问题。A finding of the visit.' })
export class FindingInput {
  @Field({ description: '问题描述。What is wrong (2–1000 characters).' })
  @Length(2, 1000)
  description: string;

  @Field(() => PrincipalDuty, { nullable: true, description: '对应职责。The checklist duty it concerns.' })
  @IsOptional()
  @IsEnum(PrincipalDuty)
  checklistDuty?: PrincipalDuty;

  @Field(() => [UUIDScalar], { nullable: true, description: '违反条款。Articles of the law catalog it breaks (at most 10), each in force on the visit day.' })
  @IsOptional()
  @ArrayMaxSize(10)
  @IsUUID('all', { each: true })
  lawArticleIds?: string[];

  @Field(() => InspectionFindingSeverity, { description: '问题性质。GENERAL or MAJOR (重大事故隐患).' })
  @IsEnum(InspectionFindingSeverity)
  severity: InspectionFindingSeverity;

  @Field({ description: '需要整改。True when the order to rectify is to cover it.' })
  @IsBoolean()
  rectificationRequired: boolean;

  @Field(() => HazardCategory, { nullable: true, description: '上报隐患类别。Raises a hazard of this category at the enterprise in the risk module (source INSPECTION), in the same transaction; leave out when it raises none.' })
  @IsOptional()
  @IsEnum(HazardCategory)
  hazardCategory?: HazardCategory;

  @Field(() => String, { nullable: true, description: '立案理由。Marks the inspection for a case, with the reason (2–1000 characters); leave out when it calls for none.' })
  @IsOptional()
  @Length(2, 1000)
  caseReason?: string;
}

@InputType({ description: '记录现场检查详情。The visit: its day, who signed for the enterprise, the checklist, certificates, permits and findings.' })
export class InspectionVisitDetails {
  @Field(() => LocalDateScalar, { nullable: true, description: '检查日期。The day of the visit (default today; not in the future, not before the approval).' })
  @IsOptional()
  visitedOn?: string;

  @Field({ description: '检查时间（起止）。When the inspectors were on site that day, e.g. 9时30分至11时10分 (2–40 characters).' })
  @Length(2, 40)
  visitTime: string;

  @Field({ description: '被检查单位签字人。The name of the enterprise\'s head or person in charge who signed the field record (安全生产法 第六十八条; 2–40 characters).' })
  @Length(2, 40)
  unitSignatoryName: string;

  @Field(() => String, { nullable: true, description: '检查情况。What was seen, in a few sentences (at most 2000 characters).' })
  @IsOptional()
  @Length(1, 2000)
  summary?: string;

  @Field(() => [ChecklistItemInput], { description: '检查表。The principal\'s seven duties, each exactly once.' })
  @ArrayMaxSize(7)
  @ValidateNested({ each: true })
  @Type(() => ChecklistItemInput)
  checklist: ChecklistItemInput[];

  @Field(() => [CertificateCheckInput], { nullable: true, description: '特种作业证核查。The special-operation certificates seen (at most 50); an expired, revoked or overdue one becomes a finding.' })
  @IsOptional()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => CertificateCheckInput)
  certificateChecks?: CertificateCheckInput[];

  @Field(() => [PermitCheckInput], { nullable: true, description: '作业票检查。The hazardous-work permits checked (at most 30).' })
  @IsOptional()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => PermitCheckInput)
  permitChecks?: PermitCheckInput[];

  @Field(() => [FindingInput], { nullable: true, description: '发现问题。The findings (at most 50).' })
  @IsOptional()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => FindingInput)
  findings?: FindingInput[];
}

@InputType({ description: '记录现场检查。Records the visit of an APPROVED inspection; needs the version you read.' })
export class RecordInspectionVisitInput extends Versioned(InspectionVisitDetails) {}

@InputType({ description: '责令限期整改详情。The order to rectify.' })
export class RectificationOrderDetails {
  @Field(() => LocalDateScalar, { nullable: true, description: '下达日期。The day of the order (default today; not in the future, not before the visit).' })
  @IsOptional()
  orderedOn?: string;

  @Field(() => LocalDateScalar, { description: '整改期限。The deadline, after the order day.' })
  deadline: string;
}

@InputType({ description: '责令限期整改。Orders the findings that require it rectified by a deadline; needs the version you read.' })
export class OrderInspectionRectificationInput extends Versioned(RectificationOrderDetails) {}

@InputType({ description: '整改复查详情。The re-inspection.' })
export class ReinspectionDetails {
  @Field(() => LocalDateScalar, { nullable: true, description: '复查日期。The day of the re-inspection (default today; not in the future, not before the order).' })
  @IsOptional()
  reinspectedOn?: string;

  @Field({ description: '是否整改到位。True when the findings are rectified; false marks the inspection for a case.' })
  @IsBoolean()
  rectified: boolean;

  @Field({ description: '复查意见。The opinion, as on the 整改复查意见书 (2–2000 characters).' })
  @Length(2, 2000)
  opinion: string;
}

@InputType({ description: '整改复查。Records the re-inspection of an inspection ordered to rectify; needs the version you read.' })
export class RecordInspectionReinspectionInput extends Versioned(ReinspectionDetails) {}

/** An inspection code as shown (`NPJC-2026-0012`). */
export const INSPECTION_CODE = /^[A-Z]{2,8}-\d{4}-\d{4,}$/;

@ArgsType()
export class InspectionByCodeArgs {
  @Field({ description: '检查编码。The code, e.g. NPJC-2026-0012.' })
  @Matches(INSPECTION_CODE)
  code: string;
}
