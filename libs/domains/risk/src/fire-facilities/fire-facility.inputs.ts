import { ArgsType, Field, InputType, Int } from 'type-graphql';
import { ArrayMaxSize, IsBoolean, IsEnum, IsInt, IsOptional, IsUUID, Length, Max, Min } from 'class-validator';
import { FilterField, GeoPointInput, LocatedFilter, LocationField, OrderByField, PageArgs, UUIDScalar, Versioned, LocalDateScalar, UnlessOmitted, type OrderInput } from '@platform/core';
import { FireFacilityKind, FireFacilityStatus } from './fire-facility.enums';
import { FireFacilityOrder } from './fire-facility.orders';

@InputType({ description: '消防设施详细信息。Optional fields of a fire facility, shared by create and update; null clears a field on update.' })
export class FireFacilityDetailsInput {
  @LocationField()
  location?: GeoPointInput | null;
}

@InputType({ description: '新建消防设施输入。A fire facility to put on the register.' })
export class CreateFireFacilityInput extends FireFacilityDetailsInput {
  @Field(() => UUIDScalar, { description: '管理单位标识。The organization that keeps it (within your scope).' })
  @IsUUID()
  organizationId: string;

  @Field(() => FireFacilityKind, { description: '种类。What kind of facility.' })
  @IsEnum(FireFacilityKind)
  kind: FireFacilityKind;

  @Field({ description: '描述。What and where exactly (2–200 characters).' })
  @Length(2, 200)
  description: string;

  @Field(() => Int, { description: '数量。How many units, 1 to 100,000.' })
  @IsInt()
  @Min(1)
  @Max(100_000)
  quantity: number;

  @Field(() => Int, { nullable: true, description: '检查周期（天）。Days allowed between inspections, 1 to 3650 (default 30).' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(3650)
  inspectionIntervalDays?: number;

  @Field(() => LocalDateScalar, { nullable: true, description: '最近检查日期。Day of the last inspection so far, YYYY-MM-DD, not in the future; omit when never inspected.' })
  @IsOptional()
  lastInspectedOn?: string | null;

  @Field(() => FireFacilityStatus, { nullable: true, description: '状态。Condition (default OK).' })
  @IsOptional()
  @IsEnum(FireFacilityStatus)
  status?: FireFacilityStatus;
}

@InputType({ description: '修改消防设施详情。Changes to a fire facility; omitted fields stay as they are. Inspections are recorded with recordFireFacilityInspection.' })
export class UpdateFireFacilityDetails extends FireFacilityDetailsInput {
  @Field(() => UUIDScalar, { nullable: true, description: '管理单位标识。Hands the facility over to another organization within your scope.' })
  @UnlessOmitted()
  @IsUUID()
  organizationId?: string;

  @Field(() => FireFacilityKind, { nullable: true, description: '种类。New kind.' })
  @UnlessOmitted()
  @IsEnum(FireFacilityKind)
  kind?: FireFacilityKind;

  @Field(() => String, { nullable: true, description: '描述。New description (2–200 characters).' })
  @UnlessOmitted()
  @Length(2, 200)
  description?: string;

  @Field(() => Int, { nullable: true, description: '数量。New number of units, 1 to 100,000.' })
  @UnlessOmitted()
  @IsInt()
  @Min(1)
  @Max(100_000)
  quantity?: number;

  @Field(() => Int, { nullable: true, description: '检查周期（天）。New interval between inspections, 1 to 3650 days.' })
  @UnlessOmitted()
  @IsInt()
  @Min(1)
  @Max(3650)
  inspectionIntervalDays?: number;

  @Field(() => FireFacilityStatus, { nullable: true, description: '状态。New condition, e.g. FAULTY when reported broken between inspections.' })
  @UnlessOmitted()
  @IsEnum(FireFacilityStatus)
  status?: FireFacilityStatus;
}

@InputType({ description: '修改消防设施输入。Names the facility and the version you read, with the changes.' })
export class UpdateFireFacilityInput extends Versioned(UpdateFireFacilityDetails) {}

@InputType({ description: '消防设施检查详情。What an inspection of a fire facility found.' })
export class FireFacilityInspectionDetails {
  @Field(() => LocalDateScalar, { description: '检查日期。Day of the inspection, YYYY-MM-DD, not in the future (China time) and not before the last one.' })
  inspectedOn: string;

  @Field(() => FireFacilityStatus, { description: '状态。Condition found.' })
  @IsEnum(FireFacilityStatus)
  status: FireFacilityStatus;
}

@InputType({ description: '记录消防设施检查输入。Names the facility and the version you read, with the inspection\'s day and finding.' })
export class RecordFireFacilityInspectionInput extends Versioned(FireFacilityInspectionDetails) {}

@InputType({ description: '消防设施筛选。Filters for fire facility lists; all given filters must match.' })
export class FireFacilityFilter extends LocatedFilter {
  @Field(() => UUIDScalar, { nullable: true, description: '所属子树。Only facilities kept by this organization or one below it.' })
  @IsOptional()
  @IsUUID()
  withinSubtreeOf?: string;

  @Field(() => [FireFacilityKind], { nullable: true, description: '种类。Only these kinds.' })
  @IsOptional()
  @ArrayMaxSize(6)
  @IsEnum(FireFacilityKind, { each: true })
  kinds?: FireFacilityKind[];

  @Field(() => FireFacilityStatus, { nullable: true, description: '状态。Only facilities in this condition.' })
  @IsOptional()
  @IsEnum(FireFacilityStatus)
  status?: FireFacilityStatus;

  @Field(() => Boolean, { nullable: true, description: '检查逾期。Only facilities never inspected or past their interval (true), or only those inspected in time (false).' })
  @IsOptional()
  @IsBoolean()
  inspectionOverdue?: boolean;

  @Field(() => Boolean, { nullable: true, description: '含已归档。Include archived facilities (default false).' })
  @IsOptional()
  @IsBoolean()
  includeArchived?: boolean;
}

@ArgsType()
export class FireFacilityListArgs extends PageArgs {
  @FilterField(() => FireFacilityFilter, '筛选条件。Which facilities to list.')
  filter?: FireFacilityFilter;

  @OrderByField(FireFacilityOrder, 'by kind, then description')
  orderBy?: OrderInput<keyof typeof FireFacilityOrder.Field>[];
}
