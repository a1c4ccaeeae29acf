import { toGlobalId, transaction, type RequestContext } from '@platform/core';
import type { WebhookEventCatalog } from '../catalog/webhook-event-catalog';
import type { DeliveryQueue } from '../queue/delivery-queue';
import { ClientScopes, type ReadQuestion } from '../scope/client-scope';
import { claimOutboxBatch, insertDeliveries, type NewDelivery, type OutboxRow, type RelaySubscription } from './relay.sql';

/** Name of the relay's periodic job (not exclusive: every replica relays, SKIP LOCKED keeps them apart). */
export const RELAY_JOB = 'webhooks.relay';

/** Outbox rows per relay transaction. */
export const RELAY_BATCH = 200;

export interface RelayDependencies {
  readonly catalog: WebhookEventCatalog;
  readonly queue: DeliveryQueue;
}

/** What one relay run did: outbox rows dispatched and deliveries queued. */
export interface RelayResult {
  dispatched: number;
  queued: number;
}

/**
 * Moves committed events from the outbox to per-subscription deliveries, batch after batch until the
 * outbox has no undispatched row left (or the gateway stops). Each batch is one transaction: one
 * statement takes up to RELAY_BATCH undispatched rows (FOR UPDATE SKIP LOCKED: replicas relay side by
 * side, never the same row), marks them dispatched and reads the active subscriptions to their types;
 * for each row of an offered event type, keep the subscriptions made before the event was recorded
 * whose API client may read the event's subject now (its own grants, narrowed to the subscription's
 * subtree); write a delivery per (subscription, event) (a unique pair: once however replicas race);
 * queue a job per delivery. A failure rolls the marks back with the rest.
 */
export async function relayOutbox(ctx: RequestContext, signal: AbortSignal, deps: RelayDependencies): Promise<RelayResult> {
  const total: RelayResult = { dispatched: 0, queued: 0 };
  for (;;) {
    const batch = await transaction(ctx, (tx) => relayBatch(tx, deps));
    total.dispatched += batch.dispatched;
    total.queued += batch.queued;
    // This gateway's workers take what it queued now; the others find it at their next poll.
    if (batch.queued) deps.queue.wake();
    if (batch.dispatched < RELAY_BATCH || signal.aborted) break;
  }
  if (total.queued) ctx.log.debug(total, 'webhooks: relayed events');
  return total;
}

async function relayBatch(tx: RequestContext, { catalog, queue }: RelayDependencies): Promise<RelayResult> {
  const { rows, subscriptions } = await claimOutboxBatch(tx, RELAY_BATCH);
  if (!rows.length) return { dispatched: 0, queued: 0 };
  const candidates: Array<{ row: OutboxRow; subscription: RelaySubscription; question: ReadQuestion }> = [];
  for (const row of rows) {
    const offered = catalog.offered(row.type);
    if (!offered) continue;
    const id = row.payload[offered.subject.field];
    if (typeof id !== 'string') {
      tx.log.warn({ event: row.type, outboxId: row.id, field: offered.subject.field }, 'webhooks: an event without its subject\'s id is not relayed');
      continue;
    }
    for (const subscription of subscriptions) {
      // A subscription receives the events recorded after it was made, not the backlog before it.
      if (!subscription.eventTypes.includes(row.type) || subscription.createdAt > row.recordedAt) continue;
      candidates.push({ row, subscription, question: { apiClientId: subscription.apiClientId, withinSubtreeOf: subscription.withinSubtreeOf, entity: offered.subject.entity, id } });
    }
  }
  const readable = await new ClientScopes(tx).canRead(candidates.map((c) => c.question));
  const deliveries: NewDelivery[] = candidates
    .filter((_, i) => readable[i])
    .map(({ row, subscription, question }) => {
      const type = question.entity.typeName;
      const nodeId = toGlobalId(type, question.id);
      return { subscriptionId: subscription.id, eventId: row.id, eventType: row.type, occurredAt: row.occurredAt, data: { ...row.payload, subject: { type, id: question.id, nodeId } }, subjectNodeId: nodeId };
    });
  const ids = await insertDeliveries(tx, deliveries);
  await queue.enqueue(tx, ids);
  return { dispatched: rows.length, queued: ids.length };
}
