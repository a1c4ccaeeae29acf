import { ArgsType, Field, InputType } from 'type-graphql';
import { IsBoolean, IsEnum, IsOptional, IsUUID, Length } from 'class-validator';
import { DateTimeScalar, FilterField, ListFilter, OrderByField, PageArgs, UUIDScalar, Versioned, type OrderInput } from '@platform/core';
import { MonitoringLeadKind, MonitoringLeadStatus } from './health.enums';
import { DataGapOrder, MonitoringLeadOrder } from './health.orders';

@InputType({ description: '数据缺口筛选。Filters for data gaps; all given filters must match.' })
export class DataGapFilter extends ListFilter {
  @Field(() => UUIDScalar, { nullable: true, description: '数据流。Only gaps of this datastream.' })
  @IsOptional()
  @IsUUID()
  datastreamId?: string;

  @Field({ nullable: true, description: '进行中。Only ongoing (true) or ended (false) gaps.' })
  @IsOptional()
  @IsBoolean()
  ongoing?: boolean;

  @Field({ nullable: true, description: '企业监测。Only gaps of enterprises\' monitoring (true) or of villages\' (false).' })
  @IsOptional()
  @IsBoolean()
  enterprise?: boolean;
}

@ArgsType()
export class DataGapListArgs extends PageArgs {
  @FilterField(() => DataGapFilter, '筛选条件。Which gaps to list (the latest start first).')
  filter?: DataGapFilter;

  @OrderByField(DataGapOrder, 'the latest start first')
  orderBy?: OrderInput<keyof typeof DataGapOrder.Field>[];
}

@InputType({ description: '监测执法线索筛选。Filters for enforcement leads.' })
export class MonitoringLeadFilter extends ListFilter {
  @Field(() => MonitoringLeadKind, { nullable: true, description: '线索类型。Only GAP or only TAMPER leads.' })
  @IsOptional()
  @IsEnum(MonitoringLeadKind)
  kind?: MonitoringLeadKind;

  @Field(() => MonitoringLeadStatus, { nullable: true, description: '状态。Only OPEN or only REVIEWED leads.' })
  @IsOptional()
  @IsEnum(MonitoringLeadStatus)
  status?: MonitoringLeadStatus;

  @Field(() => UUIDScalar, { nullable: true, description: '企业。Only leads of this enterprise.' })
  @IsOptional()
  @IsUUID()
  organizationId?: string;
}

@ArgsType()
export class MonitoringLeadListArgs extends PageArgs {
  @FilterField(() => MonitoringLeadFilter, '筛选条件。Which leads to list (the latest start first).')
  filter?: MonitoringLeadFilter;

  @OrderByField(MonitoringLeadOrder, 'the latest start first')
  orderBy?: OrderInput<keyof typeof MonitoringLeadOrder.Field>[];
}

@InputType({ description: '核查结论。What the inspector found.' })
export class MonitoringLeadReview {
  @Field({ description: '核查结论。2–1000 characters, e.g. 现场核实为停电，已责令加装UPS；未发现人为关闭.' })
  @Length(2, 1000)
  note: string;
}

@InputType({ description: '核查监测执法线索。Records the outcome of reviewing an OPEN lead; needs the version you read.' })
export class ReviewMonitoringLeadInput extends Versioned(MonitoringLeadReview) {}

@InputType({ description: '执行数据健康评估。Evaluates data health at an instant (gaps, STALE alarms, leads); idempotent.' })
export class EvaluateDataHealthInput {
  @Field(() => DateTimeScalar, { nullable: true, description: '评估时间。Now when omitted; not in the future.' })
  @IsOptional()
  at?: Date;
}
