import { ArgsType, Field, InputType, Int } from 'type-graphql';
import { ArrayMaxSize, IsBoolean, IsEnum, IsInt, IsOptional, IsUUID, Length, Max, Min } from 'class-validator';
import { FilterField, ListFilter, LocalDateScalar, OrderByField, PageArgs, UUIDScalar, UnlessOmitted, Versioned, type OrderInput } from '@platform/core';
import { EquipmentKind, EquipmentStatus, RenewalAction } from './equipment.enums';
import { EnterpriseEquipmentOrder, EquipmentRenewalPlanOrder } from './equipment.orders';

@InputType({ description: '企业设备筛选。Filters for enterprise equipment; all given filters must match.' })
export class EnterpriseEquipmentFilter extends ListFilter {
  @Field(() => UUIDScalar, { nullable: true, description: '企业。Only the equipment of this enterprise.' })
  @IsOptional()
  @IsUUID()
  enterpriseId?: string;

  @Field(() => [EquipmentKind], { nullable: true, description: '设备类别。Only equipment of these kinds.' })
  @IsOptional()
  @ArrayMaxSize(6)
  @IsEnum(EquipmentKind, { each: true })
  kinds?: EquipmentKind[];

  @Field(() => [EquipmentStatus], { nullable: true, description: '状态。Only equipment in these statuses.' })
  @IsOptional()
  @ArrayMaxSize(2)
  @IsEnum(EquipmentStatus, { each: true })
  statuses?: EquipmentStatus[];

  @Field(() => Boolean, { nullable: true, description: '淘汰落后工艺设备。Only eliminated items (true) or only the others (false).' })
  @IsOptional()
  @IsBoolean()
  eliminated?: boolean;

  @Field(() => Int, { nullable: true, description: '安装年份不晚于。Only equipment installed in or before this year.' })
  @IsOptional()
  @IsInt()
  @Min(1950)
  @Max(2100)
  installedBy?: number;
}

@ArgsType()
export class EnterpriseEquipmentListArgs extends PageArgs {
  @FilterField(() => EnterpriseEquipmentFilter, '筛选条件。Which equipment to list.')
  filter?: EnterpriseEquipmentFilter;

  @OrderByField(EnterpriseEquipmentOrder, 'by name')
  orderBy?: OrderInput<keyof typeof EnterpriseEquipmentOrder.Field>[];
}

@InputType({ description: '设备更新计划筛选。Filters for renewal plans; all given filters must match.' })
export class EquipmentRenewalPlanFilter extends ListFilter {
  @Field(() => UUIDScalar, { nullable: true, description: '企业。Only the plans of this enterprise.' })
  @IsOptional()
  @IsUUID()
  enterpriseId?: string;

  @Field(() => UUIDScalar, { nullable: true, description: '设备。Only the plans of this equipment.' })
  @IsOptional()
  @IsUUID()
  equipmentId?: string;

  @Field(() => Boolean, { nullable: true, description: '已逾期。Only plans not done after their due day (true) or only the others (false).' })
  @IsOptional()
  @IsBoolean()
  overdue?: boolean;

  @Field(() => Boolean, { nullable: true, description: '已完成。Only done plans (true) or only open ones (false).' })
  @IsOptional()
  @IsBoolean()
  done?: boolean;
}

@ArgsType()
export class EquipmentRenewalPlanListArgs extends PageArgs {
  @FilterField(() => EquipmentRenewalPlanFilter, '筛选条件。Which plans to list.')
  filter?: EquipmentRenewalPlanFilter;

  @OrderByField(EquipmentRenewalPlanOrder, 'earliest due first')
  orderBy?: OrderInput<keyof typeof EquipmentRenewalPlanOrder.Field>[];
}

@InputType({ description: '登记企业设备。A piece of equipment of an enterprise in your scope (an enterprise its own).' })
export class RegisterEnterpriseEquipmentInput {
  @Field(() => UUIDScalar, { description: '企业标识。The enterprise owning it.' })
  @IsUUID()
  enterpriseId: string;

  @Field({ description: '设备名称。2–100 characters.' })
  @Length(2, 100)
  name: string;

  @Field(() => EquipmentKind, { description: '设备类别。Its kind.' })
  @IsEnum(EquipmentKind)
  kind: EquipmentKind;

  @Field(() => String, { nullable: true, description: '型号规格。1–100 characters.' })
  @IsOptional()
  @Length(1, 100)
  model?: string;

