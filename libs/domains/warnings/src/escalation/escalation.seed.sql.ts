import type { RequestContext } from '@platform/core';

/*
 * The demo seed's statements over the module's own tables: which of the actions it just made belong
 * to deliveries acknowledged already, and marking some of them done. Hand-written: seeds set the
 * demo's times and people directly, without audit entries or events of their own (one summary entry).
 */

/** Of the actions `actionIds`, those of acknowledged deliveries, with their place in the delivery's list and who acknowledged when. */
export function actionsOfAcknowledgedDeliveries(
  ctx: RequestContext,
  actionIds: readonly string[],
): Promise<Array<{ id: string; rank: number; acknowledgedAt: Date; personId: string | null; userId: string | null }>> {
  return ctx.manager.query(
    `SELECT a.id, row_number() OVER (PARTITION BY a.delivery_id ORDER BY a.sort_order, a.id)::int AS rank, d.acknowledged_at AS "acknowledgedAt",
            d.acknowledged_by_person_id AS "personId", d.acknowledged_by_user_id AS "userId"
       FROM warning_response_action a JOIN warning_delivery d ON d.id = a.delivery_id
      WHERE a.id = ANY($1::uuid[]) AND d.status = 'ACKNOWLEDGED' AND d.acknowledged_at IS NOT NULL`,
    [actionIds],
  );
}

/** Marks a demo action done (unless it is already), at `at`, or at the seeding clock's now if `at` is later. */
export async function completeSeedAction(ctx: RequestContext, id: string, at: Date, personId: string | null, userId: string | null, note: string): Promise<void> {
  await ctx.manager.query(`UPDATE warning_response_action SET completed_at = LEAST(CAST($2 AS timestamptz), CAST($6 AS timestamptz)), completed_by_person_id = $3, completed_by_user_id = $4, note = $5 WHERE id = $1 AND completed_at IS NULL`, [
    id,
    at,
    personId,
    userId,
    note,
    ctx.clock.now(),
  ]);
}
