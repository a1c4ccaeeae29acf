import {
  BadUserInputError,
  ForbiddenError,
  NotFoundError,
  SortDirection,
  archiveRecord,
  audit,
  lockActiveOrFail,
  modifyReturning,
  paginateRows,
  paginateSql,
  readOne,
  scopeOf,
  sqlConditions,
  todayInChina,
  transaction,
  updateRecord,
  locationColumns,
  type ArchiveInput,
  type ConnectionResult,
  type RequestContext,
  type SortKey,
} from '@platform/core';
import { OrganizationKind, assertReadablePerson, organizationIdInScope, organizationInScope, withinSubtreeSql } from '@platform/directory';
import type { SelectQueryBuilder } from 'typeorm';
import { SupplyDepot, SupplyItem, SupplyMinimum, SupplyStock } from './supply.entity';
import { SupplyStockGap } from './supply.types';
import type {
  CreateSupplyDepotInput,
  CreateSupplyItemInput,
  ExpiringSuppliesArgs,
  SetSupplyMinimumInput,
  SupplyDepotListArgs,
  SupplyItemListArgs,
  SupplyStockGapArgs,
  UpdateSupplyDepotInput,
  UpdateSupplyItemInput,
} from './supply.inputs';
import { ResponsePermission } from '../permissions';

/** Depots by name; the id makes the order total (index supply_depot_name_idx). */
export const supplyDepotSortKeys = (alias: string): SortKey<SupplyDepot>[] => [
  { column: `${alias}.name`, direction: SortDirection.ASC },
  { column: `${alias}.id`, direction: SortDirection.ASC },
];

/** The catalog by category, then code (index supply_item_category_idx). */
export const supplyItemSortKeys = (alias: string): SortKey<SupplyItem>[] => [
  { column: `${alias}.category`, direction: SortDirection.ASC },
  { column: `${alias}.code`, direction: SortDirection.ASC },
  { column: `${alias}.id`, direction: SortDirection.ASC },
];

/** Batches by expiry day, soonest (or longest expired) first (index supply_stock_expiring_idx). */
const expiringSortKeys = (alias: string): SortKey<SupplyStock>[] => [
  { column: `${alias}.expires_on`, direction: SortDirection.ASC },
  { column: `${alias}.depot_id`, direction: SortDirection.ASC },
  { column: `${alias}.item_id`, direction: SortDirection.ASC },
  { column: `${alias}.batch`, direction: SortDirection.ASC },
];

/** Gaps by the largest shortfall first, then depot and item. */
const gapSortKeys: SortKey<SupplyStockGap>[] = [
  { column: 'g.shortfall', direction: SortDirection.DESC },
  { column: 'g."depotId"', direction: SortDirection.ASC },
  { column: 'g."itemId"', direction: SortDirection.ASC },
];

/** The organizations a depot may belong to. */
const DEPOT_ORGANIZATION_KINDS: readonly string[] = [OrganizationKind.TOWN_GOVERNMENT, OrganizationKind.VILLAGE, OrganizationKind.COMMUNITY];

/** Today in China by the request's clock, YYYY-MM-DD. */
export const supplyToday = (ctx: RequestContext): string => todayInChina(ctx.clock.now());

/** Depots of organizations where the caller holds `permission` (alias `d`). */
export function scopedSupplyDepots(ctx: RequestContext, permission: string = ResponsePermission.SupplyRead): SelectQueryBuilder<SupplyDepot> {
  const scope = organizationIdInScope(ctx.principal, permission, 'd.organization_id');
  return ctx.manager.createQueryBuilder(SupplyDepot, 'd').where(scope.sql, scope.params);
}

/** SQL: the depot `column` belongs to an organization where the caller holds `permission` (TRUE/FALSE when unconditional). */
export function depotInScopeSql(ctx: RequestContext, permission: string, column: string): { sql: string; params: Record<string, unknown> } {
  const scope = organizationIdInScope(ctx.principal, permission, 'sd.organization_id');
  if (scope.sql === 'TRUE' || scope.sql === 'FALSE') return scope;
  return { sql: `${column} IN (SELECT sd.id FROM supply_depot sd WHERE ${scope.sql})`, params: scope.params };
}

