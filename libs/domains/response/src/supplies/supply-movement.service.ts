import { BadUserInputError, SortDirection, audit, modifyReturning, paginateRows, sqlConditions, todayInChina, transaction, type ConnectionResult, type RequestContext, type SortKey } from '@platform/core';
import { organizationIdInScope } from '@platform/directory';
import { SupplyMovement, type SupplyDepot, type SupplyItem } from './supply.entity';
import { SupplyMovementKind } from './supply.enums';
import type { IssueSuppliesInput, ReceiveSuppliesInput, SupplyMovementBaseInput, SupplyMovementListArgs, TransferSuppliesInput, WriteOffSuppliesInput } from './supply.inputs';
import { SupplyService, depotInScopeSql } from './supply.service';
import { incidentScope } from '../incidents/incident.service';
import { CommunityPermission } from '@domains/community';
import { ResponsePermission } from '../permissions';

/** Movements newest first (index supply_movement_at_idx, per depot supply_movement_depot_idx). */
export const supplyMovementSortKeys = (alias: string): SortKey<SupplyMovement>[] => [
  { column: `${alias}.at`, direction: SortDirection.DESC },
  { column: `${alias}.id`, direction: SortDirection.DESC },
];

/** How far ahead of the server's clock a movement's time may be (clients' clocks drift). */
const CLOCK_SKEW_MS = 60_000;

/** The day `days` after `day` (YYYY-MM-DD). */
const addDays = (day: string, days: number): string => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** The audit action of each kind of movement. */
const ACTIONS: Record<SupplyMovementKind, string> = {
  [SupplyMovementKind.RECEIPT]: 'rescue.supply.receive',
  [SupplyMovementKind.ISSUE]: 'rescue.supply.issue',
  [SupplyMovementKind.TRANSFER]: 'rescue.supply.transfer',
  [SupplyMovementKind.WRITE_OFF]: 'rescue.supply.write-off',
};

/**
 * Stock movements. Each is ONE transaction: the depots are locked FOR SHARE (in scope, in use), the
 * stock changes with a single guarded statement (a decrement only where enough is left, so stock
 * never goes negative, also under concurrent issues: the row lock makes the second writer re-check
 * the quantity; the CHECK constraint is the last line), then the movement row, its audit entry and
 * the event `rescue.supply.moved` (after commit).
 */
export class SupplyMovementService {
  private readonly supplies = new SupplyService();

  /** Movements out of or into depots in the caller's scope (a transfer shows on both sides). */
  list(ctx: RequestContext, args: SupplyMovementListArgs, withCount: boolean): Promise<ConnectionResult<SupplyMovement>> {
    const from = depotInScopeSql(ctx, ResponsePermission.SupplyRead, 'm.depot_id');
    const c = sqlConditions();
    if (from.sql !== 'TRUE') {
      const to = depotInScopeSql(ctx, ResponsePermission.SupplyRead, 'm.to_depot_id');
      c.add(from.sql === 'FALSE' ? 'FALSE' : `(${from.sql} OR ${to.sql})`, { ...from.params, ...to.params });
    }
    const f = args.filter ?? {};
    if (f.depotId) c.add('(m.depot_id = :depotId OR m.to_depot_id = :depotId)', { depotId: f.depotId });
    if (f.itemId) c.add('m.item_id = :itemId', { itemId: f.itemId });
    if (f.kinds?.length) c.add('m.kind IN (:...kinds)', { kinds: f.kinds });
    if (f.from) c.add('m.at >= :from', { from: f.from });
    if (f.to) c.add('m.at < :to', { to: f.to });
    if (f.incidentId) c.add('m.incident_id = :incidentId', { incidentId: f.incidentId });
    return paginateRows({ manager: ctx.manager, entity: SupplyMovement, alias: 'm', table: 'supply_movement', where: c.where, params: c.params, keys: supplyMovementSortKeys('m'), page: args, withCount });
  }

  /** 入库: adds to the batch (a new batch gets the given expiry day, or the day received plus the item's shelf life). */
  receive(ctx: RequestContext, input: ReceiveSuppliesInput): Promise<SupplyMovement> {
    const at = this.checkAt(ctx, input.at);
    return transaction(ctx, async (tx) => {
      const depot = await this.supplies.depotForWrite(tx, input.depotId, 'input.depotId');
      const item = await this.supplies.itemInCatalog(tx, input.itemId, 'input.itemId');
      const batch = input.batch ?? '';
      const given = input.expiresOn !== undefined && input.expiresOn !== null;
      const expiresOn = given ? input.expiresOn! : item.shelfLifeDays ? addDays(todayInChina(at), item.shelfLifeDays) : null;
      const quantity = await this.put(tx, depot.id, item.id, batch, input.quantity, expiresOn, given);
      if (quantity === null) throw BadUserInputError.field('input.expiresOn', 'sameBatch', `batch "${batch}" of ${item.name} is already in stock with another expiry day; receive it as another batch.`);
      return this.record(tx, SupplyMovementKind.RECEIPT, input, at, depot, item, batch, { reason: input.reason || null }, quantity);
    });
  }

