import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { ArrayMaxSize, ArrayUnique, IsBoolean, IsEnum, IsOptional, IsUUID, Length } from 'class-validator';
import { FilterField, ListFilter, LocalDateScalar, OrderByField, PageArgs, UUIDScalar, Versioned, type OrderInput } from '@platform/core';
import { EffectivenessResult, ProblemCategory, ProblemSourceKind, ProblemStatus } from './problem.enums';
import { ProblemOrder, ProblemReviewOrder, RepeatFigureOrder } from './problem.orders';

@InputType({ description: '问题清单筛选。Filters for problems; all given filters must match.' })
export class ProblemFilter extends ListFilter {
  @Field(() => [ProblemStatus], { nullable: true, description: '状态。Only these statuses.' })
  @IsOptional()
  @ArrayMaxSize(4)
  @IsEnum(ProblemStatus, { each: true })
  statuses?: ProblemStatus[];

  @Field(() => [ProblemCategory], { nullable: true, description: '问题类别。Only these categories.' })
  @IsOptional()
  @ArrayMaxSize(8)
  @IsEnum(ProblemCategory, { each: true })
  categories?: ProblemCategory[];

  @Field(() => [ProblemSourceKind], { nullable: true, description: '来源类型。Only problems from these kinds of source.' })
  @IsOptional()
  @ArrayMaxSize(8)
  @IsEnum(ProblemSourceKind, { each: true })
  sourceKinds?: ProblemSourceKind[];

  @Field(() => UUIDScalar, { nullable: true, description: '所属子树。Only problems of this organization or one below it.' })
  @IsOptional()
  @IsUUID()
  withinSubtreeOf?: string;

  @Field(() => Boolean, { nullable: true, description: '逾期。Only problems not closed by their deadline and still OPEN or RECTIFYING after it (true), or only the others (false).' })
  @IsOptional()
  @IsBoolean()
  overdue?: boolean;

  @Field(() => Boolean, { nullable: true, description: '重复问题。Only repeats (same organization and category as an earlier problem within the window, see `isRepeat`) (true), or only first occurrences (false).' })
  @IsOptional()
  @IsBoolean()
  repeats?: boolean;
}

@ArgsType()
export class ProblemListArgs extends PageArgs {
  @FilterField(() => ProblemFilter, '筛选条件。Which problems to list.')
  filter?: ProblemFilter;

  @OrderByField(ProblemOrder, 'the most recently found first')
  orderBy?: OrderInput<keyof typeof ProblemOrder.Field>[];
}

@InputType({ description: '复盘筛选。Filters for post-event reviews; all given filters must match.' })
export class ProblemReviewFilter extends ListFilter {
  @Field(() => UUIDScalar, { nullable: true, description: '所属子树。Only reviews held by this organization or one below it.' })
  @IsOptional()
  @IsUUID()
  withinSubtreeOf?: string;

  @Field(() => LocalDateScalar, { nullable: true, description: '起始日期。Only reviews held on or after this day.' })
  @IsOptional()
  from?: string;

  @Field(() => LocalDateScalar, { nullable: true, description: '截止日期。Only reviews held on or before this day.' })
  @IsOptional()
  to?: string;
}

@ArgsType()
export class ProblemReviewListArgs extends PageArgs {
  @FilterField(() => ProblemReviewFilter, '筛选条件。Which reviews to list.')
  filter?: ProblemReviewFilter;

  @OrderByField(ProblemReviewOrder, 'the most recent first')
  orderBy?: OrderInput<keyof typeof ProblemReviewOrder.Field>[];
}

@InputType({ description: '重复问题统计筛选。Which problems to count.' })
export class RepeatFigureFilter {
  @Field(() => UUIDScalar, { nullable: true, description: '所属子树。Only organizations in the subtree of this one.' })
  @IsOptional()
  @IsUUID()
  withinSubtreeOf?: string;

  @Field(() => [ProblemCategory], { nullable: true, description: '问题类别。Only these categories.' })
  @IsOptional()
  @ArrayMaxSize(8)
  @IsEnum(ProblemCategory, { each: true })
  categories?: ProblemCategory[];
}

@ArgsType()
export class RepeatFigureArgs extends PageArgs {
  @Field(() => LocalDateScalar, { description: '起始日期。The period\'s first day (problems found on or after it).' })
  from: string;

  @Field(() => LocalDateScalar, { description: '截止日期。The period\'s last day (problems found on or before it; at most five years after `from`).' })
  to: string;

  @FilterField(() => RepeatFigureFilter, '筛选条件。Which problems to count.')
  filter?: RepeatFigureFilter;

  @OrderByField(RepeatFigureOrder, 'most repeats first')
  orderBy?: OrderInput<keyof typeof RepeatFigureOrder.Field>[];
}

@InputType({ description: '登记问题。A problem found in an organization, from a record of this platform (by global id) or an upstream finding (by reference text).' })
export class RecordProblemInput {
  @Field(() => UUIDScalar, { description: '问题所属单位标识。The organization it was found in, within your scope.' })
  @IsUUID()
  organizationId: string;

  @Field(() => ProblemCategory, { description: '问题类别。The area of the work plan it belongs to.' })
  @IsEnum(ProblemCategory)
  category: ProblemCategory;

  @Field({ description: '问题标题。What is wrong (2–200 characters).' })
  @Length(2, 200)
  title: string;

  @Field(() => String, { nullable: true, description: '问题描述。Details (up to 2000 characters).' })
  @IsOptional()
  @Length(1, 2000)
  description?: string;

  @Field(() => LocalDateScalar, { description: '发现日期。The day it was found (not in the future).' })
  foundOn: string;

