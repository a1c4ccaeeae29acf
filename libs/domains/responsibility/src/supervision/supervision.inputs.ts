import { ArgsType, Field, InputType } from 'type-graphql';
import { ArrayMaxSize, ArrayUnique, IsBoolean, IsEnum, IsOptional, IsUUID, Length } from 'class-validator';
import { FilterField, ListFilter, LocalDateScalar, OrderByField, PageArgs, UUIDScalar, Versioned, type OrderInput } from '@platform/core';
import { SupervisionKind, SupervisionStatus } from './supervision.enums';
import { SupervisionActionOrder } from './supervision.orders';

@InputType({ description: '督办事项筛选。Filters for supervision actions; all given filters must match.' })
export class SupervisionActionFilter extends ListFilter {
  @Field(() => [SupervisionKind], { nullable: true, description: '督办形式。Only these kinds.' })
  @IsOptional()
  @ArrayMaxSize(4)
  @IsEnum(SupervisionKind, { each: true })
  kinds?: SupervisionKind[];

  @Field(() => [SupervisionStatus], { nullable: true, description: '状态。Only these statuses.' })
  @IsOptional()
  @ArrayMaxSize(8)
  @IsEnum(SupervisionStatus, { each: true })
  statuses?: SupervisionStatus[];

  @Field(() => UUIDScalar, { nullable: true, description: '所属子树。Only actions addressed to this organization or one below it.' })
  @IsOptional()
  @IsUUID()
  withinSubtreeOf?: string;

  @Field(() => Boolean, { nullable: true, description: '逾期。Only actions open (not closed or escalated) past their deadline for closing (true), or only the others (false).' })
  @IsOptional()
  @IsBoolean()
  overdue?: boolean;

  @Field(() => Boolean, { nullable: true, description: '挂牌隐患未销号。Only listed supervision with a linked hazard you may read that is not closed in the risk module (true), or only the others (false).' })
  @IsOptional()
  @IsBoolean()
  listedWithOpenHazards?: boolean;

  @Field(() => LocalDateScalar, { nullable: true, description: '下发起始日。Only actions issued on or after this day.' })
  @IsOptional()
  issuedFrom?: string;

  @Field(() => LocalDateScalar, { nullable: true, description: '下发截止日。Only actions issued on or before this day.' })
  @IsOptional()
  issuedTo?: string;
}

@ArgsType()
export class SupervisionActionListArgs extends PageArgs {
  @FilterField(() => SupervisionActionFilter, '筛选条件。Which actions to list.')
  filter?: SupervisionActionFilter;

  @OrderByField(SupervisionActionOrder, 'newest issued first')
  orderBy?: OrderInput<keyof typeof SupervisionActionOrder.Field>[];
}

@InputType({ description: '督办统计筛选。Which actions the figures count.' })
export class SupervisionFiguresFilter {
  @Field(() => UUIDScalar, { nullable: true, description: '所属子树。Only actions addressed to this organization or one below it.' })
  @IsOptional()
  @IsUUID()
  withinSubtreeOf?: string;

  @Field(() => [SupervisionKind], { nullable: true, description: '督办形式。Only these kinds (all four when absent).' })
  @IsOptional()
  @ArrayMaxSize(4)
  @IsEnum(SupervisionKind, { each: true })
  kinds?: SupervisionKind[];
}

@ArgsType()
export class SupervisionFiguresArgs {
  @Field(() => LocalDateScalar, { description: '起始日。The period\'s first day.' })
  from: string;

  @Field(() => LocalDateScalar, { description: '截止日（不含）。The day after the period (exclusive), after `from`.' })
  to: string;

  @FilterField(() => SupervisionFiguresFilter, '筛选条件。Which actions to count.')
  filter?: SupervisionFiguresFilter;
}

@InputType({ description: '下发督办事项。A supervision action of the town safety committee to a department, village or community.' })
export class IssueSupervisionActionInput {
  @Field(() => SupervisionKind, { description: '督办形式。NOTICE, URGING_LETTER, INTERVIEW or LISTED; its rule in force on the issue day sets the deadlines.' })
  @IsEnum(SupervisionKind)
  kind: SupervisionKind;

  @Field({ description: '标题。What it is about (2–200 characters).' })
  @Length(2, 200)
  title: string;

  @Field({ description: '督办事由。The failings found and what is required (2–4000 characters).' })
  @Length(2, 4000)
  matter: string;

