import { addDays, SortDirection, createRecord, recordEvent, records, sql, todayInChina, transaction, whereChanged, type ConnectionResult, type Patch, type RequestContext } from '@platform/core';
import { Households } from '@domains/community';
import { SupplyMovement, type SupplyDepot, type SupplyItem } from './supply.entity';
import { SupplyMovementKind } from './supply.enums';
import type { IssueSuppliesInput, ReceiveSuppliesInput, SupplyMovementBaseInput, SupplyMovementListArgs, TransferSuppliesInput, WriteOffSuppliesInput } from './supply.inputs';
import { SupplyService, supplyToday } from './supply.service';
import { SupplyMovementOrder } from './supply.orders';
import { lockBatchInDepots, lockIssuableBatches, putIntoBatch, takeFromBatch, type StockBatch } from './supply-stock.sql';
import { Incidents, SupplyMovements, SupplyStocks } from '../response.entities';
import { responseEvents } from '../response.events';
import { responseRules } from '../response.rules';
import { ResponsePermission } from '../permissions';

/** How far ahead of the server's clock a movement's time may be (clients' clocks drift). */
const CLOCK_SKEW_MS = 60_000;

/** The day `days` after `day` (YYYY-MM-DD). */

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
 * the event `rescue.supply.moved` (after commit). A movement is of one batch: the batch it names,
 * or for an issue naming none the batch expiring first (`issue`).
 */
export class SupplyMovementService {
  private readonly supplies = new SupplyService();

