import { ArgsType, Field, InputType, Int } from 'type-graphql';
import { ArrayMaxSize, ArrayMinSize, IsBoolean, IsEnum, IsInt, IsOptional, IsUUID, Length, Max, Min } from 'class-validator';
import { FilterField, ListFilter, LocalDateScalar, OrderByField, PageArgs, UUIDScalar, Versioned, type OrderInput } from '@platform/core';
import { CaseEvidenceKind, CaseServiceMethod, CriminalIndicator, PenaltyCaseDecision, PenaltyCaseStatus } from './case.enums';
import { PenaltyCaseClockOrder, PenaltyCaseOrder } from './case.orders';

/** The most enforcers one case names. */
export const MAX_ENFORCERS = 10;

@InputType({ description: '行政处罚案件筛选。Filters for penalty cases; all given filters must match.' })
export class PenaltyCaseFilter extends ListFilter {
  @Field(() => UUIDScalar, { nullable: true, description: '当事人单位。Only cases against this enterprise.' })
  @IsOptional()
  @IsUUID()
  enterpriseId?: string;

  @Field(() => [PenaltyCaseStatus], { nullable: true, description: '状态。Only these statuses.' })
  @IsOptional()
  @ArrayMaxSize(10)
  @IsEnum(PenaltyCaseStatus, { each: true })
  statuses?: PenaltyCaseStatus[];

  @Field(() => UUIDScalar, { nullable: true, description: '来源检查。Only cases opened from this inspection.' })
  @IsOptional()
  @IsUUID()
  inspectionId?: string;

  @Field(() => Boolean, { nullable: true, description: '决定超期。Only cases decided after, or still undecided past, their legal decision date (true), or only the others (false).' })
  @IsOptional()
  @IsBoolean()
  decisionLate?: boolean;
}

@ArgsType()
export class PenaltyCaseListArgs extends PageArgs {
  @FilterField(() => PenaltyCaseFilter, '筛选条件。Which cases to list.')
  filter?: PenaltyCaseFilter;

  @OrderByField(PenaltyCaseOrder, 'latest filed first')
  orderBy?: OrderInput<keyof typeof PenaltyCaseOrder.Field>[];
}

@InputType({ description: '案件办理期限筛选。Filters for open cases by days left; all given filters must match.' })
export class PenaltyCaseClockFilter extends ListFilter {
  @Field(() => Int, { nullable: true, description: '剩余天数上限。Only cases with at most this many days left on the legal decision clock (negative: overdue).' })
  @IsOptional()
  @IsInt()
  @Min(-3650)
  @Max(3650)
  maxDaysLeft?: number;

  @Field(() => UUIDScalar, { nullable: true, description: '当事人单位。Only cases against this enterprise.' })
  @IsOptional()
  @IsUUID()
  enterpriseId?: string;
}

@ArgsType()
export class PenaltyCaseClockArgs extends PageArgs {
  @FilterField(() => PenaltyCaseClockFilter, '筛选条件。Which open cases to list.')
  filter?: PenaltyCaseClockFilter;

  @OrderByField(PenaltyCaseClockOrder, 'fewest days left first')
  orderBy?: OrderInput<keyof typeof PenaltyCaseClockOrder.Field>[];
}

@InputType({ description: '立案。Files a penalty case (立案审批表): against whom, under which penalty item, by which enforcers, for what act.' })
export class FilePenaltyCaseInput {
  @Field(() => UUIDScalar, { description: '执法事项标识。A PENALTY item of the legal subject\'s list in force on the filing day.' })
  @IsUUID()
  enforcementItemId: string;

  @Field(() => UUIDScalar, { description: '执法主体标识。The legal subject: the organization responsible for the item.' })
  @IsUUID()
  legalSubjectId: string;

  @Field(() => UUIDScalar, { description: '当事人单位标识。The party enterprise, in your scope.' })
  @IsUUID()
  enterpriseId: string;

  @Field(() => UUIDScalar, { nullable: true, description: '来源检查标识。An inspection of the same enterprise marked for a case (forCase), when the case comes from one.' })
  @IsOptional()
  @IsUUID()
  inspectionId?: string;

  @Field(() => UUIDScalar, { nullable: true, description: '来源事故调查标识。An accident investigation the case is linked to.' })
  @IsOptional()
  @IsUUID()
  accidentInvestigationId?: string;

  @Field({ description: '案由。The cause in a line (2–200 characters).' })
  @Length(2, 200)
  cause: string;

