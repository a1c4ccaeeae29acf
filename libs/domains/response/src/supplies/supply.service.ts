import {
  ForbiddenError,
  archiveRecord,
  audit,
  createRecord,
  emitEvent,
  isChangeFeed,
  raw,
  recordEvent,
  records,
  sentFields,
  scopeOf,
  sql,
  transaction,
  updateRecord,
  locationColumns,
  whereChanged,
  whereLocated,
  type ArchiveInput,
  type ConnectionResult,
  type Patch,
  type RequestContext,
  type Sql,
} from '@platform/core';
import { OrganizationKind, Organizations, Persons, organizationIdWithinSubtree, type Organization } from '@platform/directory';
import { SupplyDepot, SupplyItem, SupplyMinimum, type SupplyStock } from './supply.entity';
import type { SupplyStockGap } from './supply.types';
import { stockGapPage } from './supply-gaps.sql';
import { SupplyDepotOrder, SupplyItemOrder, SupplyStockGapOrder, SupplyStockOrder } from './supply.orders';
import { EXPIRING_DEFAULT_DAYS } from './supply.inputs';
import { deleteMinimum, lockMinimum, upsertMinimum } from './supply-stock.sql';
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
import { SupplyDepots, SupplyItems, SupplyStocks } from '../response.entities';
import { responseEvents } from '../response.events';
import { responseRules } from '../response.rules';
import { ResponsePermission } from '../permissions';

/** The organizations a depot may belong to. */
const DEPOT_ORGANIZATION_KINDS: readonly string[] = [OrganizationKind.TOWN_GOVERNMENT, OrganizationKind.VILLAGE, OrganizationKind.COMMUNITY];

/** Today in China by the request's clock, YYYY-MM-DD. */
export const supplyToday = (ctx: RequestContext): string => ctx.clock.today();

/** SQL: the depot in `column` (over `t`) is in use (not closed). */
const depotInUse = (column: string): Sql => sql`${raw(column)} IN (SELECT ad.id FROM supply_depot ad WHERE ad.archived_at IS NULL)`;
/** SQL: the depot in `column` belongs to an organization of the subtree of `rootId`. */
const depotWithinSubtree = (column: string, rootId: string): Sql => sql`${raw(column)} IN (SELECT wd.id FROM supply_depot wd WHERE ${organizationIdWithinSubtree('wd.organization_id', rootId)})`;

/** The catalog is town-wide: changing it needs rescue.supply:write with the ALL scope (the town), not a village's. */
export function assertTownWideSupplyWrite(ctx: RequestContext): void {
  if (!scopeOf(ctx.principal, ResponsePermission.SupplyWrite)?.all) {
    throw new ForbiddenError(`The supply catalog is town-wide: changing it needs the permission ${ResponsePermission.SupplyWrite} for the whole town.`, ResponsePermission.SupplyWrite);
  }
}

export class SupplyService {
  depots(ctx: RequestContext, args: SupplyDepotListArgs, withCount: boolean): Promise<ConnectionResult<SupplyDepot>> {
    let depots = records(ctx, SupplyDepots);
    const f = args.filter ?? {};
    // A change feed lists closed depots too, as tombstones (archivedAt says so), unless includeArchived: false is sent.
    if (!(f.includeArchived ?? isChangeFeed(f))) depots = depots.where(sql`t.archived_at IS NULL`);
    if (f.withinSubtreeOf) depots = depots.where(organizationIdWithinSubtree('t.organization_id', f.withinSubtreeOf));
    depots = whereLocated(depots, f);
    return whereChanged(depots, f).page({ keys: SupplyDepotOrder.keys(args.orderBy), page: args, withCount });
  }

  depot(ctx: RequestContext, id: string): Promise<SupplyDepot | null> {
    return records(ctx, SupplyDepots).one(id);
  }

