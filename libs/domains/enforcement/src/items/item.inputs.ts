import { ArgsType, Field, InputType, Int } from 'type-graphql';
import { ArrayMaxSize, ArrayUnique, IsEnum, IsInt, IsOptional, IsUUID, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { DecimalRange, DecimalScalar, FilterField, ListFilter, LocalDateScalar, OrderByField, PageArgs, UUIDScalar, UnlessOmitted, Versioned, type OrderInput } from '@platform/core';
import { DiscretionLevel, DiscretionSubject, EnforcementItemCategory, EnforcementItemKind, EnforcementItemListStatus } from './item.enums';
import { EnforcementItemListOrder, EnforcementItemOrder } from './item.orders';

/** A list's code: letters, digits and hyphens, e.g. 2025-07. */
const LIST_CODE = /^[A-Za-z0-9][A-Za-z0-9-]{0,31}$/;
/** An item's code: capital letters, digits and hyphens, e.g. AQ-JC-001. */
export const ITEM_CODE = /^[A-Z0-9][A-Z0-9-]{1,31}$/;
/** The most bands one item carries. */
export const MAX_BANDS = 12;
/** The largest fine a band may name, in yuan (安全生产法 第一百一十四条 goes to 2000万, ×5 when especially serious). */
const MAX_FINE = '100000000';

@InputType({ description: '执法事项清单筛选。Filters for item lists; all given filters must match.' })
export class EnforcementItemListFilter extends ListFilter {
  @Field(() => UUIDScalar, { nullable: true, description: '所属单位标识。Only lists of this legal subject.' })
  @IsOptional()
  @IsUUID()
  organizationId?: string;

  @Field(() => [EnforcementItemListStatus], { nullable: true, description: '状态。Only these statuses.' })
  @IsOptional()
  @ArrayMaxSize(3)
  @IsEnum(EnforcementItemListStatus, { each: true })
  statuses?: EnforcementItemListStatus[];

  @Field(() => LocalDateScalar, { nullable: true, description: '有效日期。Only the published lists in force on this day (YYYY-MM-DD).' })
  @IsOptional()
  inForceOn?: string;
}

@ArgsType()
export class EnforcementItemListListArgs extends PageArgs {
  @FilterField(() => EnforcementItemListFilter, '筛选条件。Which lists to show.')
  filter?: EnforcementItemListFilter;

  @OrderByField(EnforcementItemListOrder, 'the latest effective first')
  orderBy?: OrderInput<keyof typeof EnforcementItemListOrder.Field>[];
}

@InputType({ description: '执法事项筛选。Filters for items; all given filters must match.' })
export class EnforcementItemFilter extends ListFilter {
  @Field(() => UUIDScalar, { nullable: true, description: '清单标识。Only items of this list version.' })
  @IsOptional()
  @IsUUID()
  listId?: string;

  @Field(() => LocalDateScalar, { nullable: true, description: '有效日期。Only items of the lists in force on this day (YYYY-MM-DD): the items a matter opened that day may name.' })
  @IsOptional()
  inForceOn?: string;

  @Field(() => [EnforcementItemKind], { nullable: true, description: '事项类型。Only these kinds.' })
  @IsOptional()
  @ArrayMaxSize(3)
  @IsEnum(EnforcementItemKind, { each: true })
  kinds?: EnforcementItemKind[];

  @Field(() => [EnforcementItemCategory], { nullable: true, description: '事项类别。Only these categories.' })
  @IsOptional()
  @ArrayMaxSize(4)
  @IsEnum(EnforcementItemCategory, { each: true })
  categories?: EnforcementItemCategory[];

  @Field(() => [String], { nullable: true, description: '事项编码。Only items with these codes (at most 50), e.g. the same item across versions.' })
  @IsOptional()
  @ArrayMaxSize(50)
  @Length(1, 32, { each: true })
  codes?: string[];

  @Field(() => String, { nullable: true, description: '关键词。Only items whose name, code or legal basis contains this text (1–100 characters).' })
  @IsOptional()
  @Length(1, 100)
  search?: string;
}

@ArgsType()
export class EnforcementItemListArgs extends PageArgs {
  @FilterField(() => EnforcementItemFilter, '筛选条件。Which items to list.')
  filter?: EnforcementItemFilter;

  @OrderByField(EnforcementItemOrder, 'by item code')
  orderBy?: OrderInput<keyof typeof EnforcementItemOrder.Field>[];
}

@InputType({ description: '新建执法事项清单。A draft list version of a legal subject, empty or copied from one of its published lists.' })
export class CreateEnforcementItemListInput {
  @Field(() => UUIDScalar, { description: '所属单位标识。The legal subject (the town government or one of its departments) within your scope.' })
  @IsUUID()
  organizationId: string;

  @Field({ description: '清单编号。A short code unique for the organization, e.g. 2026-01 (letters, digits, hyphens; 1–32).' })
  @Matches(LIST_CODE)
  code: string;

  @Field({ description: '清单名称。The title (2–200 characters).' })
  @Length(2, 200)
  title: string;

  @Field(() => String, { nullable: true, description: '依据文号。The document that sets the list (1–100 characters).' })
  @IsOptional()
  @Length(1, 100)
  documentNumber?: string;

  @Field(() => LocalDateScalar, { description: '生效日期。The first day it is to be in force once published (YYYY-MM-DD).' })
  effectiveFrom: string;

  @Field(() => UUIDScalar, { nullable: true, description: '复制来源。A published list of the same organization whose items (with basis links and bands) the draft starts with.' })
  @IsOptional()
  @IsUUID()
  copyFromListId?: string;

  @Field(() => String, { nullable: true, description: '说明。A note (1–1000 characters).' })
  @IsOptional()
  @Length(1, 1000)
  note?: string;
}

@InputType({ description: '修改清单草稿。The fields of a draft list to change; omitted ones stay.' })
export class EnforcementItemListChanges {
  @Field(() => String, { nullable: true, description: '清单编号。A short code unique for the organization.' })
  @UnlessOmitted()
  @Matches(LIST_CODE)
  code?: string;

  @Field(() => String, { nullable: true, description: '清单名称。The title (2–200 characters).' })
  @UnlessOmitted()
  @Length(2, 200)
  title?: string;

  @Field(() => String, { nullable: true, description: '依据文号。The document number (1–100 characters); null clears it.' })
  @IsOptional()
  @Length(1, 100)
  documentNumber?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: '生效日期。The first day in force once published (YYYY-MM-DD).' })
  @UnlessOmitted()
  effectiveFrom?: string;

  @Field(() => String, { nullable: true, description: '说明。A note (1–1000 characters); null clears it.' })
  @IsOptional()
  @Length(1, 1000)
  note?: string | null;
}

