import { modifyReturning, type RequestContext } from '@platform/core';

/*
 * The stock and minimum rows of the supplies: keyed by depot, item (and batch), without an id or a
 * version of their own, changed by guarded single statements (a decrement only where enough is
 * left, an upsert that adds to a batch), which the write helpers (one versioned record with an id at
 * a time) do not express. Hand-written for that; the callers have locked the depots within the
 * caller's scope (`records(…, SupplyDepots, …).reference(…, { lock })`) and write the movement's
 * audit entry and event (`createRecord`), or the minimum's (`audit`, `emitEvent`).
 */

/** A batch of an item in a depot. */
export interface StockBatch {
  readonly batch: string;
  readonly expiresOn: string | null;
  readonly quantity: number;
}

/**
 * The guarded decrement: takes `quantity` from the batch only where enough is left (so stock never
 * goes negative, also under concurrent issues: the row lock makes the second writer re-check the
 * quantity; the CHECK constraint is the last line). What is left, or null when not enough (or no such batch).
 */
export async function takeFromBatch(tx: RequestContext, depotId: string, itemId: string, batch: string, quantity: number): Promise<{ quantity: number; expiresOn: string | null } | null> {
  const [row] = await modifyReturning<{ quantity: number; expiresOn: string | null }>(
    tx.manager,
    `UPDATE supply_stock SET quantity = quantity - $4, updated_at = now()
     WHERE depot_id = $1 AND item_id = $2 AND batch = $3 AND quantity >= $4
     RETURNING quantity, expires_on::text AS "expiresOn"`,
    [depotId, itemId, batch, quantity],
  );
  return row ?? null;
}

/**
 * Adds to a batch (INSERT … ON CONFLICT DO UPDATE), answering the new quantity. With `expiryGiven`
 * an existing batch must have the same expiry day (else null, nothing changed); without, it keeps its own.
 */
export async function putIntoBatch(tx: RequestContext, depotId: string, itemId: string, batch: string, quantity: number, expiresOn: string | null, expiryGiven: boolean): Promise<number | null> {
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

/** Locks a batch's rows in the given depots in one order (by depot id), so opposite transfers at the same moment wait instead of deadlocking. */
export async function lockBatchInDepots(tx: RequestContext, itemId: string, batch: string, depotIds: readonly string[]): Promise<void> {
  await tx.manager.query(`SELECT 1 FROM supply_stock WHERE item_id = $1 AND batch = $2 AND depot_id = ANY($3::uuid[]) ORDER BY depot_id FOR UPDATE`, [itemId, batch, depotIds]);
}

/**
 * The batches of an item in a depot that an issue naming no batch takes from, first expiry first
 * (first expired first out): those holding stock that have not expired by `today` (an expired batch
 * is written off, or issued only when named), by expiry day (non-perishable ones, without one, last),
 * then the batch that arrived in the depot first (its first receipt or transfer in), then the label.
 * Locked FOR UPDATE in that order (every such issue locks in the same order), so the quantities read
 * hold until the transaction ends.
 */
export function lockIssuableBatches(tx: RequestContext, depotId: string, itemId: string, today: string): Promise<StockBatch[]> {
  return tx.manager.query(
    `SELECT s.batch, s.expires_on::text AS "expiresOn", s.quantity
     FROM supply_stock s
     WHERE s.depot_id = $1 AND s.item_id = $2 AND s.quantity > 0 AND (s.expires_on IS NULL OR s.expires_on >= CAST($3 AS date))
     ORDER BY s.expires_on ASC NULLS LAST,
       (SELECT min(m.at) FROM supply_movement m
        WHERE m.item_id = s.item_id AND m.batch = s.batch AND ((m.kind = 'RECEIPT' AND m.depot_id = s.depot_id) OR (m.kind = 'TRANSFER' AND m.to_depot_id = s.depot_id))) ASC NULLS LAST,
       s.batch ASC
     FOR UPDATE OF s`,
    [depotId, itemId, today],
  );
}

/** The minimum of an item in a depot, locked for its change; null when none is set. */
export async function lockMinimum(tx: RequestContext, depotId: string, itemId: string): Promise<number | null> {
  const [row] = await tx.manager.query(`SELECT minimum_quantity AS "minimumQuantity" FROM supply_minimum WHERE depot_id = $1 AND item_id = $2 FOR UPDATE`, [depotId, itemId]);
  return row ? Number(row.minimumQuantity) : null;
}

/** Removes the minimum of an item in a depot. */
export async function deleteMinimum(tx: RequestContext, depotId: string, itemId: string): Promise<void> {
  await tx.manager.query(`DELETE FROM supply_minimum WHERE depot_id = $1 AND item_id = $2`, [depotId, itemId]);
}

/** Sets the minimum of an item in a depot (insert or update); when it was set. */
export async function upsertMinimum(tx: RequestContext, depotId: string, itemId: string, minimumQuantity: number): Promise<Date> {
  const [row] = await modifyReturning<{ updatedAt: Date }>(
    tx.manager,
    `INSERT INTO supply_minimum (depot_id, item_id, minimum_quantity) VALUES ($1, $2, $3)
     ON CONFLICT (depot_id, item_id) DO UPDATE SET minimum_quantity = EXCLUDED.minimum_quantity, updated_at = now()
     RETURNING updated_at AS "updatedAt"`,
    [depotId, itemId, minimumQuantity],
  );
  return row!.updatedAt;
}
