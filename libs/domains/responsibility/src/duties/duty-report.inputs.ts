import { ArgsType, Field, InputType } from 'type-graphql';
import { ArrayMaxSize, IsEnum, IsOptional, IsUUID, Length } from 'class-validator';
import { FilterField, ListFilter, LocalDateScalar, OrderByField, PageArgs, UUIDScalar, UnlessOmitted, Versioned, type OrderInput } from '@platform/core';
import { DutyReportStatus } from './duty.enums';
import { DutyReportOrder } from './duty.orders';

@InputType({ description: '述职报告筛选。Filters for duty reports; all given filters must match.' })
export class DutyReportFilter extends ListFilter {
  @Field(() => UUIDScalar, { nullable: true, description: '述职人标识。Only the reports of this official (person).' })
  @IsOptional()
  @IsUUID()
  personId?: string;

  @Field(() => UUIDScalar, { nullable: true, description: '所属子树。Only reports of positions at this organization or one below it.' })
  @IsOptional()
  @IsUUID()
  withinSubtreeOf?: string;

  @Field(() => [DutyReportStatus], { nullable: true, description: '状态。Only these statuses.' })
  @IsOptional()
  @ArrayMaxSize(2)
  @IsEnum(DutyReportStatus, { each: true })
  statuses?: DutyReportStatus[];
}

@ArgsType()
export class DutyReportListArgs extends PageArgs {
  @FilterField(() => DutyReportFilter, '筛选条件。Which reports to list.')
  filter?: DutyReportFilter;

  @OrderByField(DutyReportOrder, 'latest period first')
  orderBy?: OrderInput<keyof typeof DutyReportOrder.Field>[];
}

@InputType({ description: '生成述职报告草稿。The official and period a draft is generated for from the ledger.' })
export class GenerateDutyReportDraftInput {
  @Field(() => UUIDScalar, { description: '述职人标识。The official: a person holding a current position at `organizationId`.' })
  @IsUUID()
  personId: string;

  @Field(() => UUIDScalar, { description: '任职单位标识。The organization of the position, within your scope; hazards are counted in its subtree.' })
  @IsUUID()
  organizationId: string;

  @Field(() => LocalDateScalar, { description: '述职期间起。The period\'s first day.' })
  from: string;

  @Field(() => LocalDateScalar, { description: '述职期间止。The period\'s last day (included): not before `from`, at most 366 days after it, not in the future.' })
  to: string;

  @Field({ nullable: true, description: '标题。The title (4–200 characters; default: the period and 安全生产述职报告).' })
  @IsOptional()
  @Length(4, 200)
  title?: string;
}

@InputType({ description: '修改述职报告详情。Changes to a draft report; omitted fields stay as they are.' })
export class DutyReportDetails {
  @Field({ nullable: true, description: '标题。New title (4–200 characters).' })
  @UnlessOmitted()
  @Length(4, 200)
  title?: string;

  @Field({ nullable: true, description: '报告正文。New text (20–20000 characters).' })
  @UnlessOmitted()
  @Length(20, 20000)
  text?: string;
}

@InputType({ description: '修改述职报告。Changes a draft report; needs the version you read.' })
export class UpdateDutyReportInput extends Versioned(DutyReportDetails) {}

@InputType({ description: '述职报告引用。Names no fields besides the report and its version.' })
export class DutyReportRef {}

@InputType({ description: '提交述职报告。Submits a draft report (then immutable); needs the version you read.' })
export class SubmitDutyReportInput extends Versioned(DutyReportRef) {}