  /** 出库发放: takes the quantity from the batch, to an incident, a household or whoever is named. */
  issue(ctx: RequestContext, input: IssueSuppliesInput): Promise<SupplyMovement> {
    const at = this.checkAt(ctx, input.at);
    return transaction(ctx, async (tx) => {
      const depot = await this.supplies.depotForWrite(tx, input.depotId, 'input.depotId');
      const item = await this.supplies.itemInCatalog(tx, input.itemId, 'input.itemId', true);
      if (input.incidentId) await this.checkIncident(tx, input.incidentId);
      if (input.householdId) await this.checkHousehold(tx, input.householdId);
      const batch = input.batch ?? '';
      const left = await this.take(tx, depot, item, batch, input.quantity);
      return this.record(tx, SupplyMovementKind.ISSUE, input, at, depot, item, batch, { incidentId: input.incidentId ?? null, householdId: input.householdId ?? null, recipient: input.recipient, reason: input.reason || null }, left.quantity);
    });
  }

  /** 调拨: takes the quantity from the batch in one depot and adds it to the same batch (same expiry day) in the other, both or neither. */
  transfer(ctx: RequestContext, input: TransferSuppliesInput): Promise<SupplyMovement> {
    const at = this.checkAt(ctx, input.at);
    if (input.toDepotId === input.depotId) throw BadUserInputError.field('input.toDepotId', 'notSameDepot', 'a transfer goes to another depot.');
    return transaction(ctx, async (tx) => {
      const depot = await this.supplies.depotForWrite(tx, input.depotId, 'input.depotId');
      const target = await this.supplies.depotForWrite(tx, input.toDepotId, 'input.toDepotId', 'badInput');
      const item = await this.supplies.itemInCatalog(tx, input.itemId, 'input.itemId', true);
      const batch = input.batch ?? '';
      // Both depots' rows of the batch are locked in one order (by depot id), so opposite transfers at the same moment wait instead of deadlocking.
      await tx.manager.query(`SELECT 1 FROM supply_stock WHERE item_id = $1 AND batch = $2 AND depot_id = ANY($3::uuid[]) ORDER BY depot_id FOR UPDATE`, [item.id, batch, [depot.id, target.id]]);
      const left = await this.take(tx, depot, item, batch, input.quantity);
      const arrived = await this.put(tx, target.id, item.id, batch, input.quantity, left.expiresOn, true);
      if (arrived === null) throw BadUserInputError.field('input.batch', 'sameBatch', `${target.name} already holds batch "${batch}" of ${item.name} with another expiry day.`);
      return this.record(tx, SupplyMovementKind.TRANSFER, input, at, depot, item, batch, { toDepotId: target.id, reason: input.reason || null }, left.quantity, { toOrganizationId: target.organizationId, arrived });
    });
  }

  /** 报损报废: takes the quantity off the batch, with the reason. */
  writeOff(ctx: RequestContext, input: WriteOffSuppliesInput): Promise<SupplyMovement> {
    const at = this.checkAt(ctx, input.at);
    return transaction(ctx, async (tx) => {
      const depot = await this.supplies.depotForWrite(tx, input.depotId, 'input.depotId');
      const item = await this.supplies.itemInCatalog(tx, input.itemId, 'input.itemId', true);
      const batch = input.batch ?? '';
      const left = await this.take(tx, depot, item, batch, input.quantity);
      return this.record(tx, SupplyMovementKind.WRITE_OFF, input, at, depot, item, batch, { reason: input.reason }, left.quantity);
    });
  }

  /**
   * The guarded decrement: one UPDATE that changes the batch only where enough is left. No row means
   * not enough (or no such batch): BAD_USER_INPUT on `input.quantity`, rule `available`, naming what is there.
   */
  private async take(tx: RequestContext, depot: SupplyDepot, item: SupplyItem, batch: string, quantity: number): Promise<{ quantity: number; expiresOn: string | null }> {
    const [row] = await modifyReturning<{ quantity: number; expiresOn: string | null }>(
      tx.manager,
      `UPDATE supply_stock SET quantity = quantity - $4, updated_at = now()
       WHERE depot_id = $1 AND item_id = $2 AND batch = $3 AND quantity >= $4
       RETURNING quantity, expires_on::text AS "expiresOn"`,
      [depot.id, item.id, batch, quantity],
    );
    if (row) return row;
    const [have] = await tx.manager.query(`SELECT quantity FROM supply_stock WHERE depot_id = $1 AND item_id = $2 AND batch = $3`, [depot.id, item.id, batch]);
    const available = Number(have?.quantity ?? 0);
    throw BadUserInputError.field('input.quantity', 'available', `only ${available} ${item.unit} of ${item.name}${batch ? ` (batch "${batch}")` : ''} available in ${depot.name}, ${quantity} asked for.`);
  }