/** The catalog is town-wide: changing it needs rescue.supply:write with the ALL scope (the town), not a village's. */
export function assertTownWideSupplyWrite(ctx: RequestContext): void {
  if (!scopeOf(ctx.principal, ResponsePermission.SupplyWrite)?.all) {
    throw new ForbiddenError(`The supply catalog is town-wide: changing it needs the permission ${ResponsePermission.SupplyWrite} for the whole town.`, ResponsePermission.SupplyWrite);
  }
}

export class SupplyService {
  depots(ctx: RequestContext, args: SupplyDepotListArgs, withCount: boolean): Promise<ConnectionResult<SupplyDepot>> {
    const c = sqlConditions(organizationIdInScope(ctx.principal, ResponsePermission.SupplyRead, 'd.organization_id'));
    const f = args.filter ?? {};
    if (!f.includeArchived) c.add('d.archived_at IS NULL');
    if (f.withinSubtreeOf) c.add(withinSubtreeSql('d.organization_id'), { subtreeRoot: f.withinSubtreeOf });
    return paginateRows({ manager: ctx.manager, entity: SupplyDepot, alias: 'd', table: 'supply_depot', where: c.where, params: c.params, keys: supplyDepotSortKeys('d'), page: args, withCount });
  }

  depot(ctx: RequestContext, id: string): Promise<SupplyDepot | null> {
    const c = sqlConditions(organizationIdInScope(ctx.principal, ResponsePermission.SupplyRead, 'd.organization_id'));
    c.add('d.id = :id', { id });
    return readOne({ manager: ctx.manager, entity: SupplyDepot, alias: 'd', table: 'supply_depot', where: c.where, params: c.params });
  }

  items(ctx: RequestContext, args: SupplyItemListArgs, withCount: boolean): Promise<ConnectionResult<SupplyItem>> {
    const c = sqlConditions();
    const f = args.filter ?? {};
    if (!f.includeArchived) c.add('i.archived_at IS NULL');
    if (f.categories?.length) c.add('i.category IN (:...categories)', { categories: f.categories });
    return paginateRows({ manager: ctx.manager, entity: SupplyItem, alias: 'i', table: 'supply_item', where: c.where, params: c.params, keys: supplyItemSortKeys('i'), page: args, withCount });
  }

  /**
   * 查漏补缺: every depot in use × item in use with a minimum where the quantity across the batches
   * that have not expired is below the minimum, with the shortfall. One statement (count inline).
   */
  gaps(ctx: RequestContext, args: SupplyStockGapArgs, withCount: boolean): Promise<ConnectionResult<SupplyStockGap>> {
    const c = sqlConditions(organizationIdInScope(ctx.principal, ResponsePermission.SupplyRead, 'g.organization_id'));
    c.add('g.shortfall > 0', { today: supplyToday(ctx) });
    if (args.withinSubtreeOf) c.add(withinSubtreeSql('g.organization_id'), { subtreeRoot: args.withinSubtreeOf });
    const from = `(
      SELECT m.depot_id AS "depotId", m.item_id AS "itemId", d.organization_id, m.minimum_quantity AS minimum,
             coalesce(s.available, 0) AS available, m.minimum_quantity - coalesce(s.available, 0) AS shortfall
      FROM supply_minimum m
      JOIN supply_depot d ON d.id = m.depot_id AND d.archived_at IS NULL
      JOIN supply_item i ON i.id = m.item_id AND i.archived_at IS NULL
      LEFT JOIN LATERAL (
        SELECT sum(st.quantity)::int AS available FROM supply_stock st
        WHERE st.depot_id = m.depot_id AND st.item_id = m.item_id AND (st.expires_on IS NULL OR st.expires_on >= CAST(:today AS date))
      ) s ON TRUE
    ) g`;
    return paginateSql<SupplyStockGap>({
      manager: ctx.manager,
      from,
      select: 'g."depotId", g."itemId", g.minimum, g.available, g.shortfall',
      where: c.where,
      params: c.params,
      keys: gapSortKeys,
      page: args,
      withCount,
      countInline: true,
      read: (rows) => rows as unknown as SupplyStockGap[],
    });
  }

