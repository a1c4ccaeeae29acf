import type { RequestContext } from '@platform/core';

/*
 * Statements of subscription changes that no record writer expresses: deleting a subscription with its
 * deliveries (the foreign keys cascade), and queueing its held deliveries again on resume.
 */

/** Deletes a subscription with its deliveries and their attempts, if it still has `version`; answers whether it did. */
export async function deleteSubscription(tx: RequestContext, id: string, version: number): Promise<boolean> {
  const rows: unknown[] = await tx.manager.query(`WITH gone AS (DELETE FROM webhook_subscription WHERE id = $1 AND version = $2 RETURNING 1) SELECT 1 FROM gone`, [id, version]);
  return rows.length > 0;
}

/** The held deliveries of a subscription, PENDING again: answers their ids (to queue). */
export async function releaseHeld(tx: RequestContext, subscriptionId: string): Promise<string[]> {
  const rows: Array<{ id: string }> = await tx.manager.query(
    `WITH d AS (UPDATE webhook_delivery SET status = 'PENDING', updated_at = now(), version = version + 1 WHERE subscription_id = $1 AND status = 'HELD' RETURNING id) SELECT id FROM d`,
    [subscriptionId],
  );
  return rows.map((r) => r.id);
}