  items(ctx: RequestContext, args: SupplyItemListArgs, withCount: boolean): Promise<ConnectionResult<SupplyItem>> {
    let items = records(ctx, SupplyItems);
    const f = args.filter ?? {};
    // A change feed lists items taken off the catalog too, as tombstones (archivedAt says so), unless includeArchived: false is sent.
    if (!(f.includeArchived ?? isChangeFeed(f))) items = items.where(sql`t.archived_at IS NULL`);
    if (f.categories?.length) items = items.where(sql`t.category = ANY(${f.categories})`);
    return whereChanged(items, f).page({ keys: SupplyItemOrder.keys(args.orderBy), page: args, withCount });
  }

  /**
   * 查漏补缺: every depot in use × item in use with a minimum where the quantity across the batches
   * that have not expired is below the minimum, with the shortfall. One statement (count inline).
   */
  gaps(ctx: RequestContext, args: SupplyStockGapArgs, withCount: boolean): Promise<ConnectionResult<SupplyStockGap>> {
    const f = args.filter ?? {};
    const conditions = f.withinSubtreeOf ? [organizationIdWithinSubtree('g.organization_id', f.withinSubtreeOf)] : [];
    return stockGapPage(ctx, supplyToday(ctx), conditions, SupplyStockGapOrder.keys(args.orderBy), args, withCount);
  }

  /**
   * Batches in stock in depots in use that expire within `withinDays` days from today (China time),
   * the expired ones included. A change feed lists every perishable batch changed since, those used
   * up (quantity 0) or in closed depots too, and any expiry day unless `withinDays` is given.
   */
  expiring(ctx: RequestContext, args: ExpiringSuppliesArgs, withCount: boolean): Promise<ConnectionResult<SupplyStock>> {
    const f = args.filter ?? {};
    const feed = isChangeFeed(f);
    let stock = records(ctx, SupplyStocks).where(sql`t.expires_on IS NOT NULL`);
    if (!feed) stock = stock.where(sql`t.quantity > 0`).where(depotInUse('t.depot_id'));
    if (!feed || f.withinDays != null) stock = stock.where(sql`t.expires_on <= CAST(${supplyToday(ctx)} AS date) + CAST(${f.withinDays ?? EXPIRING_DEFAULT_DAYS} AS int)`);
    if (f.withinSubtreeOf) stock = stock.where(depotWithinSubtree('t.depot_id', f.withinSubtreeOf));
    return whereChanged(stock, f).page({ keys: SupplyStockOrder.keys(args.orderBy), page: args, withCount });
  }

  async createDepot(ctx: RequestContext, input: CreateSupplyDepotInput): Promise<SupplyDepot> {
    return transaction(ctx, async (tx) => {
      const org = await this.depotOrganization(tx, input.organizationId);
      if (input.keeperPersonId) await records(tx, Persons).reference(input.keeperPersonId, 'input.keeperPersonId');
      await this.checkDepotName(tx, org.id, input.name, null);
      return createRecord(
        tx,
        SupplyDepot,
        'SupplyDepot',
        {
          organizationId: org.id,
          name: input.name,
          address: input.address || null,
          ...locationColumns(input.location),
          keeperPersonId: input.keeperPersonId ?? null,
          contactPhone: input.contactPhone ?? null,
          archivedAt: null,
        },
        {
          action: 'rescue.supply-depot.create',
          changes: { ...input },
          ...recordEvent(responseEvents['rescue.supply-depot.created'], (d: SupplyDepot) => ({ id: d.id, organizationId: d.organizationId })),
        },
      );
    });
  }