  @Field({ description: '案件基本情况。The facts as known (2–4000 characters).' })
  @Length(2, 4000)
  facts: string;

  @Field(() => LocalDateScalar, { description: '违法行为终了日期。The day the act ended; the limitation runs from it.' })
  actEndedOn: string;

  @Field(() => LocalDateScalar, { nullable: true, description: '立案日期。The filing day (default today; not in the future).' })
  @IsOptional()
  filedOn?: string;

  @Field(() => [UUIDScalar], { description: '承办人。Two or more distinct persons (at most 10), each with an enforcement certificate for the legal subject valid on the filing day.' })
  @ArrayMaxSize(MAX_ENFORCERS)
  @IsUUID('all', { each: true })
  enforcerPersonIds: string[];

  @Field({ description: '涉及生命健康安全。True when the act harmed life or health (limitation 5 years).' })
  @IsBoolean()
  harmToLifeOrHealth: boolean;

  @Field(() => Boolean, { nullable: true, description: '重大复杂案件。True to mark it major or complex (legal review and collective discussion required); default false.' })
  @IsOptional()
  @IsBoolean()
  majorOrComplex?: boolean;

  @Field(() => [CriminalIndicator], { nullable: true, description: '涉嫌犯罪情形。Facts that call for a criminal referral (flags one).' })
  @IsOptional()
  @ArrayMaxSize(6)
  @IsEnum(CriminalIndicator, { each: true })
  criminalIndicators?: CriminalIndicator[];
}

@InputType({ description: '案件步骤详情。The day of a step.' })
export class PenaltyCaseStepDetails {
  @Field(() => LocalDateScalar, { nullable: true, description: '日期。The day of the step (default today; not in the future).' })
  @IsOptional()
  on?: string;
}

@InputType({ description: '案件步骤。A step of a case; needs the version you read.' })
export class PenaltyCaseStepInput extends Versioned(PenaltyCaseStepDetails) {}

@InputType({ description: '案件事由详情。The day and the reason of a step.' })
export class PenaltyCaseReasonDetails extends PenaltyCaseStepDetails {
  @Field({ description: '理由。Why (2–1000 characters).' })
  @Length(2, 1000)
  reason: string;
}

@InputType({ description: '带理由的案件步骤。A step with a reason (suspend, resume); needs the version you read.' })
export class PenaltyCaseReasonInput extends Versioned(PenaltyCaseReasonDetails) {}

@InputType({ description: '回避声明详情。An enforcer\'s declaration of conflict of interest.' })
export class PenaltyCaseRecusalDetails extends PenaltyCaseStepDetails {
  @Field(() => UUIDScalar, { description: '执法人员标识。One of the case\'s enforcers.' })
  @IsUUID()
  personId: string;

  @Field({ description: '是否回避。True when recused (with a reason), false when declaring no conflict.' })
  @IsBoolean()
  recused: boolean;

  @Field(() => String, { nullable: true, description: '回避理由。Required when recused (2–1000 characters).' })
  @IsOptional()
  @Length(2, 1000)
  reason?: string;

  @Field(() => UUIDScalar, { nullable: true, description: '替换人员标识。For a recused enforcer: the certified person who replaces them.' })
  @IsOptional()
  @IsUUID()
  replacementPersonId?: string;
}

@InputType({ description: '回避声明。Records an enforcer\'s declaration (and replacement when recused); needs the case\'s version you read.' })
export class DeclarePenaltyCaseRecusalInput extends Versioned(PenaltyCaseRecusalDetails) {}

@InputType({ description: '登记证据。Adds an evidence item to a case under investigation.' })
export class AddPenaltyCaseEvidenceInput {
  @Field(() => UUIDScalar, { description: '案件标识。The case (FILED or INVESTIGATING).' })
  @IsUUID()
  caseId: string;

  @Field(() => CaseEvidenceKind, { description: '证据种类。One of the eight legal kinds.' })
  @IsEnum(CaseEvidenceKind)
  kind: CaseEvidenceKind;

  @Field({ description: '证据名称。What it is (2–200 characters).' })
  @Length(2, 200)
  title: string;

  @Field(() => String, { nullable: true, description: '证明事项。What it proves (at most 2000 characters).' })
  @IsOptional()
  @Length(1, 2000)
  description?: string;

  @Field(() => LocalDateScalar, { description: '取证日期。The day collected (not in the future, not before filing).' })
  collectedOn: string;