  /** Movements out of or into depots in the caller's scope (a transfer shows on both sides). */
  list(ctx: RequestContext, args: SupplyMovementListArgs, withCount: boolean): Promise<ConnectionResult<SupplyMovement>> {
    let movements = records(ctx, SupplyMovements);
    const f = args.filter ?? {};
    if (f.depotId) movements = movements.where(sql`(t.depot_id = ${f.depotId} OR t.to_depot_id = ${f.depotId})`);
    if (f.itemId) movements = movements.where(sql`t.item_id = ${f.itemId}`);
    if (f.kinds?.length) movements = movements.where(sql`t.kind = ANY(${f.kinds})`);
    if (f.from) movements = movements.where(sql`t.at >= ${f.from}`);
    if (f.to) movements = movements.where(sql`t.at < ${f.to}`);
    if (f.incidentId) movements = movements.where(sql`t.incident_id = ${f.incidentId}`);
    return whereChanged(movements, f).page({ keys: SupplyMovementOrder.keys(args.orderBy), page: args, withCount });
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
      const quantity = await putIntoBatch(tx, depot.id, item.id, batch, input.quantity, expiresOn, given);
      if (quantity === null) throw responseRules.field('input.expiresOn', 'sameBatch', `batch "${batch}" of ${item.name} is already in stock with another expiry day; receive it as another batch.`);
      return this.record(tx, SupplyMovementKind.RECEIPT, input, at, depot, item, batch, { reason: input.reason || null }, quantity);
    });
  }

  /**
   * 出库发放: takes the quantity from a batch, to an incident, a household or whoever is named. With
   * a batch named (also the empty one, of stock whose batches are not told apart), from that batch;
   * with none, from the batch expiring first (first expired first out, see `lockIssuableBatches`):
   * a movement is of one batch, so when that batch does not hold the quantity the issue is refused
   * (BAD_USER_INPUT `available` naming it) rather than split; issue it first, or name a batch.
   */
  issue(ctx: RequestContext, input: IssueSuppliesInput): Promise<SupplyMovement> {
    const at = this.checkAt(ctx, input.at);
    return transaction(ctx, async (tx) => {
      const depot = await this.supplies.depotForWrite(tx, input.depotId, 'input.depotId');
      const item = await this.supplies.itemInCatalog(tx, input.itemId, 'input.itemId', true);
      // Only an incident or a household the caller may read: another area's answers NOT_FOUND like a missing one.
      if (input.incidentId) await records(tx, Incidents).reference(input.incidentId, 'input.incidentId', { properties: ['id'] });
      if (input.householdId) await records(tx, Households).reference(input.householdId, 'input.householdId', { properties: ['id'] });
      const batch = input.batch ?? (await this.firstExpiring(tx, depot, item, input.quantity));
      const left = await this.take(tx, depot, item, batch, input.quantity);
      return this.record(tx, SupplyMovementKind.ISSUE, input, at, depot, item, batch, { incidentId: input.incidentId ?? null, householdId: input.householdId ?? null, recipient: input.recipient, reason: input.reason || null }, left.quantity);
    });
  }

  /** 调拨: takes the quantity from the batch in one depot and adds it to the same batch (same expiry day) in the other, both or neither. */
  transfer(ctx: RequestContext, input: TransferSuppliesInput): Promise<SupplyMovement> {
    const at = this.checkAt(ctx, input.at);
    if (input.toDepotId === input.depotId) throw responseRules.field('input.toDepotId', 'notSameDepot', 'a transfer goes to another depot.');
    return transaction(ctx, async (tx) => {
      const depot = await this.supplies.depotForWrite(tx, input.depotId, 'input.depotId');
      const target = await this.supplies.depotForWrite(tx, input.toDepotId, 'input.toDepotId');
      const item = await this.supplies.itemInCatalog(tx, input.itemId, 'input.itemId', true);
      const batch = input.batch ?? '';
      await lockBatchInDepots(tx, item.id, batch, [depot.id, target.id]);
      const left = await this.take(tx, depot, item, batch, input.quantity);
      const arrived = await putIntoBatch(tx, target.id, item.id, batch, input.quantity, left.expiresOn, true);
      if (arrived === null) throw responseRules.field('input.batch', 'sameBatch', `${target.name} already holds batch "${batch}" of ${item.name} with another expiry day.`);
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
   * The batch an issue naming none takes from: the first of `lockIssuableBatches` (locked). Refused
   * with BAD_USER_INPUT `available` on `input.quantity` when there is none, or when it holds less
   * than asked (naming it and what it holds).
   */
  private async firstExpiring(tx: RequestContext, depot: SupplyDepot, item: SupplyItem, quantity: number): Promise<string> {
    const [first]: StockBatch[] = await lockIssuableBatches(tx, depot.id, item.id, supplyToday(tx));
    if (!first) throw responseRules.field('input.quantity', 'available', `no ${item.name} that has not expired is available in ${depot.name}, ${quantity} asked for (an expired batch is issued only when named).`);
    if (first.quantity < quantity) {
      const label = first.batch ? `batch "${first.batch}"` : 'the batch without a label';
      const expiry = first.expiresOn ? `, expiring first on ${first.expiresOn}` : '';
      throw responseRules.field(
        'input.quantity',
        'available',
        `only ${first.quantity} ${item.unit} of ${item.name} in ${label}${expiry}, available in ${depot.name}, ${quantity} asked for: an issue takes from one batch, the one expiring first; issue that batch first, or name the batch to issue from.`,
      );
    }
    return first.batch;
  }

  /**
   * The guarded decrement (`takeFromBatch`). Not enough (or no such batch): BAD_USER_INPUT on
   * `input.quantity`, rule `available`, naming what is there.
   */
  private async take(tx: RequestContext, depot: SupplyDepot, item: SupplyItem, batch: string, quantity: number): Promise<{ quantity: number; expiresOn: string | null }> {
    const row = await takeFromBatch(tx, depot.id, item.id, batch, quantity);
    if (row) return row;
    const [have] = await records(tx, SupplyStocks, ResponsePermission.SupplyWrite)
      .where(sql`t.depot_id = ${depot.id} AND t.item_id = ${item.id} AND t.batch = ${batch}`)
      .list({ keys: [{ column: 't.batch', direction: SortDirection.ASC }], limit: 1, properties: ['quantity'] });
    const available = have?.quantity ?? 0;
    throw responseRules.field('input.quantity', 'available', `only ${available} ${item.unit} of ${item.name}${batch ? ` (batch "${batch}")` : ''} available in ${depot.name}, ${quantity} asked for.`);
  }

  /** The movement row, its audit entry and the event. */
  private record(
    tx: RequestContext,
    kind: SupplyMovementKind,
    input: SupplyMovementBaseInput,
    at: Date,
    depot: SupplyDepot,
    item: SupplyItem,
    batch: string,
    extra: Patch<SupplyMovement>,
    remaining: number,
    payload: { toOrganizationId?: string; arrived?: number } = {},
  ): Promise<SupplyMovement> {
    return createRecord(
      tx,
      SupplyMovement,
      'SupplyMovement',
      {
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
      },
      {
        action: ACTIONS[kind],
        changes: { ...input, batch, at: at.toISOString(), remaining },
        ...recordEvent(responseEvents['rescue.supply.moved'], (m: SupplyMovement) => ({
          id: m.id,
          kind,
          depotId: depot.id,
          organizationId: depot.organizationId,
          toDepotId: m.toDepotId,
          itemId: item.id,
          batch,
          quantity: input.quantity,
          remaining,
          ...payload,
        })),
      },
    );
  }

  /** The movement's time: now by default, not in the future. */
  private checkAt(ctx: RequestContext, at: Date | null | undefined): Date {
    const now = ctx.clock.now();
    if (!at) return now;
    if (at.getTime() > now.getTime() + CLOCK_SKEW_MS) throw responseRules.field('input.at', 'notFuture', 'must not be in the future.');
    return at;
  }
}