  @Field(() => ProblemSourceKind, { description: '来源类型。Where it came from.' })
  @IsEnum(ProblemSourceKind)
  sourceKind: ProblemSourceKind;

  @Field(() => ID, { nullable: true, description: '来源全局标识。The `nodeId` of the record it came from, which you must be able to read; needed unless the source is an upstream finding with `sourceReference`.' })
  @IsOptional()
  @Length(8, 200)
  sourceNodeId?: string;

  @Field(() => String, { nullable: true, description: '来源文号。The reference of an upstream finding (needed for UPSTREAM_INSPECTION and UPSTREAM_ASSESSMENT), e.g. 2025年区安委会考核巡查反馈第3条 (2–200 characters).' })
  @IsOptional()
  @Length(2, 200)
  sourceReference?: string;

  @Field(() => UUIDScalar, { description: '整改责任单位标识。The organization that owns the rectification.' })
  @IsUUID()
  ownerOrganizationId: string;

  @Field(() => UUIDScalar, { nullable: true, description: '整改责任人标识。The official responsible.' })
  @IsOptional()
  @IsUUID()
  ownerPersonId?: string;

  @Field(() => LocalDateScalar, { description: '整改时限。The day by which it is to be rectified (not before `foundOn`).' })
  dueOn: string;
}

@InputType({ description: '报告整改详情。Rectification done so far.' })
export class ProblemRectificationDetails {
  @Field({ description: '整改情况。What was done (2–2000 characters).' })
  @Length(2, 2000)
  note: string;

  @Field(() => LocalDateScalar, { nullable: true, description: '日期。The day it is about (default today; not in the future).' })
  @IsOptional()
  recordedOn?: string;

  @Field(() => [UUIDScalar], { nullable: true, description: '佐证材料。Uploaded files (photos, scans) as evidence, at most 20.' })
  @IsOptional()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  attachmentIds?: string[];
}

@InputType({ description: '报告整改。Reports rectification of a problem; OPEN becomes RECTIFYING. Needs the version you read.' })
export class ReportProblemRectificationInput extends Versioned(ProblemRectificationDetails) {}

@InputType({ description: '销号详情。The closure of a problem and what its effectiveness check is to confirm.' })
export class CloseProblemDetails {
  @Field(() => LocalDateScalar, { description: '销号日期。The day it was closed (not in the future, not before it was found).' })
  closedOn: string;

  @Field({ description: '整改结果。What was done to close it (2–2000 characters).' })
  @Length(2, 2000)
  note: string;

  @Field({ description: '成效验证标准。What the effectiveness check is to confirm (2–1000 characters).' })
  @Length(2, 1000)
  effectivenessCriteria: string;

  @Field(() => LocalDateScalar, { nullable: true, description: '成效验证期限。The day the check is due (not before `closedOn`); default: `closedOn` plus the working days of rule responsibility.problem.effectiveness.' })
  @IsOptional()
  checkDueOn?: string;

  @Field(() => [UUIDScalar], { nullable: true, description: '佐证材料。Uploaded files (photos, scans) as evidence, at most 20.' })
  @IsOptional()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  attachmentIds?: string[];
}

@InputType({ description: '销号。Closes a problem (OPEN or RECTIFYING); its effectiveness is then checked separately. Needs the version you read.' })
export class CloseProblemInput extends Versioned(CloseProblemDetails) {}

@InputType({ description: '成效验证详情。The result of a closed problem\'s effectiveness check.' })
export class ProblemEffectivenessDetails {
  @Field(() => EffectivenessResult, { description: '验证结论。EFFECTIVE, or INEFFECTIVE which reopens the problem.' })
  @IsEnum(EffectivenessResult)
  result: EffectivenessResult;

  @Field({ description: '验证意见。What the check found, against the criteria (2–2000 characters).' })
  @Length(2, 2000)
  note: string;

  @Field(() => LocalDateScalar, { nullable: true, description: '验证日期。The day of the check (default today; not in the future, not before the closure).' })
  @IsOptional()
  checkedOn?: string;

  @Field(() => LocalDateScalar, { nullable: true, description: '新整改时限。For an INEFFECTIVE result: a new deadline (not before the check); the old one stays when omitted.' })
  @IsOptional()
  dueOn?: string;
}

@InputType({ description: '整改成效验证。Checks a CLOSED problem, by someone other than who closed it. Needs the version you read.' })
export class VerifyProblemEffectivenessInput extends Versioned(ProblemEffectivenessDetails) {}

@InputType({ description: '登记复盘。A post-event review with its findings, lessons and the problems it raised.' })
export class RecordProblemReviewInput {
  @Field(() => UUIDScalar, { description: '组织单位标识。The organization that held it, within your scope.' })
  @IsUUID()
  organizationId: string;

  @Field({ description: '复盘名称。Title (2–200 characters).' })
  @Length(2, 200)
  title: string;

  @Field(() => LocalDateScalar, { description: '复盘日期。The day it was held (not in the future).' })
  heldOn: string;

  @Field(() => ID, { nullable: true, description: '复盘对象全局标识。The `nodeId` of what was reviewed (an incident, a drill…), which you must be able to read.' })
  @IsOptional()
  @Length(8, 200)
  subjectNodeId?: string;

  @Field({ description: '主要发现。What the review found (2–4000 characters).' })
  @Length(2, 4000)
  findings: string;

  @Field({ description: '经验教训。The lessons drawn (2–4000 characters).' })
  @Length(2, 4000)
  lessons: string;

  @Field(() => [UUIDScalar], { nullable: true, description: '提出的问题。The problems the review raised, which you may record (at most 50, each once).' })
  @IsOptional()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  problemIds?: string[];
}
