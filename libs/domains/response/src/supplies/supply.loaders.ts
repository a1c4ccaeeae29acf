import { pageKey, records, sql, SortDirection, type ConnectionResult, type PageRequest, type RequestContext, type SortKey } from '@platform/core';
import type DataLoader from 'dataloader';
import type { SupplyDepot, SupplyItem, SupplyStock } from './supply.entity';
import { SupplyDepots, SupplyItems, SupplyStocks } from '../response.entities';

/** A depot's stock by item, then batch (the table's primary key serves it). */
export const depotStockSortKeys = (alias: string): SortKey<SupplyStock>[] => [
  { column: `${alias}.item_id`, direction: SortDirection.ASC },
  { column: `${alias}.batch`, direction: SortDirection.ASC },
];

/** The batches in stock (quantity above 0) of many depots, one statement per request level. */
export function depotStockPages(ctx: RequestContext, page: PageRequest): DataLoader<string, ConnectionResult<SupplyStock>> {
  return ctx.loaders.get('rescue.supplyDepot.stock', pageKey(page), async (ids: readonly string[]) => {
    const pages = await records(ctx, SupplyStocks).where(sql`t.quantity > 0`).byParent('depot_id', ids, { keys: depotStockSortKeys('t'), page });
    return ids.map((id) => pages.get(id)!);
  });
}

/** Depots by id within the caller's supply read scope (closed ones too); out of scope loads as null. */
export function supplyDepotById(ctx: RequestContext): DataLoader<string, SupplyDepot | null> {
  return ctx.loaders.get('rescue.supplyDepot.byId', undefined, (ids: readonly string[]) => records(ctx, SupplyDepots).many(ids));
}

/** Catalog items by id (the catalog is town-wide: every holder of rescue.supply:read sees it). */
export function supplyItemById(ctx: RequestContext): DataLoader<string, SupplyItem | null> {
  return ctx.loaders.get('rescue.supplyItem.byId', undefined, (ids: readonly string[]) => records(ctx, SupplyItems).many(ids));
}