  @Field(() => [UUIDScalar], { description: '取证人。One or more of the case\'s enforcers.' })
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_ENFORCERS)
  @IsUUID('all', { each: true })
  collectorPersonIds: string[];

  @Field(() => [UUIDScalar], { nullable: true, description: '附件。Uploaded files of the evidence (your unclaimed uploads).' })
  @IsOptional()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  attachmentIds?: string[];
}

@InputType({ description: '调查终结详情。The findings of the investigation.' })
export class EndPenaltyCaseInvestigationDetails extends PenaltyCaseStepDetails {
  @Field({ description: '调查终结报告。The findings in a few sentences (2–4000 characters).' })
  @Length(2, 4000)
  summary: string;

  @Field(() => Boolean, { nullable: true, description: '重大复杂案件。Mark (or unmark) the case major or complex; unchanged when left out.' })
  @IsOptional()
  @IsBoolean()
  majorOrComplex?: boolean;
}

@InputType({ description: '调查终结。Ends the investigation (to LEGAL_REVIEW); needs the version you read.' })
export class EndPenaltyCaseInvestigationInput extends Versioned(EndPenaltyCaseInvestigationDetails) {}

@InputType({ description: '法制审核详情。The legal review\'s opinion.' })
export class ReviewPenaltyCaseDetails extends PenaltyCaseStepDetails {
  @Field({ description: '审核意见。The opinion (2–4000 characters).' })
  @Length(2, 4000)
  opinion: string;
}

@InputType({ description: '法制审核。Records the legal review; needs the version you read.' })
export class ReviewPenaltyCaseInput extends Versioned(ReviewPenaltyCaseDetails) {}

@InputType({ description: '集体讨论详情。Who discussed the case and what they concluded.' })
export class PenaltyCaseDiscussionDetails extends PenaltyCaseStepDetails {
  @Field(() => [String], { description: '参加人。Names of the participants (at least 3, at most 20).' })
  @ArrayMinSize(3)
  @ArrayMaxSize(20)
  @Length(1, 50, { each: true })
  participants: string[];

  @Field({ description: '讨论结论。The conclusion (2–4000 characters).' })
  @Length(2, 4000)
  conclusion: string;
}

@InputType({ description: '集体讨论。Records the collective discussion of the office\'s heads; needs the version you read.' })
export class RecordPenaltyCaseDiscussionInput extends Versioned(PenaltyCaseDiscussionDetails) {}

@InputType({ description: '告知详情。What the notice tells the party.' })
export class NotifyPenaltyCaseDetails extends PenaltyCaseStepDetails {
  @Field({ description: '处罚依据。The legal basis (2–2000 characters).' })
  @Length(2, 2000)
  basis: string;

  @Field({ description: '拟作出的行政处罚。The intended penalty in words (2–2000 characters); the fine totals come from the penalty lines.' })
  @Length(2, 2000)
  intendedPenalty: string;
}

@InputType({ description: '告知。Notifies the party (行政处罚告知书); needs the version you read.' })
export class NotifyPenaltyCaseInput extends Versioned(NotifyPenaltyCaseDetails) {}

@InputType({ description: '陈述申辩。Records a statement or defence of the party with the office\'s review.' })
export class RecordPenaltyCaseStatementInput {
  @Field(() => UUIDScalar, { description: '案件标识。The case (NOTIFIED or HEARING).' })
  @IsUUID()
  caseId: string;

  @Field(() => LocalDateScalar, { description: '陈述日期。The day made (not before the notice, not in the future).' })
  madeOn: string;

  @Field({ description: '陈述人。Who spoke for the party (1–100 characters).' })
  @Length(1, 100)
  madeBy: string;

  @Field({ description: '陈述申辩内容。What was said (2–4000 characters).' })
  @Length(2, 4000)
  content: string;

  @Field({ description: '是否采纳。True when accepted.' })
  @IsBoolean()
  accepted: boolean;

  @Field({ description: '复核意见。The office\'s review (2–2000 characters).' })
  @Length(2, 2000)
  response: string;
}

@InputType({ description: '听证通知详情。The party\'s request and the hearing\'s date, place and chair.' })
export class NotifyPenaltyCaseHearingDetails extends PenaltyCaseStepDetails {
  @Field(() => LocalDateScalar, { description: '听证申请日期。The day the party requested the hearing: by the hearing-request deadline.' })
  requestedOn: string;