  /** Batches in stock in depots in use that expire within `withinDays` days from today (China time), the expired ones included. */
  expiring(ctx: RequestContext, args: ExpiringSuppliesArgs, withCount: boolean): Promise<ConnectionResult<SupplyStock>> {
    const c = sqlConditions(depotInScopeSql(ctx, ResponsePermission.SupplyRead, 's.depot_id'));
    c.add('s.quantity > 0 AND s.expires_on IS NOT NULL AND s.expires_on <= CAST(:today AS date) + CAST(:withinDays AS int)', { today: supplyToday(ctx), withinDays: args.withinDays });
    c.add('s.depot_id IN (SELECT ad.id FROM supply_depot ad WHERE ad.archived_at IS NULL)');
    if (args.withinSubtreeOf) c.add(`s.depot_id IN (SELECT wd.id FROM supply_depot wd WHERE ${withinSubtreeSql('wd.organization_id')})`, { subtreeRoot: args.withinSubtreeOf });
    return paginateRows({ manager: ctx.manager, entity: SupplyStock, alias: 's', table: 'supply_stock', where: c.where, params: c.params, keys: expiringSortKeys('s'), page: args, withCount });
  }

  async createDepot(ctx: RequestContext, input: CreateSupplyDepotInput): Promise<SupplyDepot> {
    return transaction(ctx, async (tx) => {
      await this.checkOrganization(tx, input.organizationId);
      if (input.keeperPersonId) await assertReadablePerson(tx, input.keeperPersonId, 'input.keeperPersonId');
      await this.checkDepotName(tx, input.organizationId, input.name, null);
      const depot = await tx.manager.save(
        tx.manager.create(SupplyDepot, {
          organizationId: input.organizationId,
          name: input.name,
          address: input.address || null,
          ...locationColumns(input.location),
          keeperPersonId: input.keeperPersonId ?? null,
          contactPhone: input.contactPhone ?? null,
          archivedAt: null,
        }),
      );
      await audit(tx, { action: 'rescue.supply-depot.create', entityType: 'SupplyDepot', entityId: depot.id, changes: { ...input } });
      await tx.emit('rescue.supply-depot.created', { id: depot.id, organizationId: depot.organizationId });
      return depot;
    });
  }

  async updateDepot(ctx: RequestContext, input: UpdateSupplyDepotInput): Promise<SupplyDepot> {
    return transaction(ctx, async (tx) => {
      const current = await this.activeDepotOrFail(tx, input.id);
      const patch: Partial<SupplyDepot> = {};
      if (input.organizationId !== undefined && input.organizationId !== current.organizationId) {
        await this.checkOrganization(tx, input.organizationId);
        patch.organizationId = input.organizationId;
      }
      if (input.name !== undefined) patch.name = input.name;
      if (patch.name !== undefined || patch.organizationId !== undefined) await this.checkDepotName(tx, patch.organizationId ?? current.organizationId, patch.name ?? current.name, current.id);
      if (input.address !== undefined) patch.address = input.address || null;
      if (input.location !== undefined) Object.assign(patch, locationColumns(input.location));
      if (input.keeperPersonId !== undefined && input.keeperPersonId !== current.keeperPersonId) {
        if (input.keeperPersonId) await assertReadablePerson(tx, input.keeperPersonId, 'input.keeperPersonId');
        patch.keeperPersonId = input.keeperPersonId;
      }
      if (input.contactPhone !== undefined) patch.contactPhone = input.contactPhone;
      return updateRecord(tx, SupplyDepot, 'SupplyDepot', current, input.version, patch, { action: 'rescue.supply-depot.update', event: 'rescue.supply-depot.updated', payload: (updated) => ({ id: current.id, organizationId: updated.organizationId }) });
    });
  }

  /** Closes a depot: it leaves the lists, gaps and expiring stock; its records and movements are kept. */
  async archiveDepot(ctx: RequestContext, input: ArchiveInput): Promise<SupplyDepot> {
    return transaction(ctx, async (tx) => {
      const current = await this.activeDepotOrFail(tx, input.id);
      return archiveRecord(tx, SupplyDepot, 'SupplyDepot', current, input.version, { action: 'rescue.supply-depot.archive', event: 'rescue.supply-depot.archived', payload: { id: current.id, organizationId: current.organizationId } });
    });
  }