  async updateDepot(ctx: RequestContext, input: UpdateSupplyDepotInput): Promise<SupplyDepot> {
    return transaction(ctx, async (tx) => {
      const current = await this.activeDepot(tx, input.id);
      const patch: Patch<SupplyDepot> = sentFields(input, ['name', 'contactPhone']);
      if (input.organizationId !== undefined && input.organizationId !== current.organizationId) {
        patch.organizationId = (await this.depotOrganization(tx, input.organizationId)).id;
      }
      if (patch.name !== undefined || patch.organizationId !== undefined) await this.checkDepotName(tx, input.organizationId ?? current.organizationId, input.name ?? current.name, current.id);
      if (input.address !== undefined) patch.address = input.address || null;
      if (input.location !== undefined) Object.assign(patch, locationColumns(input.location));
      if (input.keeperPersonId !== undefined && input.keeperPersonId !== current.keeperPersonId) {
        if (input.keeperPersonId) await records(tx, Persons).reference(input.keeperPersonId, 'input.keeperPersonId');
        patch.keeperPersonId = input.keeperPersonId;
      }
      return updateRecord(tx, SupplyDepot, 'SupplyDepot', current, input.version, patch, {
        action: 'rescue.supply-depot.update',
        ...recordEvent(responseEvents['rescue.supply-depot.updated'], (updated: SupplyDepot) => ({ id: current.id, organizationId: updated.organizationId })),
      });
    });
  }

  /** Closes a depot: it leaves the lists, gaps and expiring stock; its records and movements are kept. */
  async archiveDepot(ctx: RequestContext, input: ArchiveInput): Promise<SupplyDepot> {
    return transaction(ctx, async (tx) => {
      const current = await this.activeDepot(tx, input.id);
      return archiveRecord(tx, SupplyDepot, 'SupplyDepot', current, input.version, {
        action: 'rescue.supply-depot.archive',
        ...recordEvent(responseEvents['rescue.supply-depot.archived'], { id: current.id, organizationId: current.organizationId }),
      });
    });
  }

  async createItem(ctx: RequestContext, input: CreateSupplyItemInput): Promise<SupplyItem> {
    assertTownWideSupplyWrite(ctx);
    return transaction(ctx, async (tx) => {
      if (await records(tx, SupplyItems).where(sql`t.code = ${input.code}`).count()) throw responseRules.field('input.code', 'unique', `the code ${input.code} is already in the catalog.`);
      return createRecord(
        tx,
        SupplyItem,
        'SupplyItem',
        { code: input.code, name: input.name, category: input.category, unit: input.unit, shelfLifeDays: input.shelfLifeDays ?? null, archivedAt: null },
        {
          action: 'rescue.supply-item.create',
          changes: { ...input },
          ...recordEvent(responseEvents['rescue.supply-item.created'], (i: SupplyItem) => ({ id: i.id, code: i.code })),
        },
      );
    });
  }

  async updateItem(ctx: RequestContext, input: UpdateSupplyItemInput): Promise<SupplyItem> {
    assertTownWideSupplyWrite(ctx);
    return transaction(ctx, async (tx) => {
      const current = await this.activeItem(tx, input.id);
      const patch: Patch<SupplyItem> = sentFields(input, ['name', 'category', 'unit', 'shelfLifeDays']);
      return updateRecord(tx, SupplyItem, 'SupplyItem', current, input.version, patch, {
        action: 'rescue.supply-item.update',
        ...recordEvent(responseEvents['rescue.supply-item.updated'], { id: current.id, code: current.code }),
      });
    });
  }

  /** Takes an item off the catalog: no new receipts or minimums; stock already held can still be issued, moved and written off. */
  async archiveItem(ctx: RequestContext, input: ArchiveInput): Promise<SupplyItem> {
    assertTownWideSupplyWrite(ctx);
    return transaction(ctx, async (tx) => {
      const current = await this.activeItem(tx, input.id);
      return archiveRecord(tx, SupplyItem, 'SupplyItem', current, input.version, {
        action: 'rescue.supply-item.archive',
        ...recordEvent(responseEvents['rescue.supply-item.archived'], { id: current.id, code: current.code }),
      });
    });
  }

