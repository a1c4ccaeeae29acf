import type { RequestContext } from '@platform/core';

/*
 * The relay's statements over the kernel's outbox and this module's tables. Hand-written: the relay
 * works for no caller (it runs as the system), takes outbox rows with FOR UPDATE SKIP LOCKED so that
 * replicas never take the same, and writes deliveries in bulk, which no declared scope expresses.
 */

/** An outbox row as the relay reads it. */
export interface OutboxRow {
  readonly id: string;
  readonly type: string;
  readonly payload: Record<string, unknown>;
  readonly occurredAt: Date;
  readonly recordedAt: Date;
}

/**
 * Up to `limit` undispatched outbox rows, oldest first, locked for this transaction; rows another
 * replica's relay holds are skipped (it marks them dispatched before it lets go).
 */
export async function claimOutboxRows(tx: RequestContext, limit: number): Promise<OutboxRow[]> {
  return tx.manager.query(
    `SELECT id::text AS id, type, payload, occurred_at AS "occurredAt", recorded_at AS "recordedAt"
       FROM event_outbox WHERE dispatched_at IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
    [limit],
  );
}

export async function markDispatched(tx: RequestContext, ids: readonly string[]): Promise<void> {
  await tx.manager.query(`UPDATE event_outbox SET dispatched_at = now() WHERE id = ANY($1::bigint[])`, [ids]);
}

/** An active subscription as the relay matches events against it. */
export interface RelaySubscription {
  readonly id: string;
  readonly apiClientId: string;
  readonly eventTypes: string[];
  readonly withinSubtreeOf: string | null;
  readonly createdAt: Date;
}

/** The active subscriptions to any of these event types (the partial GIN index). */
export async function activeSubscriptionsTo(tx: RequestContext, types: readonly string[]): Promise<RelaySubscription[]> {
  return tx.manager.query(
    `SELECT id, api_client_id AS "apiClientId", event_types AS "eventTypes", within_subtree_of AS "withinSubtreeOf", created_at AS "createdAt"
       FROM webhook_subscription WHERE status = 'ACTIVE' AND event_types && $1::text[]`,
    [types],
  );
}

/** A delivery to write. */
export interface NewDelivery {
  readonly subscriptionId: string;
  readonly eventId: string | null;
  readonly eventType: string;
  readonly occurredAt: Date;
  readonly data: Record<string, unknown>;
  readonly subjectNodeId: string | null;
}

/**
 * Writes deliveries (PENDING) in one statement; a (subscription, event) pair written already (by
 * another replica, or before a crash) is skipped. Answers the ids of those written.
 */
export async function insertDeliveries(tx: RequestContext, deliveries: readonly NewDelivery[]): Promise<string[]> {
  if (!deliveries.length) return [];
  const rows: Array<{ id: string }> = await tx.manager.query(
    `INSERT INTO webhook_delivery (subscription_id, event_id, event_type, occurred_at, data, subject_node_id, status)
     SELECT d.subscription_id, d.event_id, d.event_type, d.occurred_at, d.data, d.subject_node_id, 'PENDING'
       FROM unnest($1::uuid[], $2::bigint[], $3::text[], $4::timestamptz[], $5::jsonb[], $6::text[]) AS d(subscription_id, event_id, event_type, occurred_at, data, subject_node_id)
     ON CONFLICT (subscription_id, event_id) DO NOTHING
     RETURNING id`,
    [
      deliveries.map((d) => d.subscriptionId),
      deliveries.map((d) => d.eventId),
      deliveries.map((d) => d.eventType),
      deliveries.map((d) => d.occurredAt.toISOString()),
      deliveries.map((d) => JSON.stringify(d.data)),
      deliveries.map((d) => d.subjectNodeId),
    ],
  );
  return rows.map((r) => r.id);
}