  @Field(() => Int, { description: '安装年份。1950 up to the current year.' })
  @IsInt()
  @Min(1950)
  @Max(2100)
  installedYear: number;

  @Field(() => Boolean, { nullable: true, description: '淘汰落后工艺设备。Whether it is an eliminated process or equipment (default false); needs catalogueReference.' })
  @IsOptional()
  @IsBoolean()
  eliminated?: boolean;

  @Field(() => String, { nullable: true, description: '淘汰目录依据。The catalogue entry (2–300 characters); required when eliminated, refused otherwise.' })
  @IsOptional()
  @Length(2, 300)
  catalogueReference?: string;

  @Field(() => String, { nullable: true, description: '备注。1–500 characters.' })
  @IsOptional()
  @Length(1, 500)
  note?: string;
}

@InputType({ description: '更正企业设备详情。The fields to correct; omitted ones stay.' })
export class EnterpriseEquipmentChanges {
  @Field(() => String, { nullable: true, description: '设备名称。2–100 characters.' })
  @UnlessOmitted()
  @Length(2, 100)
  name?: string;

  @Field(() => EquipmentKind, { nullable: true, description: '设备类别。Its kind.' })
  @UnlessOmitted()
  @IsEnum(EquipmentKind)
  kind?: EquipmentKind;

  @Field(() => String, { nullable: true, description: '型号规格。1–100 characters; null clears it.' })
  @IsOptional()
  @Length(1, 100)
  model?: string | null;

  @Field(() => Int, { nullable: true, description: '安装年份。1950 up to the current year.' })
  @UnlessOmitted()
  @IsInt()
  @Min(1950)
  @Max(2100)
  installedYear?: number;

  @Field(() => Boolean, { nullable: true, description: '淘汰落后工艺设备。Set or clear the flag (with catalogueReference when set).' })
  @UnlessOmitted()
  @IsBoolean()
  eliminated?: boolean;

  @Field(() => String, { nullable: true, description: '淘汰目录依据。2–300 characters; kept only while eliminated.' })
  @IsOptional()
  @Length(2, 300)
  catalogueReference?: string | null;

  @Field(() => String, { nullable: true, description: '备注。1–500 characters; null clears it.' })
  @IsOptional()
  @Length(1, 500)
  note?: string | null;
}

@InputType({ description: '更正企业设备。Corrects a piece of equipment; needs the version you read.' })
export class UpdateEnterpriseEquipmentInput extends Versioned(EnterpriseEquipmentChanges) {}

@InputType({ description: '设备停用详情。The day a piece of equipment is retired.' })
export class EnterpriseEquipmentRetirement {
  @Field(() => LocalDateScalar, { nullable: true, description: '停用日期。Default today; not in the future.' })
  @IsOptional()
  retiredOn?: string;
}

@InputType({ description: '停用企业设备。Retires a piece of equipment in service; needs the version you read.' })
export class RetireEnterpriseEquipmentInput extends Versioned(EnterpriseEquipmentRetirement) {}

@InputType({ description: '制定设备更新计划。A plan to replace, retrofit or retire a piece of equipment in service.' })
export class PlanEquipmentRenewalInput {
  @Field(() => UUIDScalar, { description: '设备标识。The equipment (in your scope, in service).' })
  @IsUUID()
  equipmentId: string;

  @Field(() => RenewalAction, { description: '更新方式。Replace, retrofit or retire.' })
  @IsEnum(RenewalAction)
  action: RenewalAction;

  @Field({ description: '计划内容。What is planned (2–500 characters).' })
  @Length(2, 500)
  description: string;

  @Field(() => LocalDateScalar, { description: '计划完成日期。The day it is due.' })
  dueOn: string;
}

@InputType({ description: '设备更新完成详情。The day done and the evidence.' })
export class EquipmentRenewalCompletion {
  @Field(() => LocalDateScalar, { nullable: true, description: '完成日期。Default today; not in the future.' })
  @IsOptional()
  doneOn?: string;

  @Field({ description: '完成佐证。The evidence of completion (2–1000 characters), e.g. 验收报告编号、发票号.' })
  @Length(2, 1000)
  evidenceNote: string;
}

@InputType({ description: '完成设备更新计划。Records an open plan done; REPLACE and RETIRE retire the equipment on the day done. Needs the version you read.' })
export class CompleteEquipmentRenewalInput extends Versioned(EquipmentRenewalCompletion) {}
