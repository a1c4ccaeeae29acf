import { ArgsType, Field, InputType, Int } from 'type-graphql';
import { ArrayMaxSize, IsEnum, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { FilterField, GeoPointInput, LocatedFilter, LocationField, OrderByField, PageArgs, UUIDScalar, Versioned } from '@platform/core';
import { OrganizationKind } from './organization-kind.enum';
import { ContactInput } from './contact.type';
import { OrganizationOrder, type OrganizationOrderInput } from './organization-sort';

/** 统一社会信用代码 (18 chars) or 行政区划代码 (12 digits). The check digit is verified by the service. */
export const ORG_CODE_PATTERN = /^(?:[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}|\d{12})$/;

@InputType({ description: '企业档案输入。Enterprise profile fields; required when creating an enterprise.' })
export class EnterpriseProfileInput {
  @Field({ description: '行业代码。Industry sector code from `industrySectors`.' })
  @IsString()
  @Length(1, 40)
  sectorCode: string;

  @Field(() => Boolean, { nullable: true, description: '高危行业。Override of the sector\'s high-risk flag; defaults to the sector\'s.' })
  @IsOptional()
  highRisk?: boolean | null;

  @Field(() => Int, { nullable: true, description: '从业人数。Number of employees.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  employeeCount?: number | null;

  @Field(() => String, { nullable: true, description: '法定代表人。Legal representative.' })
  @IsOptional()
  @Length(1, 60)
  legalRepresentative?: string | null;

  @Field(() => UUIDScalar, { nullable: true, description: '安全管理人员标识。Id of the person responsible for safety management, an active person you may read.' })
  @IsOptional()
  @IsUUID()
  safetyManagerId?: string | null;

  @Field(() => String, { nullable: true, description: '经营范围。Main business.' })
  @IsOptional()
  @Length(1, 500)
  businessScope?: string | null;
}

@InputType({ description: '组织详细信息。Optional fields an organization has, shared by create and update; null clears a field on update.' })
export class OrganizationDetailsInput {
  @Field(() => String, { nullable: true, description: '简称。Short name (up to 30 characters).' })
  @IsOptional()
  @Length(1, 30)
  shortName?: string | null;

  @Field(() => String, { nullable: true, description: '代码。18-character unified social credit code or 12-digit administrative division code.' })
  @IsOptional()
  @Matches(ORG_CODE_PATTERN, { message: 'code must be an 18-character unified social credit code or a 12-digit administrative division code' })
  code?: string | null;

  @Field(() => String, { nullable: true, description: '地址。Street address.' })
  @IsOptional()
  @Length(1, 200)
  address?: string | null;

  @LocationField()
  location?: GeoPointInput | null;

  @Field(() => [ContactInput], { nullable: true, description: '联系方式。Public contacts (up to 10); on update they replace the old ones.' })
  @IsOptional()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => ContactInput)
  contacts?: ContactInput[] | null;
}

@InputType({ description: '新建组织输入。Fields of a new organization.' })
export class CreateOrganizationInput extends OrganizationDetailsInput {
  @Field(() => OrganizationKind, { description: '组织类型。What kind of body it is; decides which parents are allowed.' })
  @IsEnum(OrganizationKind)
  kind: OrganizationKind;

  @Field({ description: '名称。Full registered name (1–100 characters).' })
  @IsString()
  @Length(1, 100)
  name: string;

  @Field(() => UUIDScalar, { nullable: true, description: '上级组织标识。Parent organization; required for every kind but the town government.' })
  @IsOptional()
  @IsUUID()
  parentId?: string | null;

  @Field(() => EnterpriseProfileInput, { nullable: true, description: '企业档案。Enterprise profile; required for kind ENTERPRISE, refused for others.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => EnterpriseProfileInput)
  enterprise?: EnterpriseProfileInput | null;
}

@InputType({ description: '修改组织输入。Changes to an organization; omitted fields stay as they are, null clears a nullable field.' })
export class UpdateOrganizationInput extends Versioned(OrganizationDetailsInput) {
  @Field(() => String, { nullable: true, description: '名称。New full name.' })
  @IsOptional()
  @Length(1, 100)
  name?: string;

  @Field(() => UUIDScalar, { nullable: true, description: '上级组织标识。New parent: moves the organization with its whole subtree.' })
  @IsOptional()
  @IsUUID()
  parentId?: string;

  @Field(() => EnterpriseProfileInput, { nullable: true, description: '企业档案。Replaces the enterprise profile (enterprises only).' })
  @IsOptional()
  @ValidateNested()
  @Type(() => EnterpriseProfileInput)
  enterprise?: EnterpriseProfileInput;
}

@InputType({ description: '组织筛选。Filters for organization lists; all given filters must match.' })
export class OrganizationFilter extends LocatedFilter {
  @Field(() => [OrganizationKind], { nullable: true, description: '组织类型。Only these kinds.' })
  @IsOptional()
  @ArrayMaxSize(10)
  @IsEnum(OrganizationKind, { each: true })
  kinds?: OrganizationKind[];

  @Field(() => [String], { nullable: true, description: '行业代码。Only enterprises in these sectors.' })
  @IsOptional()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  sectorCodes?: string[];

  @Field(() => Boolean, { nullable: true, description: '高危行业。Only enterprises that are (true) or are not (false) high-risk.' })
  @IsOptional()
  highRisk?: boolean;

  @Field(() => UUIDScalar, { nullable: true, description: '上级组织。Only direct children of this organization.' })
  @IsOptional()
  @IsUUID()
  parentId?: string;

  @Field(() => UUIDScalar, { nullable: true, description: '所属子树。Only this organization and everything below it.' })
  @IsOptional()
  @IsUUID()
  withinSubtreeOf?: string;

  @Field(() => String, { nullable: true, description: '关键词。Text contained in the name or short name, or the exact code.' })
  @IsOptional()
  @Length(1, 100)
  search?: string;

  @Field(() => Boolean, { nullable: true, description: '含已归档。Include archived organizations (default false; true in a change feed, `updatedSince`).' })
  @IsOptional()
  includeArchived?: boolean;
}

@ArgsType()
export class OrganizationListArgs extends PageArgs {
  @FilterField(() => OrganizationFilter, '筛选条件。Which organizations to list.')
  filter?: OrganizationFilter;

  @OrderByField(OrganizationOrder, 'by tree position (parents before children)')
  orderBy?: OrganizationOrderInput[];
}

@ArgsType()
export class ChildOrganizationArgs extends PageArgs {
  @Field(() => [OrganizationKind], { nullable: true, description: '组织类型。Only children of these kinds.' })
  @IsOptional()
  @ArrayMaxSize(10)
  @IsEnum(OrganizationKind, { each: true })
  kinds?: OrganizationKind[];
}
