import { ArgsType, Field, InputType, Int } from 'type-graphql';
import { ArrayMaxSize, ArrayMinSize, IsBoolean, IsDate, IsEnum, IsInt, IsOptional, IsUUID, Length, Max, Min, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { DateTimeScalar, FilterField, ListFilter, LocalDateScalar, OrderByField, PageArgs, UUIDScalar, Versioned, type OrderInput } from '@platform/core';
import { AccidentGrade, AccidentInvestigationKind, AccidentInvestigationStatus, AccidentTeamRole, FourNotSparedStatus, OversightBodyRole } from './accident.enums';
import { AccidentCategoryOrder, AccidentInvestigationOrder } from './accident.orders';

/** The most members one team lists. */
export const MAX_TEAM_MEMBERS = 40;
/** The most documents and attachments one 四不放过 item cites. */
export const MAX_EVIDENCE = 20;

@InputType({ description: '事故调查筛选。Filters for accident investigations; all given filters must match.' })
export class AccidentInvestigationFilter extends ListFilter {
  @Field(() => UUIDScalar, { nullable: true, description: '事故单位。Only investigations of accidents at this enterprise.' })
  @IsOptional()
  @IsUUID()
  enterpriseId?: string;

  @Field(() => [AccidentInvestigationKind], { nullable: true, description: '调查类别。Only these kinds.' })
  @IsOptional()
  @ArrayMaxSize(2)
  @IsEnum(AccidentInvestigationKind, { each: true })
  kinds?: AccidentInvestigationKind[];

  @Field(() => [AccidentGrade], { nullable: true, description: '事故等级。Only these grades (as stored when last refreshed).' })
  @IsOptional()
  @ArrayMaxSize(4)
  @IsEnum(AccidentGrade, { each: true })
  grades?: AccidentGrade[];

  @Field(() => [AccidentInvestigationStatus], { nullable: true, description: '状态。Only these statuses.' })
  @IsOptional()
  @ArrayMaxSize(4)
  @IsEnum(AccidentInvestigationStatus, { each: true })
  statuses?: AccidentInvestigationStatus[];

  @Field(() => Boolean, { nullable: true, description: '是否逾期。Only investigations whose report or reply is past its due day (true), or only the others (false).' })
  @IsOptional()
  @IsBoolean()
  pastDue?: boolean;

  @Field(() => Boolean, { nullable: true, description: '是否迟报。Only accidents reported late (true), or only those reported on time (false).' })
  @IsOptional()
  @IsBoolean()
  reportedLate?: boolean;

  @Field(() => LocalDateScalar, { nullable: true, description: '发生起始日。Only accidents that happened on or after this day (China time).' })
  @IsOptional()
  occurredFrom?: string;

  @Field(() => LocalDateScalar, { nullable: true, description: '发生截止日。Only accidents that happened on or before this day (China time), not before occurredFrom.' })
  @IsOptional()
  occurredTo?: string;
}

@ArgsType()
export class AccidentInvestigationListArgs extends PageArgs {
  @FilterField(() => AccidentInvestigationFilter, '筛选条件。Which investigations to list.')
  filter?: AccidentInvestigationFilter;

  @OrderByField(AccidentInvestigationOrder, 'latest accident first')
  orderBy?: OrderInput<keyof typeof AccidentInvestigationOrder.Field>[];
}

@InputType({ description: '事故类别筛选。Filters for the accident categories; all given filters must match.' })
export class AccidentCategoryFilter extends ListFilter {
  @Field(() => String, { nullable: true, description: '类别代码。Only the category with this code (01–20).' })
  @IsOptional()
  @Length(2, 2)
  code?: string;

  @Field(() => String, { nullable: true, description: '名称包含。Only categories whose name contains this text, e.g. 爆炸.' })
  @IsOptional()
  @Length(1, 20)
  nameContains?: string;
}

@ArgsType()
export class AccidentCategoryListArgs extends PageArgs {
  @FilterField(() => AccidentCategoryFilter, '筛选条件。Which categories to list.')
  filter?: AccidentCategoryFilter;

  @OrderByField(AccidentCategoryOrder, 'the standard\'s order')
  orderBy?: OrderInput<keyof typeof AccidentCategoryOrder.Field>[];
}

@InputType({ description: '立项事故调查。Opens the investigation of an incident (one per incident), grading it from its damage reports.' })
export class OpenAccidentInvestigationInput {
  @Field(() => UUIDScalar, { description: '灾情标识。The incident of the response module (you must be able to read it); WORK_SAFETY_ACCIDENT, ROAD_TRAFFIC, FIRE or OTHER for a work-safety investigation, a natural disaster type (or OTHER) for NATURAL_DISASTER.' })
  @IsUUID()
  incidentId: string;

  @Field(() => AccidentInvestigationKind, { description: '调查类别。WORK_SAFETY or NATURAL_DISASTER.' })
  @IsEnum(AccidentInvestigationKind)
  kind: AccidentInvestigationKind;

  @Field(() => UUIDScalar, { nullable: true, description: '事故单位标识。The enterprise where the work-safety accident happened (required for WORK_SAFETY, within your scope; not given for NATURAL_DISASTER).' })
  @IsOptional()
  @IsUUID()
  enterpriseId?: string;

  @Field(() => String, { nullable: true, description: '事故类别代码。The GB 6441-1986 kind (01–20, see accidentCategories) of a work-safety accident.' })
  @IsOptional()
  @Length(2, 2)
  categoryCode?: string;

  @Field(() => DateTimeScalar, { nullable: true, description: '单位上报时间。When the unit reported the accident to the county (not in the future, not before the accident), if known.' })
  @IsOptional()
  @IsDate()
  unitReportedAt?: Date;
}

@InputType({ description: '事故调查基本情况。Changes the recorded unit report time or the category; omitted fields stay.' })
export class AccidentInvestigationChanges {
  @Field(() => String, { nullable: true, description: '事故类别代码。The GB 6441-1986 kind (01–20).' })
  @IsOptional()
  @Length(2, 2)
  categoryCode?: string;

  @Field(() => DateTimeScalar, { nullable: true, description: '单位上报时间。When the unit reported the accident to the county (not in the future, not before the accident).' })
  @IsOptional()
  @IsDate()
  unitReportedAt?: Date;
}

@InputType({ description: '修改事故调查。Changes an investigation and refreshes its figures; needs the version you read.' })
export class UpdateAccidentInvestigationInput extends Versioned(AccidentInvestigationChanges) {}

@InputType({ description: '刷新事故数据。Refreshes the figures and grade from the incident\'s damage reports.' })
export class RefreshAccidentInvestigationDetails {
  @Field(() => String, { nullable: true, description: '说明。Why (up to 500 characters), kept in the audit entry.' })
  @IsOptional()
  @Length(1, 500)
  note?: string;
}

@InputType({ description: '刷新事故数据。Names the investigation and the version you read (an older one is accepted: a refresh writes nothing of yours, and each new damage report refreshes the investigation by itself).' })
export class RefreshAccidentInvestigationInput extends Versioned(RefreshAccidentInvestigationDetails) {}

@InputType({ description: '调查组成员。A member of the team.' })
export class AccidentTeamMemberInput {
  @Field(() => AccidentTeamRole, { description: '成员单位类别。The body the member represents.' })
  @IsEnum(AccidentTeamRole)
  role: AccidentTeamRole;

  @Field({ description: '姓名。The member\'s name (1–50 characters).' })
  @Length(1, 50)
  name: string;

  @Field(() => UUIDScalar, { nullable: true, description: '所在单位标识。The member\'s organization in the directory, when one.' })
  @IsOptional()
  @IsUUID()
  organizationId?: string;

  @Field(() => UUIDScalar, { nullable: true, description: '人员标识。The member as a directory person, when one (listed once).' })
  @IsOptional()
  @IsUUID()
  personId?: string;

  @Field(() => Boolean, { nullable: true, description: '组长。True for the team leader (exactly one).' })
  @IsOptional()
  @IsBoolean()
  leader?: boolean;
}

@InputType({ description: '调查组。The whole team, replacing the one recorded.' })
export class AccidentTeamDetails {
  @Field(() => [AccidentTeamMemberInput], { description: `成员。The members (1 to ${MAX_TEAM_MEMBERS}), exactly one of them the leader.` })
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_TEAM_MEMBERS)
  @ValidateNested({ each: true })
  @Type(() => AccidentTeamMemberInput)
  members: AccidentTeamMemberInput[];
}

