import { ArgsType, Field, InputType, Int } from 'type-graphql';
import { ArrayMaxSize, IsBoolean, IsDate, IsEnum, IsOptional, IsUUID, Length, Matches } from 'class-validator';
import { FilterField, DateTimeScalar, GeoPointInput, ListFilter, LocatedFilter, LocalDateScalar, LocationField, OrderByField, PageArgs, UUIDScalar, UnlessOmitted, Versioned, type OrderInput } from '@platform/core';
import { PHONE_PATTERN, PHONE_RULE } from '@platform/directory';
import { SupplyCategory, SupplyMovementKind } from './supply.enums';
import { IsIntBetween } from '../shared/number-inputs';
import { SupplyDepotOrder, SupplyItemOrder, SupplyMovementOrder, SupplyStockGapOrder, SupplyStockOrder } from './supply.orders';

/** Upper bound of one movement and of one minimum (a town's stock is far below it). */
export const MAX_QUANTITY = 1_000_000;
/** Catalog codes: letters, digits and dashes, e.g. JZ-ZDC. */
const CODE_PATTERN = /^[A-Z0-9][A-Z0-9-]{1,29}$/;

@InputType({ description: '储备点详细信息。Optional fields of a supply depot, shared by create and update; null clears a field on update.' })
export class SupplyDepotDetailsInput {
  @Field(() => String, { nullable: true, description: '地址。Where the depot is (2–200 characters).' })
  @IsOptional()
  @Length(2, 200)
  address?: string | null;

  @LocationField()
  location?: GeoPointInput | null;

  @Field(() => UUIDScalar, { nullable: true, description: '保管员标识。The person keeping the depot, a person you may read.' })
  @IsOptional()
  @IsUUID()
  keeperPersonId?: string | null;

  @Field(() => String, { nullable: true, description: `联系电话。The depot's contact phone: ${PHONE_RULE}.` })
  @IsOptional()
  @Matches(PHONE_PATTERN, { message: `contactPhone must be ${PHONE_RULE}` })
  contactPhone?: string | null;
}

@InputType({ description: '新建储备点输入。A supply depot to set up.' })
export class CreateSupplyDepotInput extends SupplyDepotDetailsInput {
  @Field(() => UUIDScalar, { description: '所属单位标识。The town, village or community (within your scope) keeping the depot.' })
  @IsUUID()
  organizationId: string;

  @Field({ description: '名称。Name of the depot (2–60 characters), unique among the organization\'s depots in use.' })
  @Length(2, 60)
  name: string;
}

@InputType({ description: '修改储备点详情。Changes to a supply depot; omitted fields stay as they are.' })
export class UpdateSupplyDepotDetails extends SupplyDepotDetailsInput {
  @Field(() => UUIDScalar, { nullable: true, description: '所属单位标识。Hands the depot (with its stock) over to another town, village or community within your scope.' })
  @UnlessOmitted()
  @IsUUID()
  organizationId?: string;

  @Field(() => String, { nullable: true, description: '名称。New name (2–60 characters).' })
  @UnlessOmitted()
  @Length(2, 60)
  name?: string;
}

@InputType({ description: '修改储备点输入。Names the depot and the version you read, with the changes.' })
export class UpdateSupplyDepotInput extends Versioned(UpdateSupplyDepotDetails) {}

@InputType({ description: '储备点筛选。Filters for supply depot lists; all given filters must match.' })
export class SupplyDepotFilter extends LocatedFilter {
  @Field(() => UUIDScalar, { nullable: true, description: '所属子树。Only depots of this organization or one below it.' })
  @IsOptional()
  @IsUUID()
  withinSubtreeOf?: string;

  @Field(() => Boolean, { nullable: true, description: '含已归档。Include closed (archived) depots (default false; true in a change feed).' })
  @IsOptional()
  @IsBoolean()
  includeArchived?: boolean;
}