  async createItem(ctx: RequestContext, input: CreateSupplyItemInput): Promise<SupplyItem> {
    assertTownWideSupplyWrite(ctx);
    return transaction(ctx, async (tx) => {
      const [taken] = await tx.manager.query(`SELECT 1 FROM supply_item WHERE code = $1`, [input.code]);
      if (taken) throw BadUserInputError.field('input.code', 'unique', `the code ${input.code} is already in the catalog.`);
      const item = await tx.manager.save(
        tx.manager.create(SupplyItem, { code: input.code, name: input.name, category: input.category, unit: input.unit, shelfLifeDays: input.shelfLifeDays ?? null, archivedAt: null }),
      );
      await audit(tx, { action: 'rescue.supply-item.create', entityType: 'SupplyItem', entityId: item.id, changes: { ...input } });
      await tx.emit('rescue.supply-item.created', { id: item.id, code: item.code });
      return item;
    });
  }

  async updateItem(ctx: RequestContext, input: UpdateSupplyItemInput): Promise<SupplyItem> {
    assertTownWideSupplyWrite(ctx);
    return transaction(ctx, async (tx) => {
      const current = await this.activeItemOrFail(tx, input.id);
      const patch: Partial<SupplyItem> = {};
      if (input.name !== undefined) patch.name = input.name;
      if (input.category !== undefined) patch.category = input.category;
      if (input.unit !== undefined) patch.unit = input.unit;
      if (input.shelfLifeDays !== undefined) patch.shelfLifeDays = input.shelfLifeDays ?? null;
      return updateRecord(tx, SupplyItem, 'SupplyItem', current, input.version, patch, { action: 'rescue.supply-item.update', event: 'rescue.supply-item.updated', payload: { id: current.id, code: current.code } });
    });
  }

  /** Takes an item off the catalog: no new receipts or minimums; stock already held can still be issued, moved and written off. */
  async archiveItem(ctx: RequestContext, input: ArchiveInput): Promise<SupplyItem> {
    assertTownWideSupplyWrite(ctx);
    return transaction(ctx, async (tx) => {
      const current = await this.activeItemOrFail(tx, input.id);
      return archiveRecord(tx, SupplyItem, 'SupplyItem', current, input.version, { action: 'rescue.supply-item.archive', event: 'rescue.supply-item.archived', payload: { id: current.id, code: current.code } });
    });
  }

  /** Sets (or with 0 removes) the minimum quantity of an item a depot should hold; answers the minimum, or null when removed. */
  async setMinimum(ctx: RequestContext, input: SetSupplyMinimumInput): Promise<SupplyMinimum | null> {
    return transaction(ctx, async (tx) => {
      const depot = await this.depotForWrite(tx, input.depotId, 'input.depotId');
      await this.itemInCatalog(tx, input.itemId, 'input.itemId');
      const [before] = await tx.manager.query(`SELECT minimum_quantity AS "minimumQuantity" FROM supply_minimum WHERE depot_id = $1 AND item_id = $2 FOR UPDATE`, [depot.id, input.itemId]);
      let minimum: SupplyMinimum | null = null;
      if (input.minimumQuantity === 0) {
        await tx.manager.query(`DELETE FROM supply_minimum WHERE depot_id = $1 AND item_id = $2`, [depot.id, input.itemId]);
      } else {
        const [row] = await modifyReturning<{ updatedAt: Date }>(
          tx.manager,
          `INSERT INTO supply_minimum (depot_id, item_id, minimum_quantity) VALUES ($1, $2, $3)
           ON CONFLICT (depot_id, item_id) DO UPDATE SET minimum_quantity = EXCLUDED.minimum_quantity, updated_at = now()
           RETURNING updated_at AS "updatedAt"`,
          [depot.id, input.itemId, input.minimumQuantity],
        );
        minimum = Object.assign(new SupplyMinimum(), { depotId: depot.id, itemId: input.itemId, minimumQuantity: input.minimumQuantity, updatedAt: row!.updatedAt });
      }
      await audit(tx, { action: 'rescue.supply-minimum.set', entityType: 'SupplyDepot', entityId: depot.id, changes: { itemId: input.itemId, minimumQuantity: [before?.minimumQuantity ?? 0, input.minimumQuantity] } });
      await tx.emit('rescue.supply-minimum.set', { depotId: depot.id, organizationId: depot.organizationId, itemId: input.itemId, minimumQuantity: input.minimumQuantity });
      return minimum;
    });
  }

