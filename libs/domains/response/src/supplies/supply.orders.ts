import { SortDirection, defineOrder } from '@platform/core';

/*
 * The orders of the supply lists (`orderBy`), each a `defineOrder` over the records' alias `t` (the
 * stock gaps' over the gap, `g`); the default keys are each list's order without `orderBy`.
 */

/** `supplyDepots(orderBy:)`: by name by default; the id makes the order total (index supply_depot_name_idx). */
export const SupplyDepotOrder = defineOrder(
  'SupplyDepot',
  '救灾物资储备点',
  {
    NAME: { column: 't.name', description: '名称。By name.' },
    CREATED_AT: { column: 't.created_at', description: '创建时间。By when the depot was set up.' },
    UPDATED_AT: { column: 't.updated_at', description: '更新时间。By when the depot last changed (for syncing).' },
  },
  [
    { column: 't.name', direction: SortDirection.ASC },
    { column: 't.id', direction: SortDirection.ASC },
  ],
);

/** `supplyItems(orderBy:)`: the catalog by category, then code by default (index supply_item_category_idx). */
export const SupplyItemOrder = defineOrder(
  'SupplyItem',
  '物资品目',
  {
    CATEGORY: { column: 't.category', description: '类别。By category.' },
    CODE: { column: 't.code', description: '编码。By catalog code (unique).', unique: true },
    NAME: { column: 't.name', description: '名称。By name.' },
    CREATED_AT: { column: 't.created_at', description: '创建时间。By when the item was added to the catalog.' },
    UPDATED_AT: { column: 't.updated_at', description: '更新时间。By when the item last changed (for syncing).' },
  },
  [
    { column: 't.category', direction: SortDirection.ASC },
    { column: 't.code', direction: SortDirection.ASC },
    { column: 't.id', direction: SortDirection.ASC },
  ],
);

/** `supplyMovements(orderBy:)`: newest first by default (index supply_movement_at_idx, per depot supply_movement_depot_idx). */
export const SupplyMovementOrder = defineOrder(
  'SupplyMovement',
  '出入库记录',
  {
    AT: { column: 't.at', description: '发生时间。By when the supplies moved.' },
    QUANTITY: { column: 't.quantity', description: '数量。By quantity.' },
    CREATED_AT: { column: 't.created_at', description: '创建时间。By when the movement was recorded.' },
    UPDATED_AT: { column: 't.updated_at', description: '更新时间。By when the record last changed (for syncing).' },
  },
  [
    { column: 't.at', direction: SortDirection.DESC },
    { column: 't.id', direction: SortDirection.DESC },
  ],
);

/** `supplyStockGaps(orderBy:)`, over the computed gaps `g`: the largest shortfall first by default, then depot and item (unique together). */
export const SupplyStockGapOrder = defineOrder(
  'SupplyStockGap',
  '库存缺口',
  {
    SHORTFALL: { column: 'g.shortfall', description: '缺口。By the shortfall (minimum less available).' },
    AVAILABLE: { column: 'g.available', description: '可用数量。By the quantity available in batches not yet expired.' },
    MINIMUM: { column: 'g.minimum', description: '最低数量。By the minimum quantity.' },
  },
  [
    { column: 'g.shortfall', direction: SortDirection.DESC },
    { column: 'g."depotId"', direction: SortDirection.ASC },
    { column: 'g."itemId"', direction: SortDirection.ASC },
  ],
  { tieBreak: ['g."depotId"', 'g."itemId"'] },
);

/** `expiringSupplies(orderBy:)`, batches of stock: soonest (or longest expired) first by default (index supply_stock_expiring_idx); a batch is keyed by depot, item and label. */
export const SupplyStockOrder = defineOrder(
  'SupplyStock',
  '库存批次',
  {
    EXPIRES_ON: { column: 't.expires_on', description: '到期日。By the day the batch expires.' },
    QUANTITY: { column: 't.quantity', description: '数量。By the quantity in stock.' },
    UPDATED_AT: { column: 't.updated_at', description: '更新时间。By when the batch last changed (for syncing).' },
  },
  [
    { column: 't.expires_on', direction: SortDirection.ASC },
    { column: 't.depot_id', direction: SortDirection.ASC },
    { column: 't.item_id', direction: SortDirection.ASC },
    { column: 't.batch', direction: SortDirection.ASC },
  ],
  { tieBreak: ['t.depot_id', 't.item_id', 't.batch'] },
);
