import { ArgsType, Field, InputType, Int } from 'type-graphql';
import { ArrayMaxSize, IsEnum, IsInt, IsOptional, IsUUID, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { FilterField, ListFilter, LocalDateScalar, OrderByField, PageArgs, UUIDScalar, UnlessOmitted, Versioned, type OrderInput } from '@platform/core';
import { DutyCategory, DutyItemChangeKind, DutyListStatus } from './duty.enums';
import { DutyActionOrder, DutyItemChangeOrder, DutyItemOrder, DutyListOrder } from './duty.orders';

/** The most items a list holds (a diff of two lists stays bounded). */
export const MAX_DUTY_ITEMS = 100;
/** An item key: capitals, digits and hyphens, e.g. LEAD-01. */
export const DUTY_ITEM_KEY = /^[A-Z0-9][A-Z0-9-]{0,29}$/;

@InputType({ description: '职责清单筛选。Filters for duty lists; all given filters must match.' })
export class DutyListFilter extends ListFilter {
  @Field(() => UUIDScalar, { nullable: true, description: '责任人标识。Only the lists of this official (person).' })
  @IsOptional()
  @IsUUID()
  personId?: string;

  @Field(() => UUIDScalar, { nullable: true, description: '任职单位标识。Only lists of positions at this organization.' })
  @IsOptional()
  @IsUUID()
  organizationId?: string;

  @Field(() => UUIDScalar, { nullable: true, description: '所属子树。Only lists of positions at this organization or one below it.' })
  @IsOptional()
  @IsUUID()
  withinSubtreeOf?: string;

  @Field(() => Int, { nullable: true, description: '年度。Only lists of this year.' })
  @IsOptional()
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;

  @Field(() => [DutyListStatus], { nullable: true, description: '状态。Only these statuses.' })
  @IsOptional()
  @ArrayMaxSize(2)
  @IsEnum(DutyListStatus, { each: true })
  statuses?: DutyListStatus[];
}

@InputType({ description: '职责条目筛选。Which duties to list; all given filters must match.' })
export class DutyItemFilter extends ListFilter {
  @Field(() => UUIDScalar, { nullable: true, description: '清单标识。Only the duties of this list.' })
  @IsOptional()
  @IsUUID()
  listId?: string;

  @Field(() => UUIDScalar, { nullable: true, description: '责任人标识。Only the duties of this official\'s lists.' })
  @IsOptional()
  @IsUUID()
  personId?: string;

  @Field(() => Int, { nullable: true, description: '年度。Only the duties of lists of this year.' })
  @IsOptional()
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;

  @Field(() => [DutyCategory], { nullable: true, description: '类别。Only these categories.' })
  @IsOptional()
  @ArrayMaxSize(7)
  @IsEnum(DutyCategory, { each: true })
  categories?: DutyCategory[];
}

@ArgsType()
export class DutyItemListArgs extends PageArgs {
  @FilterField(() => DutyItemFilter, '筛选条件。Which duties to list.')
  filter?: DutyItemFilter;

  @OrderByField(DutyItemOrder, 'by place in the list')
  orderBy?: OrderInput<keyof typeof DutyItemOrder.Field>[];
}

@ArgsType()
export class DutyListListArgs extends PageArgs {
  @FilterField(() => DutyListFilter, '筛选条件。Which lists to list.')
  filter?: DutyListFilter;

  @OrderByField(DutyListOrder, 'latest year first, then by title')
  orderBy?: OrderInput<keyof typeof DutyListOrder.Field>[];
}

@InputType({ description: '清单差异筛选。Which changes to list.' })
export class DutyListDiffFilter {
  @Field(() => [DutyItemChangeKind], { nullable: true, description: '变化类型。Only these kinds of change.' })
  @IsOptional()
  @ArrayMaxSize(3)
  @IsEnum(DutyItemChangeKind, { each: true })
  kinds?: DutyItemChangeKind[];
}

@ArgsType()
export class DutyListDiffArgs extends PageArgs {
  @Field(() => UUIDScalar, { description: '原清单标识。The earlier list (typically the year before).' })
  @IsUUID()
  baseListId: string;

  @Field(() => UUIDScalar, { description: '新清单标识。The later list, of the same official.' })
  @IsUUID()
  listId: string;

  @FilterField(() => DutyListDiffFilter, '筛选条件。Which changes.')
  filter?: DutyListDiffFilter;

  @OrderByField(DutyItemChangeOrder, 'by key')
  orderBy?: OrderInput<keyof typeof DutyItemChangeOrder.Field>[];
}

@InputType({ description: '职责条目筛选。Which duties to check.' })
export class DutyItemGapFilter extends ListFilter {
  @Field(() => UUIDScalar, { nullable: true, description: '任职单位标识。Only the duties of the official\'s position at this organization.' })
  @IsOptional()
  @IsUUID()
  organizationId?: string;

  @Field(() => [DutyCategory], { nullable: true, description: '类别。Only these categories.' })
  @IsOptional()
  @ArrayMaxSize(7)
  @IsEnum(DutyCategory, { each: true })
  categories?: DutyCategory[];
}

@ArgsType()
export class DutyItemsWithoutActionArgs extends PageArgs {
  @Field(() => UUIDScalar, { description: '责任人标识。The official (person).' })
  @IsUUID()
  personId: string;

  @Field(() => LocalDateScalar, { description: '期间起。The period\'s first day.' })
  from: string;

  @Field(() => LocalDateScalar, { description: '期间止。The period\'s last day (included; not before `from`, at most 366 days after it).' })
  to: string;

  @FilterField(() => DutyItemGapFilter, '筛选条件。Which duties to check.')
  filter?: DutyItemGapFilter;

  @OrderByField(DutyItemOrder, 'by place in the list')
  orderBy?: OrderInput<keyof typeof DutyItemOrder.Field>[];
}

@InputType({ description: '职责条目。One duty of a list.' })
export class DutyItemInput {
  @Field({ description: '条目键。A stable key, unique in the list and kept across years: capitals, digits and hyphens, 1–30 characters (e.g. LEAD-01).' })
  @Matches(DUTY_ITEM_KEY)
  key: string;

  @Field({ description: '职责内容。What the official is to do (4–1000 characters).' })
  @Length(4, 1000)
  text: string;

  @Field({ description: '法定依据。The provision it rests on (2–500 characters), e.g. 《安全生产法》第三条.' })
  @Length(2, 500)
  legalBasis: string;

  @Field(() => DutyCategory, { description: '类别。What the duty is about.' })
  @IsEnum(DutyCategory)
  category: DutyCategory;

  @Field(() => Int, { nullable: true, description: '排序号。Its place in the list (0–1000000; default: after every item).' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  position?: number;
}

@InputType({ description: '新建职责清单。A draft duty list for an official and a year.' })
export class CreateDutyListInput {
  @Field(() => UUIDScalar, { description: '责任人标识。The official: a person holding a current position at `organizationId`.' })
  @IsUUID()
  personId: string;

  @Field(() => UUIDScalar, { description: '任职单位标识。The organization of the position, within your scope.' })
  @IsUUID()
  organizationId: string;

  @Field(() => Int, { description: '年度。The year (2000–2100); the official must have no list of that year yet (revise it instead).' })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year: number;

  @Field({ nullable: true, description: '标题。The title (4–200 characters; default: the position, the year and 安全生产和防灾减灾救灾工作职责清单).' })
  @IsOptional()
  @Length(4, 200)
  title?: string;

  @Field(() => [DutyItemInput], { nullable: true, description: `职责条目。The duties (at most ${MAX_DUTY_ITEMS}, keys unique).` })
  @IsOptional()
  @ArrayMaxSize(MAX_DUTY_ITEMS)
  @ValidateNested({ each: true })
  @Type(() => DutyItemInput)
  items?: DutyItemInput[];
}

@InputType({ description: '新增职责条目。A duty added to a draft list.' })
export class AddDutyItemInput extends DutyItemInput {
  @Field(() => UUIDScalar, { description: '清单标识。The draft list, within your scope.' })
  @IsUUID()
  listId: string;
}

@InputType({ description: '修改职责条目详情。Changes to a duty of a draft list; omitted fields stay as they are (the key stays).' })
export class DutyItemDetails {
  @Field({ nullable: true, description: '职责内容。New text (4–1000 characters).' })
  @UnlessOmitted()
  @Length(4, 1000)
  text?: string;

  @Field({ nullable: true, description: '法定依据。New legal basis (2–500 characters).' })
  @UnlessOmitted()
  @Length(2, 500)
  legalBasis?: string;

  @Field(() => DutyCategory, { nullable: true, description: '类别。New category.' })
  @UnlessOmitted()
  @IsEnum(DutyCategory)
  category?: DutyCategory;

  @Field(() => Int, { nullable: true, description: '排序号。New place in the list.' })
  @UnlessOmitted()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  position?: number;
}

@InputType({ description: '修改职责条目。Changes a duty of a draft list; needs the version you read.' })
export class UpdateDutyItemInput extends Versioned(DutyItemDetails) {}

@InputType({ description: '职责条目引用。Names no fields besides the item and its version.' })
export class DutyItemRef {}

@InputType({ description: '删除职责条目。Removes a duty from a draft list; needs the version you read.' })
export class RemoveDutyItemInput extends Versioned(DutyItemRef) {}

@InputType({ description: '职责清单引用。Names no fields besides the list and its version.' })
export class DutyListRef {}

@InputType({ description: '签订职责清单。Records that the official signed a draft list (at least one item); needs the version you read.' })
export class SignDutyListInput extends Versioned(DutyListRef) {}

@InputType({ description: '修订职责清单。A new draft from a signed list, with its items copied.' })
export class ReviseDutyListInput {
  @Field(() => UUIDScalar, { description: '清单标识。The signed list to revise (the newest of its chain), within your scope.' })
  @IsUUID()
  id: string;

  @Field(() => Int, { description: '年度。The new list\'s year: the same year (a new revision) or a later one.' })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year: number;

  @Field({ nullable: true, description: '标题。The new title (4–200 characters; default: the old title with its year replaced).' })
  @IsOptional()
  @Length(4, 200)
  title?: string;
}

@InputType({ description: '记录履职。An action performed in one duty of a signed list.' })
export class RecordDutyActionInput {
  @Field(() => UUIDScalar, { description: '职责条目标识。The duty, of a signed list within your scope.' })
  @IsUUID()
  itemId: string;

  @Field(() => LocalDateScalar, { description: '履职日期。The day it was done (not in the future, in the list\'s year).' })
  actedOn: string;

  @Field({ description: '履职情况。What was done (4–2000 characters).' })
  @Length(4, 2000)
  description: string;

  @Field(() => String, { nullable: true, description: '关联记录全局标识。The `nodeId` of the record it concerned (a key task, a problem, a supervision action…), one you may read.' })
  @IsOptional()
  @Length(4, 200)
  linkedNodeId?: string;

  @Field(() => [UUIDScalar], { nullable: true, description: '佐证材料。Uploaded files (minutes, photos, scans) as evidence, at most 20.' })
  @IsOptional()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  attachmentIds?: string[];
}

@InputType({ description: '履职记录筛选。Filters for duty actions; all given filters must match.' })
export class DutyActionFilter extends ListFilter {
  @Field(() => UUIDScalar, { nullable: true, description: '责任人标识。Only actions of this official.' })
  @IsOptional()
  @IsUUID()
  personId?: string;

  @Field(() => UUIDScalar, { nullable: true, description: '清单标识。Only actions against items of this list.' })
  @IsOptional()
  @IsUUID()
  listId?: string;

  @Field(() => LocalDateScalar, { nullable: true, description: '起始日期。Only actions on or after this day.' })
  @IsOptional()
  from?: string;

  @Field(() => LocalDateScalar, { nullable: true, description: '截止日期。Only actions on or before this day.' })
  @IsOptional()
  to?: string;
}

@ArgsType()
export class DutyActionListArgs extends PageArgs {
  @FilterField(() => DutyActionFilter, '筛选条件。Which actions to list.')
  filter?: DutyActionFilter;

  @OrderByField(DutyActionOrder, 'latest first')
  orderBy?: OrderInput<keyof typeof DutyActionOrder.Field>[];
}
