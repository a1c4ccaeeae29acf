import { ArgsType, Field, Float, InputType, Int } from 'type-graphql';
import { IsBoolean, IsEnum, IsInt, IsNumber, IsOptional, IsUUID, Length, Max, Min } from 'class-validator';
import { FilterField, GeoPointInput, LocatedFilter, LocationField, OrderByField, PageArgs, UUIDScalar, Versioned, LocalDateScalar, UnlessOmitted, type OrderInput } from '@platform/core';
import { ShelterInspectionResult, ShelterStatus, ShelterType } from './shelter.enums';
import { ShelterOrder } from './shelter.orders';

@InputType({ description: '避难场所详细信息。Optional fields of a shelter, shared by create and update; null clears a field on update.' })
export class ShelterDetailsInput {
  @Field(() => Float, { nullable: true, description: '面积（平方米）。Usable area in square metres, 0 to 10,000,000, two decimals at most.' })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  @Max(10_000_000)
  areaM2?: number | null;

  @Field(() => String, { nullable: true, description: '地址。Street address or directions (up to 200 characters).' })
  @IsOptional()
  @Length(1, 200)
  address?: string | null;

  @LocationField()
  location?: GeoPointInput | null;
}

@InputType({ description: '新建避难场所输入。A shelter to put on the register.' })
export class CreateShelterInput extends ShelterDetailsInput {
  @Field(() => UUIDScalar, { description: '管理单位标识。The village, community or institution that manages it (within your scope).' })
  @IsUUID()
  organizationId: string;

  @Field({ description: '名称。Name of the shelter (2–100 characters).' })
  @Length(2, 100)
  name: string;

  @Field(() => ShelterType, { description: '类型。What kind of place it is.' })
  @IsEnum(ShelterType)
  type: ShelterType;

  @Field(() => Int, { description: '容纳人数。How many people it can take in, 0 to 1,000,000.' })
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  capacity: number;

  @Field(() => Boolean, { nullable: true, description: '平急两用。Serves daily use and turns into a shelter in an emergency (default false).' })
  @IsOptional()
  @IsBoolean()
  dualUse?: boolean;

  @Field(() => ShelterStatus, { nullable: true, description: '状态。Whether it can take people in now (default AVAILABLE).' })
  @IsOptional()
  @IsEnum(ShelterStatus)
  status?: ShelterStatus;
}

@InputType({ description: '修改避难场所详情。Changes to a shelter; omitted fields stay as they are.' })
export class UpdateShelterDetails extends ShelterDetailsInput {
  @Field(() => UUIDScalar, { nullable: true, description: '管理单位标识。Hands the shelter over to another organization within your scope.' })
  @UnlessOmitted()
  @IsUUID()
  organizationId?: string;

  @Field(() => String, { nullable: true, description: '名称。New name (2–100 characters).' })
  @UnlessOmitted()
  @Length(2, 100)
  name?: string;

  @Field(() => ShelterType, { nullable: true, description: '类型。New kind of place.' })
  @UnlessOmitted()
  @IsEnum(ShelterType)
  type?: ShelterType;

  @Field(() => Int, { nullable: true, description: '容纳人数。New capacity, 0 to 1,000,000.' })
  @UnlessOmitted()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  capacity?: number;

  @Field(() => Boolean, { nullable: true, description: '平急两用。Whether it is dual-use.' })
  @UnlessOmitted()
  @IsBoolean()
  dualUse?: boolean;

  @Field(() => ShelterStatus, { nullable: true, description: '状态。New status.' })
  @UnlessOmitted()
  @IsEnum(ShelterStatus)
  status?: ShelterStatus;
}

@InputType({ description: '修改避难场所输入。Names the shelter and the version you read, with the changes.' })
export class UpdateShelterInput extends Versioned(UpdateShelterDetails) {}

@InputType({ description: '记录避难场所检查输入。An inspection of a shelter; it is added to the shelter\'s inspections and changes nothing else.' })
export class RecordShelterInspectionInput {
  @Field(() => UUIDScalar, { description: '避难场所标识。The shelter inspected (within your scope).' })
  @IsUUID()
  shelterId: string;

  @Field(() => LocalDateScalar, { description: '检查日期。Day of the inspection, YYYY-MM-DD, not in the future (China time).' })
  inspectedOn: string;

  @Field(() => UUIDScalar, { nullable: true, description: '检查人标识。The person who inspected, an active person you may read.' })
  @IsOptional()
  @IsUUID()
  inspectorPersonId?: string | null;

  @Field(() => ShelterInspectionResult, { description: '检查结果。Passed, or issues found (then findings are required).' })
  @IsEnum(ShelterInspectionResult)
  result: ShelterInspectionResult;

  @Field(() => String, { nullable: true, description: '发现问题。What was found (up to 2000 characters).' })
  @IsOptional()
  @Length(1, 2000)
  findings?: string | null;
}

@InputType({ description: '避难场所筛选。Filters for shelter lists; all given filters must match.' })
export class ShelterFilter extends LocatedFilter {
  @Field(() => UUIDScalar, { nullable: true, description: '所属子树。Only shelters managed by this organization or one below it.' })
  @IsOptional()
  @IsUUID()
  withinSubtreeOf?: string;

  @Field(() => ShelterStatus, { nullable: true, description: '状态。Only shelters in this status.' })
  @IsOptional()
  @IsEnum(ShelterStatus)
  status?: ShelterStatus;

  @Field(() => Boolean, { nullable: true, description: '平急两用。Only dual-use shelters (true) or only the others (false).' })
  @IsOptional()
  @IsBoolean()
  dualUse?: boolean;

  @Field(() => Int, { nullable: true, description: '最小容纳人数。Only shelters taking in at least this many people.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  minCapacity?: number;

  @Field(() => Boolean, { nullable: true, description: '含已归档。Include archived shelters (default false).' })
  @IsOptional()
  @IsBoolean()
  includeArchived?: boolean;
}

@ArgsType()
export class ShelterListArgs extends PageArgs {
  @FilterField(() => ShelterFilter, '筛选条件。Which shelters to list.')
  filter?: ShelterFilter;

  @OrderByField(ShelterOrder, 'by name')
  orderBy?: OrderInput<keyof typeof ShelterOrder.Field>[];
}