@ArgsType()
export class SupplyDepotListArgs extends PageArgs {
  @FilterField(() => SupplyDepotFilter, '筛选条件。Which depots to list.')
  filter?: SupplyDepotFilter;

  @OrderByField(SupplyDepotOrder, 'by name')
  orderBy?: OrderInput<keyof typeof SupplyDepotOrder.Field>[];
}

@InputType({ description: '新建物资品目输入。An item to put in the town-wide catalog (needs rescue.supply:write for the whole town).' })
export class CreateSupplyItemInput {
  @Field({ description: '编码。Catalog code: 2–30 capital letters, digits or dashes, unique in the town, e.g. JZ-ZDC.' })
  @Matches(CODE_PATTERN, { message: 'code must be 2–30 capital letters, digits or dashes' })
  code: string;

  @Field({ description: '名称。Name of the item (1–40 characters), e.g. 折叠床.' })
  @Length(1, 40)
  name: string;

  @Field(() => SupplyCategory, { description: '类别。Category of the item.' })
  @IsEnum(SupplyCategory)
  category: SupplyCategory;

  @Field({ description: '计量单位。Unit the item is counted in (1–4 characters), e.g. 张, 床, 顶, 件, 台, 箱, 瓶.' })
  @Length(1, 4)
  unit: string;

  @Field(() => Int, { nullable: true, description: '保质期（天）。Shelf life in days, 1 to 3650; omit for non-perishable items.' })
  @IsOptional()
  @IsIntBetween(1, 3650)
  shelfLifeDays?: number | null;
}

@InputType({ description: '修改物资品目详情。Changes to a catalog item; omitted fields stay as they are. The code stays.' })
export class UpdateSupplyItemDetails {
  @Field(() => String, { nullable: true, description: '名称。New name (1–40 characters).' })
  @UnlessOmitted()
  @Length(1, 40)
  name?: string;

  @Field(() => SupplyCategory, { nullable: true, description: '类别。New category.' })
  @UnlessOmitted()
  @IsEnum(SupplyCategory)
  category?: SupplyCategory;

  @Field(() => String, { nullable: true, description: '计量单位。New unit (1–4 characters).' })
  @UnlessOmitted()
  @Length(1, 4)
  unit?: string;

  @Field(() => Int, { nullable: true, description: '保质期（天）。New shelf life, 1 to 3650 days; null makes the item non-perishable. Stock already received keeps its expiry day.' })
  @IsOptional()
  @IsIntBetween(1, 3650)
  shelfLifeDays?: number | null;
}

@InputType({ description: '修改物资品目输入。Names the item and the version you read, with the changes.' })
export class UpdateSupplyItemInput extends Versioned(UpdateSupplyItemDetails) {}

@InputType({ description: '物资品目筛选。Filters for the catalog; all given filters must match.' })
export class SupplyItemFilter extends ListFilter {
  @Field(() => [SupplyCategory], { nullable: true, description: '类别。Only these categories.' })
  @IsOptional()
  @ArrayMaxSize(9)
  @IsEnum(SupplyCategory, { each: true })
  categories?: SupplyCategory[];

  @Field(() => Boolean, { nullable: true, description: '含已归档。Include items taken off the catalog (default false; true in a change feed).' })
  @IsOptional()
  @IsBoolean()
  includeArchived?: boolean;
}

@ArgsType()
export class SupplyItemListArgs extends PageArgs {
  @FilterField(() => SupplyItemFilter, '筛选条件。Which items to list.')
  filter?: SupplyItemFilter;

  @OrderByField(SupplyItemOrder, 'by category, then code')
  orderBy?: OrderInput<keyof typeof SupplyItemOrder.Field>[];
}

@InputType({ description: '设置最低库存输入。The minimum quantity of an item a depot should hold; 0 removes the minimum.' })
export class SetSupplyMinimumInput {
  @Field(() => UUIDScalar, { description: '储备点标识。A depot in use within your scope.' })
  @IsUUID()
  depotId: string;

