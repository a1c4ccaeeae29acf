import { ArgsType, Field, InputType } from 'type-graphql';
import { ArrayMaxSize, IsBoolean, IsEnum, IsOptional, IsUUID, Length } from 'class-validator';
import { FilterField, GeoJSONLineStringScalar, ListFilter, OrderByField, PageArgs, UUIDScalar, UnlessOmitted, Versioned, type OrderInput } from '@platform/core';
import { LinearFeatureKind } from './registries.enums';
import { LinearFeatureSectionOrder } from './registries.orders';

const LINE_STRING = 'GeoJSON LineString (RFC 7946) in WGS 84 inside China: { "type": "LineString", "coordinates": [[longitude, latitude], …] }, 2 to 2000 positions (a JSON object until the kernel has a LineString scalar)';

@InputType({ description: '沿线责任段筛选。Filters for linear feature sections; all given filters must match.' })
export class LinearFeatureSectionFilter extends ListFilter {
  @Field(() => [LinearFeatureKind], { nullable: true, description: '类型。Only these kinds.' })
  @IsOptional()
  @ArrayMaxSize(3)
  @IsEnum(LinearFeatureKind, { each: true })
  kinds?: LinearFeatureKind[];

  @Field(() => Boolean, { nullable: true, description: '责任缺失。Only sections missing a responsible organization or department (true), or only those with both (false).' })
  @IsOptional()
  @IsBoolean()
  unassigned?: boolean;

  @Field(() => UUIDScalar, { nullable: true, description: '责任部门标识。Only sections this department answers for.' })
  @IsOptional()
  @IsUUID()
  responsibleDepartmentId?: string;
}

@ArgsType()
export class LinearFeatureSectionListArgs extends PageArgs {
  @FilterField(() => LinearFeatureSectionFilter, '筛选条件。Which sections to list.')
  filter?: LinearFeatureSectionFilter;

  @OrderByField(LinearFeatureSectionOrder, 'by kind, then name')
  orderBy?: OrderInput<keyof typeof LinearFeatureSectionOrder.Field>[];
}

@InputType({ description: '登记沿线责任段。A road, railway or reservoir-bank section with who answers for it.' })
export class CreateLinearFeatureSectionInput {
  @Field(() => LinearFeatureKind, { description: '类型。Road, railway or reservoir bank.' })
  @IsEnum(LinearFeatureKind)
  kind: LinearFeatureKind;

  @Field({ description: '名称。The section (2–100 characters), e.g. G65包茂高速南平段.' })
  @Length(2, 100)
  name: string;

  @Field(() => GeoJSONLineStringScalar, { description: `线位。The section's line: a ${LINE_STRING}.` })
  geometry: Record<string, unknown>;

  @Field(() => UUIDScalar, { nullable: true, description: '责任单位标识。The organization responsible along it (a village, community or the town); none leaves a gap.' })
  @IsOptional()
  @IsUUID()
  responsibleOrganizationId?: string;

  @Field(() => UUIDScalar, { nullable: true, description: '责任部门标识。The town department responsible (an organization of kind DEPARTMENT); none leaves a gap.' })
  @IsOptional()
  @IsUUID()
  responsibleDepartmentId?: string;

  @Field(() => String, { nullable: true, description: '说明。Hazards along it and measures (up to 2000 characters).' })
  @IsOptional()
  @Length(1, 2000)
  note?: string;
}

@InputType({ description: '修改沿线责任段详情。Changes to a section; omitted fields stay as they are.' })
export class LinearFeatureSectionDetails {
  @Field({ nullable: true, description: '名称。New name (2–100 characters).' })
  @UnlessOmitted()
  @Length(2, 100)
  name?: string;

  @Field(() => GeoJSONLineStringScalar, { nullable: true, description: `线位。New line: a ${LINE_STRING}.` })
  @UnlessOmitted()
  geometry?: Record<string, unknown>;

  @Field(() => UUIDScalar, { nullable: true, description: '责任单位标识。New responsible organization (null clears it: a gap).' })
  @IsOptional()
  @IsUUID()
  responsibleOrganizationId?: string | null;

  @Field(() => UUIDScalar, { nullable: true, description: '责任部门标识。New responsible department (null clears it: a gap).' })
  @IsOptional()
  @IsUUID()
  responsibleDepartmentId?: string | null;

  @Field(() => String, { nullable: true, description: '说明。New note (null clears it).' })
  @IsOptional()
  @Length(1, 2000)
  note?: string | null;
}

@InputType({ description: '修改沿线责任段。Changes a section; needs the version you read.' })
export class UpdateLinearFeatureSectionInput extends Versioned(LinearFeatureSectionDetails) {}
