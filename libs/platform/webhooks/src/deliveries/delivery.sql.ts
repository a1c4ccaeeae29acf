import type { RequestContext } from '@platform/core';
import { WebhookDeliveryStatus } from '../webhooks.enums';
import type { SendOutcome } from '../queue/send';

/*
 * The delivery worker's statements. Hand-written: the worker acts for no caller (it runs as the
 * system, checking the API client's own scope separately), and it records an attempt and the
 * delivery's new state in one statement, the delivery's row lock numbering the attempts.
 */

/** A delivery with what an attempt needs of its subscription. */
export interface DeliveryForAttempt {
  readonly id: string;
  readonly eventType: string;
  readonly occurredAt: Date;
  readonly data: Record<string, unknown>;
  readonly status: WebhookDeliveryStatus;
  readonly url: string;
  readonly secret: string;
  readonly subscriptionStatus: string;
  readonly apiClientId: string;
  readonly withinSubtreeOf: string | null;
}

export async function deliveryForAttempt(ctx: RequestContext, id: string): Promise<DeliveryForAttempt | null> {
  const [row] = (await ctx.manager.query(
    `SELECT d.id, d.event_type AS "eventType", d.occurred_at AS "occurredAt", d.data, d.status,
            s.url, s.secret, s.status AS "subscriptionStatus", s.api_client_id AS "apiClientId", s.within_subtree_of AS "withinSubtreeOf"
       FROM webhook_delivery d JOIN webhook_subscription s ON s.id = d.subscription_id
      WHERE d.id = $1`,
    [id],
  )) as DeliveryForAttempt[];
  return row ?? null;
}

/** An attempt's outcome as recorded: what `send` came to, less whether it counts as delivered. */
export type AttemptRecord = Omit<SendOutcome, 'delivered'>;

/**
 * Records an attempt (numbered after the delivery's last) and moves the delivery to `status`, in one
 * statement, only while the delivery is still waiting for it (PENDING or RETRYING): answers the
 * attempt's number, or null when the delivery was deleted or settled meanwhile.
 */
export async function recordAttempt(ctx: RequestContext, deliveryId: string, attempt: AttemptRecord, status: WebhookDeliveryStatus): Promise<number | null> {
  const [row] = (await ctx.manager.query(
    `WITH d AS (
       UPDATE webhook_delivery
          SET status = $2, attempt_count = attempt_count + 1, last_attempt_at = $3, last_status_code = $5, last_error = $6,
              delivered_at = CASE WHEN $2 = 'DELIVERED' THEN now() ELSE delivered_at END,
              updated_at = now(), version = version + 1
        WHERE id = $1 AND status IN ('PENDING', 'RETRYING')
        RETURNING attempt_count)
     INSERT INTO webhook_attempt (delivery_id, attempt, started_at, duration_ms, status_code, error, error_message, response_body)
     SELECT $1, d.attempt_count, $3, $4, $5, $6, $7, $8 FROM d
     RETURNING attempt`,
    [deliveryId, status, attempt.startedAt, attempt.durationMs, attempt.statusCode, attempt.error, attempt.errorMessage, attempt.responseBody],
  )) as Array<{ attempt: number }>;
  return row?.attempt ?? null;
}

/** A delivery of a paused subscription waits (HELD) until it is resumed. */
export async function holdDelivery(ctx: RequestContext, deliveryId: string): Promise<void> {
  await ctx.manager.query(`UPDATE webhook_delivery SET status = 'HELD', updated_at = now(), version = version + 1 WHERE id = $1 AND status IN ('PENDING', 'RETRYING')`, [deliveryId]);
}

/** Rows deleted per statement by the retention prune. */
const PRUNE_BATCH = 1000;

/** Deletes settled deliveries (DELIVERED, DEAD) older than `days`, with their attempts, in batches; answers how many. */
export async function pruneDeliveries(ctx: RequestContext, days: number, signal: AbortSignal): Promise<number> {
  let removed = 0;
  for (;;) {
    const [{ n }] = (await ctx.manager.query(
      `WITH gone AS (
         DELETE FROM webhook_delivery WHERE id IN (
           SELECT id FROM webhook_delivery WHERE status IN ('${WebhookDeliveryStatus.DELIVERED}', '${WebhookDeliveryStatus.DEAD}') AND created_at < now() - make_interval(days => $1)
            ORDER BY created_at LIMIT $2 FOR UPDATE SKIP LOCKED)
         RETURNING 1)
       SELECT count(*)::int AS n FROM gone`,
      [days, PRUNE_BATCH],
    )) as Array<{ n: number }>;
    removed += n;
    if (n < PRUNE_BATCH || signal.aborted) return removed;
  }
}