  @Field(() => UUIDScalar, { description: '品目标识。An item of the catalog in use.' })
  @IsUUID()
  itemId: string;

  @Field(() => Int, { description: `最低数量。The minimum quantity, 0 to ${MAX_QUANTITY} (0 removes it).` })
  @IsIntBetween(0, MAX_QUANTITY)
  minimumQuantity: number;
}

@InputType({ description: '出入库公共字段。What every stock movement names: the depot, item, batch, quantity and when.' })
export class SupplyMovementBaseInput {
  @Field(() => UUIDScalar, { description: '储备点标识。The depot in use within your scope receiving or giving out the supplies.' })
  @IsUUID()
  depotId: string;

  @Field(() => UUIDScalar, { description: '品目标识。The catalog item.' })
  @IsUUID()
  itemId: string;

  @Field(() => String, { nullable: true, description: '批次。Batch label (up to 40 characters); omitted or empty when batches are not told apart.' })
  @IsOptional()
  @Length(0, 40)
  batch?: string | null;

  @Field(() => Int, { description: `数量。How many, 1 to ${MAX_QUANTITY}, in the item's unit.` })
  @IsIntBetween(1, MAX_QUANTITY)
  quantity: number;

  @Field(() => DateTimeScalar, { nullable: true, description: '发生时间。When the supplies moved, not in the future (default now).' })
  @IsOptional()
  @IsDate()
  at?: Date | null;
}

@InputType({ description: '入库输入。Supplies received into a depot; a batch received again adds to it.' })
export class ReceiveSuppliesInput extends SupplyMovementBaseInput {
  @Field(() => LocalDateScalar, { nullable: true, description: '有效期至。Last day the batch may be used, YYYY-MM-DD; default: the day received plus the item\'s shelf life (none for non-perishable items). Must match the batch\'s day when the batch is already in stock.' })
  @IsOptional()
  expiresOn?: string | null;

  @Field(() => String, { nullable: true, description: '来源说明。Where the supplies came from, e.g. 区应急局调拨 or 爱心企业捐赠 (2–200 characters).' })
  @IsOptional()
  @Length(2, 200)
  reason?: string | null;
}

@InputType({ description: '出库发放输入。Supplies issued from a depot to the people who need them.' })
export class IssueSuppliesInput extends SupplyMovementBaseInput {
  @Field({ description: '领用对象。Who received them, e.g. 文凤村3组受灾群众 (1–200 characters).' })
  @Length(1, 200)
  recipient: string;

  @Field(() => UUIDScalar, { nullable: true, description: '灾情标识。The incident the supplies went to, one you may read.' })
  @IsOptional()
  @IsUUID()
  incidentId?: string | null;

  @Field(() => UUIDScalar, { nullable: true, description: '住户标识。The joint-defense household that received them, one you may read.' })
  @IsOptional()
  @IsUUID()
  householdId?: string | null;

  @Field(() => String, { nullable: true, description: '说明。A note (2–200 characters).' })
  @IsOptional()
  @Length(2, 200)
  reason?: string | null;
}

@InputType({ description: '调拨输入。Supplies moved from one depot to another (both within your scope), batch and expiry day kept.' })
export class TransferSuppliesInput extends SupplyMovementBaseInput {
  @Field(() => UUIDScalar, { description: '调入储备点标识。The depot in use within your scope receiving the supplies, not the giving one.' })
  @IsUUID()
  toDepotId: string;

  @Field(() => String, { nullable: true, description: '说明。Why, e.g. 汛前预置 (2–200 characters).' })
  @IsOptional()
  @Length(2, 200)
  reason?: string | null;
}

@InputType({ description: '报损输入。Supplies written off a depot\'s stock, with the reason.' })
export class WriteOffSuppliesInput extends SupplyMovementBaseInput {
  @Field({ description: '事由。Why they are written off, e.g. 过期 or 受潮霉变 (2–200 characters).' })
  @Length(2, 200)
  reason: string;
}