@InputType({ description: '设置调查组。Names the investigation and the version you read, with the team.' })
export class SetAccidentTeamInput extends Versioned(AccidentTeamDetails) {}

@InputType({ description: '延长期限。One extension of the report (while investigating) or of the reply of an extraordinarily serious accident (once reported).' })
export class AccidentExtensionDetails {
  @Field(() => Int, { description: '延长天数。Days, 1 to the rule\'s maximum (60 for the report, 30 for the reply).' })
  @IsInt()
  @Min(1)
  @Max(365)
  days: number;

  @Field({ description: '理由及批准。Why, and who approved it (2–1000 characters).' })
  @Length(2, 1000)
  reason: string;
}

@InputType({ description: '延长期限。Names the investigation and the version you read, with the extension.' })
export class ExtendAccidentInvestigationInput extends Versioned(AccidentExtensionDetails) {}

@InputType({ description: '提交调查报告。The day and the report\'s summary.' })
export class AccidentReportDetails {
  @Field(() => LocalDateScalar, { nullable: true, description: '日期。The day it was submitted (default today; not in the future).' })
  @IsOptional()
  on?: string;

  @Field({ description: '报告摘要。The findings in brief: cause, nature, responsibility, proposals (2–5000 characters).' })
  @Length(2, 5000)
  summary: string;
}

@InputType({ description: '提交调查报告。Names the investigation and the version you read, with the report.' })
export class SubmitAccidentReportInput extends Versioned(AccidentReportDetails) {}

