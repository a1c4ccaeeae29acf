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

/** An active subscription as the relay matches events against it. */
export interface RelaySubscription {
  readonly id: string;
  readonly apiClientId: string;
  readonly eventTypes: string[];
  readonly withinSubtreeOf: string | null;
  readonly createdAt: Date;
}

/** A claimed batch: its outbox rows, oldest first, and the active subscriptions to any of their types. */
export interface ClaimedBatch {
  readonly rows: OutboxRow[];
  readonly subscriptions: RelaySubscription[];
}

/**
 * Claims up to `limit` undispatched outbox rows, oldest first, in one statement: locked (rows another
 * replica's relay holds are skipped), marked dispatched in this transaction (the mark rolls back with
 * it if the deliveries fail), and with them the active subscriptions to any of their event types
 * (the partial GIN index).
 */
export async function claimOutboxBatch(tx: RequestContext, limit: number): Promise<ClaimedBatch> {
  const [batch] = (await tx.manager.query(
    `WITH claimed AS (
       UPDATE event_outbox o SET dispatched_at = now()
        WHERE o.id IN (SELECT id FROM event_outbox WHERE dispatched_at IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED)
        RETURNING o.id, o.type, o.payload, o.occurred_at, o.recorded_at)
     SELECT coalesce((SELECT json_agg(json_build_object('id', c.id::text, 'type', c.type, 'payload', c.payload, 'occurredAt', c.occurred_at, 'recordedAt', c.recorded_at) ORDER BY c.id) FROM claimed c), '[]') AS rows,
            coalesce((SELECT json_agg(json_build_object('id', s.id, 'apiClientId', s.api_client_id, 'eventTypes', s.event_types, 'withinSubtreeOf', s.within_subtree_of, 'createdAt', s.created_at))
                        FROM webhook_subscription s WHERE s.status = 'ACTIVE' AND s.event_types && (SELECT array_agg(DISTINCT c.type) FROM claimed c)), '[]') AS subscriptions`,
    [limit],
  )) as Array<{ rows: Array<Omit<OutboxRow, 'occurredAt' | 'recordedAt'> & { occurredAt: string; recordedAt: string }>; subscriptions: Array<Omit<RelaySubscription, 'createdAt'> & { createdAt: string }> }>;
  return {
    rows: batch!.rows.map((r) => ({ ...r, occurredAt: new Date(r.occurredAt), recordedAt: new Date(r.recordedAt) })),
    subscriptions: batch!.subscriptions.map((s) => ({ ...s, createdAt: new Date(s.createdAt) })),
  };
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