@InputType({ description: '出入库筛选。Filters for stock movements; all given filters must match.' })
export class SupplyMovementFilter extends ListFilter {
  @Field(() => UUIDScalar, { nullable: true, description: '储备点标识。Only movements out of, into or between this depot.' })
  @IsOptional()
  @IsUUID()
  depotId?: string;

  @Field(() => UUIDScalar, { nullable: true, description: '品目标识。Only movements of this item.' })
  @IsOptional()
  @IsUUID()
  itemId?: string;

  @Field(() => [SupplyMovementKind], { nullable: true, description: '类型。Only these kinds.' })
  @IsOptional()
  @ArrayMaxSize(4)
  @IsEnum(SupplyMovementKind, { each: true })
  kinds?: SupplyMovementKind[];

  @Field(() => DateTimeScalar, { nullable: true, description: '起始时间。Only movements at or after this moment.' })
  @IsOptional()
  @IsDate()
  from?: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: '截止时间。Only movements before this moment.' })
  @IsOptional()
  @IsDate()
  to?: Date;

  @Field(() => UUIDScalar, { nullable: true, description: '灾情标识。Only issues to this incident.' })
  @IsOptional()
  @IsUUID()
  incidentId?: string;
}

@ArgsType()
export class SupplyMovementListArgs extends PageArgs {
  @FilterField(() => SupplyMovementFilter, '筛选条件。Which movements to list.')
  filter?: SupplyMovementFilter;

  @OrderByField(SupplyMovementOrder, 'newest first')
  orderBy?: OrderInput<keyof typeof SupplyMovementOrder.Field>[];
}

/** Computed from the minimums and the stock: no change feed (theirs carry the changes). */
@InputType({ description: '库存缺口筛选。Filters for the stock gaps.' })
export class SupplyStockGapFilter {
  @Field(() => UUIDScalar, { nullable: true, description: '所属子树。Only depots of this organization or one below it (default: all in your scope).' })
  @IsOptional()
  @IsUUID()
  withinSubtreeOf?: string;
}

@ArgsType()
export class SupplyStockGapArgs extends PageArgs {
  @FilterField(() => SupplyStockGapFilter, '筛选条件。Which depots to check.')
  filter?: SupplyStockGapFilter;

  @OrderByField(SupplyStockGapOrder, 'the largest shortfall first, then depot and item')
  orderBy?: OrderInput<keyof typeof SupplyStockGapOrder.Field>[];
}

/** The expiry window of `expiringSupplies` when `filter.withinDays` is not given (outside a change feed). */
export const EXPIRING_DEFAULT_DAYS = 30;

@InputType({ description: '临期物资筛选。Filters for the batches expiring soon; all given filters must match.' })
export class ExpiringSupplyFilter extends ListFilter {
  @Field(() => Int, {
    nullable: true,
    description: `天数。Batches expiring within this many days from today (China time), 0 to 366 (default ${EXPIRING_DEFAULT_DAYS}; in a change feed, any day unless given); already expired ones are always included.`,
  })
  @IsOptional()
  @IsIntBetween(0, 366)
  withinDays?: number;

  @Field(() => UUIDScalar, { nullable: true, description: '所属子树。Only depots of this organization or one below it (default: all in your scope).' })
  @IsOptional()
  @IsUUID()
  withinSubtreeOf?: string;
}

@ArgsType()
export class ExpiringSuppliesArgs extends PageArgs {
  @FilterField(() => ExpiringSupplyFilter, '筛选条件。Which batches to list.')
  filter?: ExpiringSupplyFilter;

  @OrderByField(SupplyStockOrder, 'soonest expiry first')
  orderBy?: OrderInput<keyof typeof SupplyStockOrder.Field>[];
}
