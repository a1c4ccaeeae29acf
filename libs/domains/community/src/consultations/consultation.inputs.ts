import { ArgsType, Field, InputType, Int } from 'type-graphql';
import { ArrayMaxSize, IsBoolean, IsDefined, IsEnum, IsInt, IsOptional, IsUUID, Length, Max, Min, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { FilterField, ListFilter, OrderByField, PageArgs, UUIDScalar, Versioned, LocalDateScalar, UnlessOmitted, type OrderInput } from '@platform/core';
import { ConsultationActionStatus, ConsultationKind } from './consultation.enums';
import { ConsultationActionItemOrder, ConsultationOrder } from './consultation.orders';

export const MAX_DEPARTMENTS = 30;
export const MAX_ACTION_ITEMS = 50;
export const MAX_TOPICS = 20;

@InputType({ description: '会商任务输入。An action item agreed at a consultation: what, who (an organization, a person or both) and by when.' })
export class ConsultationActionItemInput {
  @Field({ description: '任务内容。What is to be done (2–1000 characters).' })
  @Length(2, 1000)
  description: string;

  @Field(() => UUIDScalar, { nullable: true, description: '责任单位标识。The organization responsible (one you may read); give it, the person, or both.' })
  @IsOptional()
  @IsUUID()
  ownerOrganizationId?: string | null;

  @Field(() => UUIDScalar, { nullable: true, description: '责任人标识。The person responsible (one you may read); give it, the organization, or both.' })
  @IsOptional()
  @IsUUID()
  ownerPersonId?: string | null;

  @Field(() => LocalDateScalar, { description: '完成时限。Day by which it is to be done, YYYY-MM-DD, not before the meeting.' })
  dueOn: string;
}

@InputType({ description: '会商研判详细信息。Optional fields of a consultation, shared by record and update; null clears a field on update.' })
export class ConsultationDetailsInput {
  @Field(() => [String], { nullable: true, description: `研判议题。Hazard types or topics studied (up to ${MAX_TOPICS}, each 1–50 characters), e.g. 地质灾害.` })
  @IsOptional()
  @ArrayMaxSize(MAX_TOPICS)
  @Length(1, 50, { each: true })
  topics?: string[] | null;

  @Field(() => String, { nullable: true, description: '会商结论。What the meeting concluded and decided (up to 5000 characters).' })
  @IsOptional()
  @Length(1, 5000)
  conclusions?: string | null;

  @Field(() => String, { nullable: true, description: '其他参会单位。The N of 1+7+N: other bodies taking part (up to 500 characters).' })
  @IsOptional()
  @Length(1, 500)
  otherParticipants?: string | null;
}

@InputType({ description: '记录会商研判输入。A consultation meeting to record, with its departments and action items.' })
export class RecordConsultationInput extends ConsultationDetailsInput {
  @Field(() => UUIDScalar, { description: '召集单位标识。The organization that convened it (within your write scope).' })
  @IsUUID()
  organizationId: string;

  @Field(() => ConsultationKind, { description: '会商类型。What kind of meeting; FLOOD_SEASON_MONTHLY only May to September, ONE_SEVEN_N with at least 7 departments.' })
  @IsEnum(ConsultationKind)
  kind: ConsultationKind;

  @Field(() => LocalDateScalar, { description: '会商日期。Day it was held, YYYY-MM-DD, not in the future (China time).' })
  heldOn: string;

  @Field({ description: '会议名称。Title (2–200 characters).' })
  @Length(2, 200)
  title: string;

  @Field(() => [UUIDScalar], { nullable: true, description: `参会部门标识。Organizations that took part (up to ${MAX_DEPARTMENTS}, ones you may read).` })
  @IsOptional()
  @ArrayMaxSize(MAX_DEPARTMENTS)
  @IsUUID('all', { each: true })
  departmentIds?: string[];

  @Field(() => [ConsultationActionItemInput], { nullable: true, description: `会商任务。Action items agreed (up to ${MAX_ACTION_ITEMS}); all open at first.` })
  @IsOptional()
  @ArrayMaxSize(MAX_ACTION_ITEMS)
  @ValidateNested({ each: true })
  @Type(() => ConsultationActionItemInput)
  actionItems?: ConsultationActionItemInput[];
}

@InputType({ description: '修改会商研判详情。Changes to a consultation; omitted fields stay as they are. Action items are added and followed up with their own mutations.' })
export class UpdateConsultationDetails extends ConsultationDetailsInput {
  @Field(() => ConsultationKind, { nullable: true, description: '会商类型。New kind.' })
  @UnlessOmitted()
  @IsEnum(ConsultationKind)
  kind?: ConsultationKind;

  @Field(() => LocalDateScalar, { nullable: true, description: '会商日期。New day, YYYY-MM-DD, not in the future.' })
  @UnlessOmitted()
  @IsDefined({ message: 'heldOn cannot be cleared: omit it to keep the day.' })
  heldOn?: string;

  @Field(() => String, { nullable: true, description: '会议名称。New title (2–200 characters).' })
  @UnlessOmitted()
  @Length(2, 200)
  title?: string;

  @Field(() => [UUIDScalar], { nullable: true, description: `参会部门标识。Replaces the departments that took part (up to ${MAX_DEPARTMENTS}, ones you may read).` })
  @UnlessOmitted()
  @ArrayMaxSize(MAX_DEPARTMENTS)
  @IsUUID('all', { each: true })
  departmentIds?: string[];
}

@InputType({ description: '修改会商研判输入。Names the consultation and the version you read, with the changes.' })
export class UpdateConsultationInput extends Versioned(UpdateConsultationDetails) {}

@InputType({ description: '新增会商任务输入。An action item to add to a consultation.' })
export class AddConsultationActionItemInput extends ConsultationActionItemInput {
  @Field(() => UUIDScalar, { description: '会商标识。The consultation (within your write scope, not archived).' })
  @IsUUID()
  consultationId: string;
}

@InputType({ description: '会商任务落实详情。How an open action item was done.' })
export class CompleteConsultationActionItemDetails {
  @Field(() => LocalDateScalar, { description: '完成日期。Day it was done, YYYY-MM-DD, not in the future and not before the meeting.' })
  doneOn: string;

  @Field(() => String, { nullable: true, description: '落实说明。What was done (up to 2000 characters).' })
  @IsOptional()
  @Length(1, 2000)
  note?: string | null;
}

@InputType({ description: '完成会商任务输入。Names the action item and the version you read, with the day it was done.' })
export class CompleteConsultationActionItemInput extends Versioned(CompleteConsultationActionItemDetails) {}

@InputType({ description: '取消会商任务详情。Why an open action item is dropped.' })
export class CancelConsultationActionItemDetails {
  @Field({ description: '取消原因。Why it is dropped (2–500 characters).' })
  @Length(2, 500)
  reason: string;
}

@InputType({ description: '取消会商任务输入。Names the action item and the version you read, with the reason.' })
export class CancelConsultationActionItemInput extends Versioned(CancelConsultationActionItemDetails) {}

@InputType({ description: '会商研判筛选。Filters for consultation lists; all given filters must match.' })
export class ConsultationFilter extends ListFilter {
  @Field(() => UUIDScalar, { nullable: true, description: '所属子树。Only meetings convened by this organization or one below it.' })
  @IsOptional()
  @IsUUID()
  withinSubtreeOf?: string;

  @Field(() => [ConsultationKind], { nullable: true, description: '会商类型。Only these kinds.' })
  @IsOptional()
  @ArrayMaxSize(4)
  @IsEnum(ConsultationKind, { each: true })
  kinds?: ConsultationKind[];

  @Field(() => LocalDateScalar, { nullable: true, description: '起始日期。Only meetings held on or after this day (YYYY-MM-DD).' })
  @IsOptional()
  from?: string;

  @Field(() => LocalDateScalar, { nullable: true, description: '截止日期。Only meetings held on or before this day (YYYY-MM-DD), not before `from`.' })
  @IsOptional()
  to?: string;

  @Field(() => Boolean, { nullable: true, description: '含已归档。Include archived meetings (default false).' })
  @IsOptional()
  @IsBoolean()
  includeArchived?: boolean;
}

@ArgsType()
export class ConsultationListArgs extends PageArgs {
  @FilterField(() => ConsultationFilter, '筛选条件。Which meetings to list.')
  filter?: ConsultationFilter;

  @OrderByField(ConsultationOrder, 'latest held first')
  orderBy?: OrderInput<keyof typeof ConsultationOrder.Field>[];
}

@InputType({ description: '会商任务筛选。Filters for the list of action items across meetings; all given filters must match. Items of archived meetings are left out, except in a change feed (`updatedSince`), which lists an item again when its meeting is archived (a tombstone: `consultation.archivedAt` says so).' })
export class ConsultationActionItemFilter extends ListFilter {
  @Field(() => UUIDScalar, { nullable: true, description: '所属子树。Only items of meetings convened by this organization or one below it.' })
  @IsOptional()
  @IsUUID()
  withinSubtreeOf?: string;

  @Field(() => [ConsultationActionStatus], { nullable: true, description: '状态。Only these statuses, e.g. [OPEN].' })
  @IsOptional()
  @ArrayMaxSize(3)
  @IsEnum(ConsultationActionStatus, { each: true })
  statuses?: ConsultationActionStatus[];

  @Field(() => Boolean, { nullable: true, description: '逾期。Only items open past their due day (true), or only the others (false).' })
  @IsOptional()
  @IsBoolean()
  overdue?: boolean;

  @Field(() => UUIDScalar, { nullable: true, description: '责任单位标识。Only items this organization is responsible for.' })
  @IsOptional()
  @IsUUID()
  ownerOrganizationId?: string;
}

@ArgsType()
export class ConsultationActionItemListArgs extends PageArgs {
  @FilterField(() => ConsultationActionItemFilter, '筛选条件。Which items to list.')
  filter?: ConsultationActionItemFilter;

  @OrderByField(ConsultationActionItemOrder, 'earliest due first')
  orderBy?: OrderInput<keyof typeof ConsultationActionItemOrder.Field>[];
}

@ArgsType()
export class ConsultationGapsArgs {
  @Field(() => Int, { description: '年份。The year to check (2000–2100).' })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year: number;

  @Field(() => UUIDScalar, { nullable: true, description: '召集单位标识。The convening organization (within your read scope); default the town government (the root organization).' })
  @IsOptional()
  @IsUUID()
  organizationId?: string;
}