@InputType({ description: '修改执法事项清单。Changes a DRAFT list. Needs the version you read.' })
export class UpdateEnforcementItemListInput extends Versioned(EnforcementItemListChanges) {}

@InputType({ description: '执法事项清单引用。Names no fields besides the list and its version.' })
export class EnforcementItemListRef {}

@InputType({ description: '发布执法事项清单。Publishes a DRAFT list (with at least one item): in force from its effective day, and the list in force until now ends the day before. Needs the version you read.' })
export class PublishEnforcementItemListInput extends Versioned(EnforcementItemListRef) {}

@InputType({ description: '裁量基准。A discretion band: for the unit or a person, at a level, a fine range in yuan or (for a person) a share of last year\'s income, and the circumstances.' })
export class DiscretionBandInput {
  @Field(() => DiscretionSubject, { description: '处罚对象。The unit or a person.' })
  @IsEnum(DiscretionSubject)
  subject: DiscretionSubject;

  @Field(() => DiscretionLevel, { description: '裁量阶次。Minor, ordinary, serious or grave.' })
  @IsEnum(DiscretionLevel)
  level: DiscretionLevel;

  @Field(() => DecimalScalar, { nullable: true, description: '罚款下限（元）。The least fine in yuan (0 to 1亿), with `fineMaxYuan`.' })
  @IsOptional()
  @DecimalRange({ min: '0', max: MAX_FINE })
  fineMinYuan?: string;

  @Field(() => DecimalScalar, { nullable: true, description: '罚款上限（元）。The greatest fine in yuan (0 to 1亿, not below the least), with `fineMinYuan`.' })
  @IsOptional()
  @DecimalRange({ min: '0', max: MAX_FINE })
  fineMaxYuan?: string;