  /**
   * A depot in use within the caller's write scope, locked FOR SHARE (not archived or moved meanwhile).
   * Missing or out of scope: NOT_FOUND for the depot acted on, BAD_USER_INPUT `exists` on `field` for
   * one only referred to (a transfer's receiving depot). Closed: BAD_USER_INPUT `notArchived` on `field`.
   */
  async depotForWrite(tx: RequestContext, id: string, field: string, missing: 'notFound' | 'badInput' = 'notFound'): Promise<SupplyDepot> {
    const depot = await scopedSupplyDepots(tx, ResponsePermission.SupplyWrite).andWhere('d.id = :id', { id }).setLock('pessimistic_read').getOne();
    if (!depot && missing === 'notFound') throw new NotFoundError('SupplyDepot', id);
    if (!depot) throw BadUserInputError.field(field, 'exists', `no supply depot ${id} within your supply scope.`);
    if (depot.archivedAt) throw BadUserInputError.field(field, 'notArchived', 'the supply depot is closed.');
    return depot;
  }

  /** An item of the catalog, in use unless `allowArchived` (stock of an archived item may still leave); else BAD_USER_INPUT naming `field`. */
  async itemInCatalog(tx: RequestContext, id: string, field: string, allowArchived = false): Promise<SupplyItem> {
    const item = await tx.manager.createQueryBuilder(SupplyItem, 'i').where('i.id = :id', { id }).setLock('pessimistic_read').getOne();
    if (!item) throw BadUserInputError.field(field, 'exists', `no supply item ${id} in the catalog.`);
    if (item.archivedAt && !allowArchived) throw BadUserInputError.field(field, 'notArchived', 'the supply item was taken off the catalog.');
    return item;
  }

  private async checkDepotName(tx: RequestContext, organizationId: string, name: string, exceptId: string | null): Promise<void> {
    const [taken] = await tx.manager.query(`SELECT 1 FROM supply_depot WHERE organization_id = $1 AND name = $2 AND archived_at IS NULL AND id IS DISTINCT FROM $3`, [organizationId, name, exceptId]);
    if (taken) throw BadUserInputError.field('input.name', 'unique', `the organization already has a depot named ${name}.`);
  }

  /** An active town, village or community within the caller's supply write scope; else BAD_USER_INPUT naming `input.organizationId`. */
  private async checkOrganization(tx: RequestContext, organizationId: string): Promise<void> {
    const org = await organizationInScope(tx, organizationId, ResponsePermission.SupplyWrite);
    if (!org) throw BadUserInputError.field('input.organizationId', 'exists', `no active organization ${organizationId} within your supply scope.`);
    const [row] = await tx.manager.query(`SELECT kind FROM organization WHERE id = $1`, [org.id]);
    if (!DEPOT_ORGANIZATION_KINDS.includes(row?.kind)) throw BadUserInputError.field('input.organizationId', 'kind', 'supply depots belong to the town, a village or a community.');
  }

  /** A depot the caller may keep, not archived; out of scope answers NOT_FOUND, like a missing one. */
  private activeDepotOrFail(tx: RequestContext, id: string): Promise<SupplyDepot> {
    return lockActiveOrFail(scopedSupplyDepots(tx, ResponsePermission.SupplyWrite), 'SupplyDepot', id, 'the supply depot is closed.');
  }

  private activeItemOrFail(tx: RequestContext, id: string): Promise<SupplyItem> {
    return lockActiveOrFail(tx.manager.createQueryBuilder(SupplyItem, 'i'), 'SupplyItem', id, 'the supply item was taken off the catalog.');
  }
}
