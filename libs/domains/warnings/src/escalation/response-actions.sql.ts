import type { RequestContext } from '@platform/core';
import { LEVEL_ORDER_SQL } from './escalation.chain';

/**
 * Copies the response actions of deliveries that have none yet from the current templates of their
 * warning's hazard type (or any) whose minimum level is at or below the warning's level: the given
 * deliveries (the warnings core calls it in the transaction that issues or updates a warning), or with
 * null every non-cancelled delivery of a warning in force (the demo seed). Cancellation notices get
 * none. Idempotent (NOT EXISTS, and the unique (delivery, template) key under concurrent callers).
 * Returns the ids of the actions written.
 *
 * Hand-written: one `INSERT … SELECT … ON CONFLICT DO NOTHING` of many rows over the module's own
 * tables, for deliveries the caller has just made (or the seed), so no scope applies.
 */
export async function createResponseActions(tx: RequestContext, deliveryIds: readonly string[] | null): Promise<string[]> {
  const rows: Array<{ id: string }> = await tx.manager.query(
    `INSERT INTO warning_response_action (delivery_id, organization_id, template_id, sort_order, action, evacuation)
     SELECT d.id, d.organization_id, t.id, t.sort_order, t.action, t.evacuation
       FROM warning_delivery d
       JOIN warning w ON w.id = d.warning_id
       JOIN warning_response_template t ON t.archived_at IS NULL AND (t.hazard_type IS NULL OR t.hazard_type = w.hazard_type)
            AND array_position(${LEVEL_ORDER_SQL}, t.min_level) <= array_position(${LEVEL_ORDER_SQL}, w.level)
      WHERE ${deliveryIds ? 'd.id = ANY($1::uuid[])' : `w.status = 'ACTIVE'`} AND d.status <> 'CANCELLED' AND w.message_type <> 'CANCEL'
        AND NOT EXISTS (SELECT 1 FROM warning_response_action x WHERE x.delivery_id = d.id)
     ON CONFLICT (delivery_id, template_id) DO NOTHING
     RETURNING id`,
    deliveryIds ? [[...deliveryIds]] : [],
  );
  return rows.map((r) => r.id);
}