  @Field(() => LocalDateScalar, { description: '听证日期。At least the rule\'s working days after the notice day (`on`).' })
  hearingOn: string;

  @Field({ description: '听证地点。Where (2–200 characters).' })
  @Length(2, 200)
  place: string;

  @Field(() => UUIDScalar, { description: '听证主持人标识。Not one of the investigators.' })
  @IsUUID()
  chairPersonId: string;
}

@InputType({ description: '听证通知。Records the request and notifies the hearing (听证通知书); needs the version you read.' })
export class NotifyPenaltyCaseHearingInput extends Versioned(NotifyPenaltyCaseHearingDetails) {}

@InputType({ description: '听证记录详情。What the hearing found.' })
export class RecordPenaltyCaseHearingDetails extends PenaltyCaseStepDetails {
  @Field({ description: '听证笔录摘要。What the hearing found (2–4000 characters).' })
  @Length(2, 4000)
  record: string;
}

@InputType({ description: '听证记录。Records the hearing held; needs the version you read.' })
export class RecordPenaltyCaseHearingInput extends Versioned(RecordPenaltyCaseHearingDetails) {}

@InputType({ description: '决定详情。The decision and why.' })
export class DecidePenaltyCaseDetails extends PenaltyCaseStepDetails {
  @Field(() => PenaltyCaseDecision, { description: '处理决定。PENALTY, NO_PENALTY_MINOR, NO_PENALTY_UNPROVEN or TRANSFER_TO_JUDICIAL.' })
  @IsEnum(PenaltyCaseDecision)
  decision: PenaltyCaseDecision;

  @Field({ description: '决定理由。Why (2–4000 characters).' })
  @Length(2, 4000)
  reason: string;
}

@InputType({ description: '决定。Decides the case as the head linked to your account; needs the version you read.' })
export class DecidePenaltyCaseInput extends Versioned(DecidePenaltyCaseDetails) {}

@InputType({ description: '送达详情。How and to whom the decision was served.' })
export class ServePenaltyCaseDetails extends PenaltyCaseStepDetails {
  @Field(() => CaseServiceMethod, { description: '送达方式。How.' })
  @IsEnum(CaseServiceMethod)
  method: CaseServiceMethod;

  @Field({ description: '受送达人。Who signed for it (1–100 characters).' })
  @Length(1, 100)
  recipient: string;
}

@InputType({ description: '送达。Records service of the decision (送达回执); needs the version you read.' })
export class ServePenaltyCaseInput extends Versioned(ServePenaltyCaseDetails) {}

@InputType({ description: '结案详情。Why the case closes.' })
export class ClosePenaltyCaseDetails extends PenaltyCaseReasonDetails {
  @Field(() => Boolean, { nullable: true, description: '执行终结。True when execution ended otherwise than by payment (e.g. 终结执行 by a court): closes an unsettled fine.' })
  @IsOptional()
  @IsBoolean()
  executionEndedOtherwise?: boolean;
}

@InputType({ description: '结案。Closes the case with the head\'s approval (结案审批表); needs the version you read.' })
export class ClosePenaltyCaseInput extends Versioned(ClosePenaltyCaseDetails) {}

@InputType({ description: '延期详情。The days and reason of the one extension.' })
export class ExtendPenaltyCaseDetails extends PenaltyCaseReasonDetails {
  @Field(() => Int, { description: '延期天数。Calendar days (1–90).' })
  @IsInt()
  @Min(1)
  @Max(90)
  days: number;
}

@InputType({ description: '延期。Extends the decision period once, approved by the head linked to your account; needs the version you read.' })
export class ExtendPenaltyCaseInput extends Versioned(ExtendPenaltyCaseDetails) {}

@InputType({ description: '涉嫌犯罪情形详情。The facts that call for a referral.' })
export class PenaltyCaseIndicatorsDetails {
  @Field(() => [CriminalIndicator], { description: '涉嫌犯罪情形。The indicators, replacing those recorded (at most 6).' })
  @ArrayMaxSize(6)
  @IsEnum(CriminalIndicator, { each: true })
  criminalIndicators: CriminalIndicator[];
}

@InputType({ description: '设置涉嫌犯罪情形。Sets a case\'s criminal indicators; new ones flag a referral; needs the version you read.' })
export class SetPenaltyCaseIndicatorsInput extends Versioned(PenaltyCaseIndicatorsDetails) {}
