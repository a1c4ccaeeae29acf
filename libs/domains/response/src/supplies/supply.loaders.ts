import { byKeys, pageKey, pagesByParent, SortDirection, type ConnectionResult, type PageRequest, type RequestContext, type SortKey } from '@platform/core';
import { organizationIdInScope } from '@platform/directory';
import type DataLoader from 'dataloader';
import { SupplyDepot, SupplyItem, SupplyStock } from './supply.entity';
import { ResponsePermission } from '../permissions';

/** A depot's stock by item, then batch (the table's primary key serves it). */
export const depotStockSortKeys = (alias: string): SortKey<SupplyStock>[] => [
  { column: `${alias}.item_id`, direction: SortDirection.ASC },
  { column: `${alias}.batch`, direction: SortDirection.ASC },
];

/** The batches in stock (quantity above 0) of many depots, one statement per request level. The depots were read within scope. */
export function depotStockPages(ctx: RequestContext, page: PageRequest): DataLoader<string, ConnectionResult<SupplyStock>> {
  return ctx.loaders.get('rescue.supplyDepot.stock', pageKey(page), async (ids: readonly string[]) => {
    const pages = await pagesByParent({ manager: ctx.manager, entity: SupplyStock, table: 'supply_stock', parentColumn: 'depot_id', parentIds: ids, where: 't.quantity > 0', keys: depotStockSortKeys('t'), page });
    return ids.map((id) => pages.get(id)!);
  });
}

/** Depots by id within the caller's supply read scope (closed ones too); out of scope loads as null. */
export function supplyDepotById(ctx: RequestContext): DataLoader<string, SupplyDepot | null> {
  return ctx.loaders.get('rescue.supplyDepot.byId', undefined, async (ids: readonly string[]) => {
    const scope = organizationIdInScope(ctx.principal, ResponsePermission.SupplyRead, 'd.organization_id');
    const rows = await ctx.manager.createQueryBuilder(SupplyDepot, 'd').where('d.id IN (:...ids)', { ids }).andWhere(scope.sql, scope.params).getMany();
    return byKeys(ids, rows, (d) => d.id);
  });
}

/** Catalog items by id (the catalog is town-wide: every holder of rescue.supply:read sees it). */
export function supplyItemById(ctx: RequestContext): DataLoader<string, SupplyItem | null> {
  return ctx.loaders.get('rescue.supplyItem.byId', undefined, async (ids: readonly string[]) => {
    const rows = await ctx.manager.createQueryBuilder(SupplyItem, 'i').where('i.id IN (:...ids)', { ids }).getMany();
    return byKeys(ids, rows, (i) => i.id);
  });
}