  @Field(() => Int, { nullable: true, description: '收入比例下限（%）。For a person: the least fine as a percentage of last year\'s income (0–100), with `incomePercentMax`; instead of a range in yuan.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  incomePercentMin?: number;

  @Field(() => Int, { nullable: true, description: '收入比例上限（%）。For a person: the greatest percentage (0–100, not below the least), with `incomePercentMin`.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  incomePercentMax?: number;

  @Field({ description: '适用情形。The circumstances the band is for (2–500 characters), e.g. 逾期未改正的.' })
  @Length(2, 500)
  condition: string;
}

@InputType({ description: '执法事项内容。What an item is, how the town holds it and on what basis (not used as a type by itself).' })
export abstract class EnforcementItemFields {
  @Field({ description: '事项名称。The item (2–200 characters).' })
  @Length(2, 200)
  name: string;

  @Field(() => EnforcementItemKind, { description: '事项类型。Statutory, delegated (give `sourceDepartment`) or entrusted (give `entrustingBody`).' })
  @IsEnum(EnforcementItemKind)
  kind: EnforcementItemKind;

  @Field(() => EnforcementItemCategory, { description: '事项类别。Inspection, penalty, coercive measure or other.' })
  @IsEnum(EnforcementItemCategory)
  category: EnforcementItemCategory;

  @Field(() => String, { nullable: true, description: '实施范围。Whom or what the item covers (1–500 characters).' })
  @IsOptional()
  @Length(1, 500)
  scope?: string | null;

  @Field(() => UUIDScalar, { description: '实施主体标识。The legal subject that exercises it: the town government or one of its departments.' })
  @IsUUID()
  responsibleOrganizationId: string;

  @Field(() => String, { nullable: true, description: '原行使部门。For a DELEGATED item, the department that held the power (2–100 characters); only then.' })
  @IsOptional()
  @Length(2, 100)
  sourceDepartment?: string | null;

  @Field(() => String, { nullable: true, description: '委托机关。For an ENTRUSTED item, the body in whose name it is done (2–100 characters); only then.' })
  @IsOptional()
  @Length(2, 100)
  entrustingBody?: string | null;

  @Field({ description: '实施依据。The legal basis as the list writes it (2–1000 characters).' })
  @Length(2, 1000)
  legalBasis: string;

  @Field(() => [UUIDScalar], { nullable: true, description: '依据条文。Articles of the law catalog the basis cites (at most 20, each once), each in force on the list\'s effective day.' })
  @IsOptional()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  basisArticleIds?: string[];

  @Field(() => [DiscretionBandInput], { nullable: true, description: '裁量基准。For a PENALTY item, its discretion bands (at most 12).' })
  @IsOptional()
  @ArrayMaxSize(MAX_BANDS)
  @ValidateNested({ each: true })
  @Type(() => DiscretionBandInput)
  discretionBands?: DiscretionBandInput[];

  @Field(() => String, { nullable: true, description: '说明。A note (1–1000 characters).' })
  @IsOptional()
  @Length(1, 1000)
  note?: string | null;
}

@InputType({ description: '新增执法事项。An item added to a DRAFT list.' })
export class AddEnforcementItemInput extends EnforcementItemFields {
  @Field(() => UUIDScalar, { description: '清单标识。The draft list.' })
  @IsUUID()
  listId: string;

  @Field({ description: '事项编码。The code, unique in the list and kept across versions (capital letters, digits, hyphens; 2–32), e.g. AQ-JC-001.' })
  @Matches(ITEM_CODE)
  code: string;
}

@InputType({ description: '修改执法事项。The fields of an item of a draft to change; omitted ones stay, given lists (`basisArticleIds`, `discretionBands`) replace the old ones.' })
export class EnforcementItemChanges {
  @Field(() => String, { nullable: true, description: '事项编码。The code, unique in the list.' })
  @UnlessOmitted()
  @Matches(ITEM_CODE)
  code?: string;

  @Field(() => String, { nullable: true, description: '事项名称。The item (2–200 characters).' })
  @UnlessOmitted()
  @Length(2, 200)
  name?: string;

  @Field(() => EnforcementItemKind, { nullable: true, description: '事项类型。Statutory, delegated or entrusted.' })
  @UnlessOmitted()
  @IsEnum(EnforcementItemKind)
  kind?: EnforcementItemKind;

  @Field(() => EnforcementItemCategory, { nullable: true, description: '事项类别。Inspection, penalty, coercive measure or other.' })
  @UnlessOmitted()
  @IsEnum(EnforcementItemCategory)
  category?: EnforcementItemCategory;

  @Field(() => String, { nullable: true, description: '实施范围。Whom or what it covers (1–500 characters); null clears it.' })
  @IsOptional()
  @Length(1, 500)
  scope?: string | null;

  @Field(() => UUIDScalar, { nullable: true, description: '实施主体标识。The legal subject that exercises it.' })
  @UnlessOmitted()
  @IsUUID()
  responsibleOrganizationId?: string;

  @Field(() => String, { nullable: true, description: '原行使部门。For a DELEGATED item (2–100 characters); null clears it.' })
  @IsOptional()
  @Length(2, 100)
  sourceDepartment?: string | null;

  @Field(() => String, { nullable: true, description: '委托机关。For an ENTRUSTED item (2–100 characters); null clears it.' })
  @IsOptional()
  @Length(2, 100)
  entrustingBody?: string | null;

  @Field(() => String, { nullable: true, description: '实施依据。The legal basis as the list writes it (2–1000 characters).' })
  @UnlessOmitted()
  @Length(2, 1000)
  legalBasis?: string;

  @Field(() => [UUIDScalar], { nullable: true, description: '依据条文。Replaces the basis articles (at most 20, each once, each in force on the list\'s effective day).' })
  @UnlessOmitted()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  basisArticleIds?: string[];

  @Field(() => [DiscretionBandInput], { nullable: true, description: '裁量基准。Replaces the discretion bands (at most 12; a PENALTY item only).' })
  @UnlessOmitted()
  @ArrayMaxSize(MAX_BANDS)
  @ValidateNested({ each: true })
  @Type(() => DiscretionBandInput)
  discretionBands?: DiscretionBandInput[];

  @Field(() => String, { nullable: true, description: '说明。A note (1–1000 characters); null clears it.' })
  @IsOptional()
  @Length(1, 1000)
  note?: string | null;
}

@InputType({ description: '修改执法事项。Changes an item of a DRAFT list. Needs the version you read.' })
export class UpdateEnforcementItemInput extends Versioned(EnforcementItemChanges) {}

@InputType({ description: '执法事项引用。Names no fields besides the item and its version.' })
export class EnforcementItemRef {}

@InputType({ description: '删除执法事项。Removes an item from a DRAFT list (a published list\'s items stay forever). Needs the version you read.' })
export class RemoveEnforcementItemInput extends Versioned(EnforcementItemRef) {}