@InputType({ description: '批复。The day and the reply\'s document number.' })
export class AccidentReplyDetails {
  @Field(() => LocalDateScalar, { nullable: true, description: '日期。The day of the reply (default today; not in the future, not before the report).' })
  @IsOptional()
  on?: string;

  @Field({ description: '批复文号。The reply\'s document number (2–200 characters).' })
  @Length(2, 200)
  reference: string;
}

@InputType({ description: '记录批复。Names the investigation and the version you read, with the reply.' })
export class RecordAccidentReplyInput extends Versioned(AccidentReplyDetails) {}

@InputType({ description: '结案。The day of closing.' })
export class AccidentStepDetails {
  @Field(() => LocalDateScalar, { nullable: true, description: '日期。The day (default today; not in the future, not before the reply).' })
  @IsOptional()
  on?: string;
}

@InputType({ description: '结案。Names the investigation and the version you read.' })
export class CloseAccidentInvestigationInput extends Versioned(AccidentStepDetails) {}

@InputType({ description: '四不放过事项。An item\'s status, note and evidence.' })
export class FourNotSparedDetails {
  @Field(() => FourNotSparedStatus, { description: '状态。OPEN or DONE (DONE needs evidence: a document or an attachment).' })
  @IsEnum(FourNotSparedStatus)
  status: FourNotSparedStatus;

  @Field(() => String, { nullable: true, description: '说明。What was done (up to 2000 characters).' })
  @IsOptional()
  @Length(1, 2000)
  note?: string;

  @Field(() => [UUIDScalar], { nullable: true, description: `证明文书标识。Enforcement documents you may read that evidence it (up to ${MAX_EVIDENCE}); replaces those recorded.` })
  @IsOptional()
  @ArrayMaxSize(MAX_EVIDENCE)
  @IsUUID('all', { each: true })
  evidenceDocumentIds?: string[];

  @Field(() => [UUIDScalar], { nullable: true, description: `附件标识。Your unclaimed uploads to attach as evidence (up to ${MAX_EVIDENCE}); added to those attached.` })
  @IsOptional()
  @ArrayMaxSize(MAX_EVIDENCE)
  @IsUUID('all', { each: true })
  attachmentIds?: string[];

  @Field(() => LocalDateScalar, { nullable: true, description: '落实日期。The day it was met (DONE; default today, not in the future).' })
  @IsOptional()
  on?: string;
}

@InputType({ description: '更新四不放过事项。Names the item (its id) and the version you read.' })
export class UpdateFourNotSparedInput extends Versioned(FourNotSparedDetails) {}

@InputType({ description: '一案双查发现。A finding against an approving or supervising body (安全生产法 第八十七条).' })
export class AddAccidentOversightFindingInput {
  @Field(() => UUIDScalar, { description: '调查标识。The investigation (in your scope).' })
  @IsUUID()
  investigationId: string;

  @Field(() => OversightBodyRole, { description: '对象类别。APPROVING or SUPERVISING.' })
  @IsEnum(OversightBodyRole)
  bodyRole: OversightBodyRole;

  @Field(() => UUIDScalar, { description: '被查单位标识。The body (an organization of the directory).' })
  @IsUUID()
  organizationId: string;

  @Field({ description: '问题。What it failed to do (2–2000 characters).' })
  @Length(2, 2000)
  finding: string;

  @Field({ description: '责任认定。Its responsibility and the proposed handling (2–2000 characters).' })
  @Length(2, 2000)
  responsibility: string;

  @Field(() => UUIDScalar, { nullable: true, description: '处罚案件标识。A penalty case opened on it, when one.' })
  @IsOptional()
  @IsUUID()
  penaltyCaseId?: string;
}

@InputType({ description: '整改措施。A follow-up measure of an investigation.' })
export class AddAccidentMeasureInput {
  @Field(() => UUIDScalar, { description: '调查标识。The investigation (in your scope).' })
  @IsUUID()
  investigationId: string;

  @Field({ description: '措施。What is to be done (2–2000 characters).' })
  @Length(2, 2000)
  measure: string;

  @Field(() => UUIDScalar, { description: '责任单位标识。The organization responsible.' })
  @IsUUID()
  responsibleOrganizationId: string;

  @Field(() => LocalDateScalar, { description: '完成期限。The day it is due.' })
  dueOn: string;
}

@InputType({ description: '措施进展。Marks a measure done or verified.' })
export class AccidentMeasureProgressDetails {
  @Field(() => Boolean, { nullable: true, description: '已核查。False (default) marks it DONE; true marks a done one VERIFIED.' })
  @IsOptional()
  @IsBoolean()
  verified?: boolean;

  @Field(() => LocalDateScalar, { nullable: true, description: '日期。The day (default today; not in the future).' })
  @IsOptional()
  on?: string;

  @Field(() => String, { nullable: true, description: '说明。How it was done or verified (up to 2000 characters).' })
  @IsOptional()
  @Length(1, 2000)
  note?: string;
}

@InputType({ description: '记录措施进展。Names the measure and the version you read.' })
export class RecordAccidentMeasureProgressInput extends Versioned(AccidentMeasureProgressDetails) {}