  /** Sets (or with 0 removes) the minimum quantity of an item a depot should hold; answers the minimum, or null when removed. */
  async setMinimum(ctx: RequestContext, input: SetSupplyMinimumInput): Promise<SupplyMinimum | null> {
    return transaction(ctx, async (tx) => {
      const depot = await this.depotForWrite(tx, input.depotId, 'input.depotId');
      await this.itemInCatalog(tx, input.itemId, 'input.itemId');
      const before = await lockMinimum(tx, depot.id, input.itemId);
      let minimum: SupplyMinimum | null = null;
      if (input.minimumQuantity === 0) {
        await deleteMinimum(tx, depot.id, input.itemId);
      } else {
        const updatedAt = await upsertMinimum(tx, depot.id, input.itemId, input.minimumQuantity);
        minimum = Object.assign(new SupplyMinimum(), { depotId: depot.id, itemId: input.itemId, minimumQuantity: input.minimumQuantity, updatedAt });
      }
      // A minimum is part of its depot's file: audited as a change of the depot.
      await audit(tx, { action: 'rescue.supply-minimum.set', entityType: 'SupplyDepot', entityId: depot.id, changes: { itemId: input.itemId, minimumQuantity: [before ?? 0, input.minimumQuantity] } });
      await emitEvent(tx, responseEvents, 'rescue.supply-minimum.set', { depotId: depot.id, organizationId: depot.organizationId, itemId: input.itemId, minimumQuantity: input.minimumQuantity });
      return minimum;
    });
  }

  /**
   * A depot an input field names, in use within the caller's supply write scope, locked FOR SHARE
   * (not archived or moved meanwhile): missing or out of scope answers NOT_FOUND naming `field`,
   * closed BAD_USER_INPUT `notArchived` on it.
   */
  depotForWrite(tx: RequestContext, id: string, field: string): Promise<SupplyDepot> {
    return records(tx, SupplyDepots, ResponsePermission.SupplyWrite).reference(id, field, { lock: 'share' });
  }

  /**
   * An item of the catalog an input field names, locked FOR SHARE, in use unless `allowArchived`
   * (stock of an archived item may still leave): missing answers NOT_FOUND naming `field`, taken off
   * the catalog BAD_USER_INPUT `notArchived` on it.
   */
  itemInCatalog(tx: RequestContext, id: string, field: string, allowArchived = false): Promise<SupplyItem> {
    return records(tx, SupplyItems, ResponsePermission.SupplyWrite).reference(id, field, { lock: 'share', archived: allowArchived });
  }

  private async checkDepotName(tx: RequestContext, organizationId: string, name: string, exceptId: string | null): Promise<void> {
    // The organization is in the caller's write scope: every depot of it is.
    const taken = await records(tx, SupplyDepots, ResponsePermission.SupplyWrite)
      .where(sql`t.organization_id = ${organizationId} AND t.name = ${name} AND t.archived_at IS NULL AND t.id IS DISTINCT FROM CAST(${exceptId} AS uuid)`)
      .count();
    if (taken) throw responseRules.field('input.name', 'unique', `the organization already has a depot named ${name}.`);
  }

  /**
   * The town, village or community a depot is kept at: within the caller's supply write scope (else
   * NOT_FOUND on `input.organizationId`), not archived, and of a kind that keeps depots (else `kind`).
   */
  private async depotOrganization(tx: RequestContext, organizationId: string): Promise<Organization> {
    const org = await records(tx, Organizations, ResponsePermission.SupplyWrite).reference(organizationId, 'input.organizationId');
    if (!DEPOT_ORGANIZATION_KINDS.includes(org.kind)) throw responseRules.field('input.organizationId', 'kind', 'supply depots belong to the town, a village or a community.');
    return org;
  }

  /** A depot the caller may keep, locked, not archived; out of scope answers NOT_FOUND, like a missing one. */
  private async activeDepot(tx: RequestContext, id: string): Promise<SupplyDepot> {
    const current = await records(tx, SupplyDepots, ResponsePermission.SupplyWrite).lock(id);
    if (current.archivedAt) throw responseRules.field('input.id', 'notArchived', 'the supply depot is closed.');
    return current;
  }

  private async activeItem(tx: RequestContext, id: string): Promise<SupplyItem> {
    const current = await records(tx, SupplyItems, ResponsePermission.SupplyWrite).lock(id);
    if (current.archivedAt) throw responseRules.field('input.id', 'notArchived', 'the supply item was taken off the catalog.');
    return current;
  }
}
