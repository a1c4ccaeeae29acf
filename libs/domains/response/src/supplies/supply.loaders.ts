import { defineChildPages, defineReference, sql, SortDirection, type RequestContext, type SortKey } from '@platform/core';
import type DataLoader from 'dataloader';
import type { SupplyDepot, SupplyItem, SupplyStock } from './supply.entity';
import { SupplyDepots, SupplyItems, SupplyStocks } from '../response.entities';

/** A depot's stock by item, then batch (the table's primary key serves it). */
export const depotStockSortKeys = (alias: string): SortKey<SupplyStock>[] => [
  { column: `${alias}.item_id`, direction: SortDirection.ASC },
  { column: `${alias}.batch`, direction: SortDirection.ASC },
];

/** The batches in stock (quantity above 0) of a depot, by item, then batch. */
export const DepotStock = defineChildPages(SupplyStocks, { name: 'rescue.supplyDepot.stock', parentColumn: 'depot_id', keys: depotStockSortKeys('t'), where: () => [sql`t.quantity > 0`] });

/** Depots by id within the caller's supply read scope (closed ones too); out of scope loads as null. */
export const SupplyDepotReference = defineReference(SupplyDepots, 'rescue.supplyDepot.byId');
export const supplyDepotById = (ctx: RequestContext): DataLoader<string, SupplyDepot | null> => SupplyDepotReference.byId(ctx);

/** Catalog items by id (the catalog is town-wide: every holder of rescue.supply:read sees it). */
export const SupplyItemReference = defineReference(SupplyItems, 'rescue.supplyItem.byId');
export const supplyItemById = (ctx: RequestContext): DataLoader<string, SupplyItem | null> => SupplyItemReference.byId(ctx);