  /**
   * Adds to a batch (INSERT … ON CONFLICT DO UPDATE), answering the new quantity. With `expiryGiven`
   * an existing batch must have the same expiry day (else null, nothing changed); without, it keeps its own.
   */
  private async put(tx: RequestContext, depotId: string, itemId: string, batch: string, quantity: number, expiresOn: string | null, expiryGiven: boolean): Promise<number | null> {
    const [row] = await modifyReturning<{ quantity: number }>(
      tx.manager,
      `INSERT INTO supply_stock (depot_id, item_id, batch, expires_on, quantity) VALUES ($1, $2, $3, $4::date, $5)
       ON CONFLICT (depot_id, item_id, batch) DO UPDATE SET quantity = supply_stock.quantity + EXCLUDED.quantity, updated_at = now()
       WHERE NOT $6::boolean OR supply_stock.expires_on IS NOT DISTINCT FROM EXCLUDED.expires_on
       RETURNING quantity`,
      [depotId, itemId, batch, expiresOn, quantity, expiryGiven],
    );
    return row ? Number(row.quantity) : null;
  }

  /** The movement row, its audit entry and the event. */
  private async record(
    tx: RequestContext,
    kind: SupplyMovementKind,
    input: SupplyMovementBaseInput,
    at: Date,
    depot: SupplyDepot,
    item: SupplyItem,
    batch: string,
    extra: Partial<SupplyMovement>,
    remaining: number,
    payload: Record<string, unknown> = {},
  ): Promise<SupplyMovement> {
    const movement = await tx.manager.save(
      tx.manager.create(SupplyMovement, {
        kind,
        at,
        depotId: depot.id,
        toDepotId: null,
        itemId: item.id,
        batch,
        quantity: input.quantity,
        incidentId: null,
        householdId: null,
        recipient: null,
        reason: null,
        recordedByUserId: tx.principal.kind === 'user' ? tx.principal.id : null,
        ...extra,
      }),
    );
    await audit(tx, { action: ACTIONS[kind], entityType: 'SupplyMovement', entityId: movement.id, changes: { ...input, batch, at: at.toISOString(), remaining } });
    await tx.emit('rescue.supply.moved', { id: movement.id, kind, depotId: depot.id, organizationId: depot.organizationId, toDepotId: movement.toDepotId, itemId: item.id, batch, quantity: input.quantity, remaining, ...payload });
    return movement;
  }

  /** The movement's time: now by default, not in the future. */
  private checkAt(ctx: RequestContext, at: Date | null | undefined): Date {
    const now = ctx.clock.now();
    if (!at) return now;
    if (at.getTime() > now.getTime() + CLOCK_SKEW_MS) throw BadUserInputError.field('input.at', 'notFuture', 'must not be in the future.');
    return at;
  }

  /** An incident the caller may read (rescue.incident:read: reported or affecting in scope), else BAD_USER_INPUT `exists` on `input.incidentId`. */
  private async checkIncident(tx: RequestContext, id: string): Promise<void> {
    const scope = incidentScope(tx.principal, 'i');
    const [sql, params] = tx.manager.connection.driver.escapeQueryWithParameters(`SELECT 1 FROM incident i WHERE i.id = :id AND ${scope.sql}`, { ...scope.params, id });
    const [found] = await tx.manager.query(sql, params);
    if (!found) throw BadUserInputError.field('input.incidentId', 'exists', `no incident ${id} you may read.`);
  }

  /** A listed household the caller may read (rescue.joint-defense:read), else BAD_USER_INPUT `exists` on `input.householdId`. */
  private async checkHousehold(tx: RequestContext, id: string): Promise<void> {
    const scope = organizationIdInScope(tx.principal, CommunityPermission.JointDefenseRead, 'h.organization_id');
    const [sql, params] = tx.manager.connection.driver.escapeQueryWithParameters(`SELECT 1 FROM joint_defense_household h WHERE h.id = :id AND h.archived_at IS NULL AND ${scope.sql}`, { ...scope.params, id });
    const [found] = await tx.manager.query(sql, params);
    if (!found) throw BadUserInputError.field('input.householdId', 'exists', `no listed household ${id} you may read.`);
  }
}