  @Field(() => LocalDateScalar, { nullable: true, description: '下发日期。The issue day (default today; not in the future).' })
  @IsOptional()
  issuedOn?: string;

  @Field(() => String, { nullable: true, description: '督办单位。The issuing body (2–100 characters; default 南平镇安全生产委员会).' })
  @IsOptional()
  @Length(2, 100)
  issuingBody?: string;

  @Field(() => UUIDScalar, { description: '被督办单位标识。A department, village or community in your scope (not an enterprise).' })
  @IsUUID()
  addresseeOrganizationId: string;

  @Field(() => UUIDScalar, { nullable: true, description: '责任人标识。The official answerable.' })
  @IsOptional()
  @IsUUID()
  responsiblePersonId?: string;

  @Field(() => LocalDateScalar, { nullable: true, description: '整改期限。The rectification deadline, after the issue day; required for LISTED.' })
  @IsOptional()
  rectificationDueOn?: string;

  @Field(() => [UUIDScalar], { nullable: true, description: '关联重大隐患。MAJOR hazards of the risk module you may read, for LISTED only (at most 20); 摘牌 waits for them to be closed.' })
  @IsOptional()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  hazardIds?: string[];
}

@InputType({ description: '督办步骤详情。The day and a note of a step.' })
export class SupervisionStepDetails {
  @Field(() => LocalDateScalar, { nullable: true, description: '日期。The day of the step (default today; not in the future, not before the issue day).' })
  @IsOptional()
  on?: string;

  @Field(() => String, { nullable: true, description: '说明。What was done (2–2000 characters).' })
  @IsOptional()
  @Length(2, 2000)
  note?: string;

  @Field(() => [UUIDScalar], { nullable: true, description: '佐证材料。Uploaded files (minutes, photos, scans) as evidence of the step, at most 20.' })
  @IsOptional()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  attachmentIds?: string[];
}

@InputType({ description: '督办步骤。A step of a supervision action; needs the version you read.' })
export class SupervisionStepInput extends Versioned(SupervisionStepDetails) {}

@InputType({ description: '督办步骤及理由详情。The day and the reason of a step that needs one.' })
export class SupervisionReasonDetails {
  @Field(() => LocalDateScalar, { nullable: true, description: '日期。The day of the step (default today; not in the future, not before the issue day).' })
  @IsOptional()
  on?: string;

  @Field({ description: '理由。Why (2–2000 characters): what failed at acceptance, or why it is escalated.' })
  @Length(2, 2000)
  note: string;

  @Field(() => [UUIDScalar], { nullable: true, description: '佐证材料。Uploaded files (minutes, photos, scans) as evidence of the step, at most 20.' })
  @IsOptional()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  attachmentIds?: string[];
}

@InputType({ description: '督办步骤及理由。A step of a supervision action that needs a reason; needs the version you read.' })
export class SupervisionReasonInput extends Versioned(SupervisionReasonDetails) {}

@InputType({ description: '申请延期详情。The one extension request of an action.' })
export class SupervisionExtensionRequestDetails {
  @Field(() => LocalDateScalar, { nullable: true, description: '申请日期。The day of the request (default today; not in the future), at least the rule\'s lead time before the deadline.' })
  @IsOptional()
  requestedOn?: string;

  @Field({ description: '延期理由。Why more time is needed (2–1000 characters).' })
  @Length(2, 1000)
  reason: string;
}

@InputType({ description: '申请延期。Requests the one extension the kind\'s rule allows; needs the version you read.' })
export class RequestSupervisionExtensionInput extends Versioned(SupervisionExtensionRequestDetails) {}

@InputType({ description: '延期决定详情。The decision on an extension request.' })
export class SupervisionExtensionDecisionDetails {
  @Field(() => LocalDateScalar, { nullable: true, description: '决定日期。The day of the decision (default today; not in the future), at the latest the decision due day.' })
  @IsOptional()
  decidedOn?: string;

  @Field({ description: '是否批准。True to approve (with `newDeadline`), false to deny.' })
  @IsBoolean()
  approved: boolean;

  @Field(() => LocalDateScalar, { nullable: true, description: '新期限。The new deadline of an approval, after the current one; leave out when denying.' })
  @IsOptional()
  newDeadline?: string;
}

@InputType({ description: '延期决定。Approves or denies an action\'s extension request; needs the version you read.' })
export class DecideSupervisionExtensionInput extends Versioned(SupervisionExtensionDecisionDetails) {}
