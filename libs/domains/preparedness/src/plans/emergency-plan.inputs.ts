import { ArgsType, Field, InputType } from 'type-graphql';
import { ArrayMaxSize, IsArray, IsBoolean, IsEnum, IsOptional, IsUUID, Length } from 'class-validator';
import { FilterField, ListFilter, LocalDateScalar, OrderByField, PageArgs, UUIDScalar, UnlessOmitted, Versioned, type OrderInput } from '@platform/core';
import { EmergencyPlanStatus, EmergencyPlanType } from './plan.enums';
import { EmergencyPlanOrder } from './plan.orders';

@InputType({ description: '应急预案详细信息。Optional fields of a plan, shared by create and update; null clears a field on update.' })
export class EmergencyPlanDetailsInput {
  @Field(() => String, { nullable: true, description: '专项主题。What the plan covers, e.g. 防汛抗旱 (1–100 characters).' })
  @IsOptional()
  @Length(1, 100)
  topic?: string | null;

  @Field(() => [UUIDScalar], { nullable: true, description: '附件标识。Uploaded files (the plan text, annexes) to attach, at most 20; on update they are added to those attached.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  attachmentIds?: string[];
}

@InputType({ description: '新建应急预案输入。A new plan, recorded as a draft of revision 1.' })
export class CreateEmergencyPlanInput extends EmergencyPlanDetailsInput {
  @Field(() => UUIDScalar, { description: '编制单位标识。The organization keeping the plan (within your scope); its kind must fit the type.' })
  @IsUUID()
  organizationId: string;

  @Field(() => EmergencyPlanType, { description: '预案类型。Town overall or special (town government, departments), village (villages, communities), enterprise on-site (enterprises).' })
  @IsEnum(EmergencyPlanType)
  type: EmergencyPlanType;

  @Field({ description: '预案名称。Title (2–200 characters).' })
  @Length(2, 200)
  title: string;
}

@InputType({ description: '修改应急预案详情。Changes to a draft; omitted fields stay as they are.' })
export class UpdateEmergencyPlanDetails extends EmergencyPlanDetailsInput {
  @Field(() => String, { nullable: true, description: '预案名称。New title (2–200 characters).' })
  @UnlessOmitted()
  @Length(2, 200)
  title?: string;
}

@InputType({ description: '修改应急预案输入。Names the draft and the version you read, with the changes.' })
export class UpdateEmergencyPlanInput extends Versioned(UpdateEmergencyPlanDetails) {}

@InputType({ description: '批准应急预案详情。The approval of a draft: days and filing.' })
export class ApproveEmergencyPlanDetails {
  @Field(() => LocalDateScalar, { description: '批准日期。Day of approval, YYYY-MM-DD, not in the future (China time).' })
  approvedOn: string;

  @Field(() => LocalDateScalar, { nullable: true, description: '备案日期。Day it was filed, YYYY-MM-DD, not before approval nor in the future.' })
  @IsOptional()
  filedOn?: string | null;

  @Field(() => String, { nullable: true, description: '备案机关。Authority it was filed with (2–100 characters), e.g. 南川区应急管理局.' })
  @IsOptional()
  @Length(2, 100)
  filedWith?: string | null;

  @Field(() => LocalDateScalar, { description: '下次评审日期。Day the next review is due, YYYY-MM-DD, after the approval.' })
  nextReviewOn: string;
}

@InputType({ description: '批准应急预案输入。Names the draft and the version you read; the revision it supersedes becomes SUPERSEDED.' })
export class ApproveEmergencyPlanInput extends Versioned(ApproveEmergencyPlanDetails) {}

@InputType({ description: '修订应急预案详情。Changes the new draft starts with; omitted fields are copied from the effective revision.' })
export class ReviseEmergencyPlanDetails {
  @Field(() => String, { nullable: true, description: '预案名称。Title of the new revision (2–200 characters).' })
  @UnlessOmitted()
  @Length(2, 200)
  title?: string;

  @Field(() => String, { nullable: true, description: '专项主题。Topic of the new revision (1–100 characters); null clears it.' })
  @IsOptional()
  @Length(1, 100)
  topic?: string | null;
}

@InputType({ description: '修订应急预案输入。Names the effective revision and the version you read; a new draft with the next revision number is started.' })
export class ReviseEmergencyPlanInput extends Versioned(ReviseEmergencyPlanDetails) {}

@InputType({ description: '评审应急预案详情。A recorded review (评估) of an effective plan.' })
export class ReviewEmergencyPlanDetails {
  @Field(() => LocalDateScalar, { description: '评审日期。Day of the review, YYYY-MM-DD, not in the future.' })
  reviewedOn: string;

  @Field(() => LocalDateScalar, { description: '下次评审日期。Day the next review is due, YYYY-MM-DD, after this review.' })
  nextReviewOn: string;

  @Field(() => String, { nullable: true, description: '评审意见。What the review concluded (1–2000 characters).' })
  @IsOptional()
  @Length(1, 2000)
  note?: string | null;
}

@InputType({ description: '评审应急预案输入。Names the effective revision and the version you read, with the review.' })
export class ReviewEmergencyPlanInput extends Versioned(ReviewEmergencyPlanDetails) {}

@InputType({ description: '应急预案筛选。Filters for plan lists; all given filters must match.' })
export class EmergencyPlanFilter extends ListFilter {
  @Field(() => UUIDScalar, { nullable: true, description: '所属子树。Only plans kept by this organization or one below it.' })
  @IsOptional()
  @IsUUID()
  withinSubtreeOf?: string;

  @Field(() => [EmergencyPlanType], { nullable: true, description: '预案类型。Only these types.' })
  @IsOptional()
  @ArrayMaxSize(4)
  @IsEnum(EmergencyPlanType, { each: true })
  types?: EmergencyPlanType[];

  @Field(() => [EmergencyPlanStatus], { nullable: true, description: '状态。Only these statuses.' })
  @IsOptional()
  @ArrayMaxSize(4)
  @IsEnum(EmergencyPlanStatus, { each: true })
  statuses?: EmergencyPlanStatus[];

  @Field(() => Boolean, { nullable: true, description: '评审逾期。Only effective plans past their review day (true), or only the others (false).' })
  @IsOptional()
  @IsBoolean()
  reviewOverdue?: boolean;

  @Field(() => Boolean, { nullable: true, description: '含已替代版本。Include superseded revisions (default false, unless statuses names SUPERSEDED).' })
  @IsOptional()
  @IsBoolean()
  includeSuperseded?: boolean;
}

@ArgsType()
export class EmergencyPlanListArgs extends PageArgs {
  @FilterField(() => EmergencyPlanFilter, '筛选条件。Which plans to list.')
  filter?: EmergencyPlanFilter;

  @OrderByField(EmergencyPlanOrder, 'by title, then newest revision first')
  orderBy?: OrderInput<keyof typeof EmergencyPlanOrder.Field>[];
}
