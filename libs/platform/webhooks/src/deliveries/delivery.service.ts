import { SortDirection, createRecord, pageKey, records, whereChanged, recordEvent, sql, transaction, updateRecord, type ConnectionResult, type PageRequest, type RequestContext } from '@platform/core';
import type DataLoader from 'dataloader';
import { WebhookAttempt, WebhookDelivery } from './webhook-delivery.entity';
import { WebhookDeliveryOrder, type RedeliverWebhookDeliveryInput, type SendTestWebhookInput, type WebhookDeliveryFilter, type WebhookDeliveryListArgs } from './webhook-delivery.types';
import { TEST_EVENT_TYPE } from '../catalog/webhook-event-catalog';
import { WebhookAttempts, WebhookDeliveries, WebhookSubscriptions } from '../webhooks.entities';
import { webhooksEvents } from '../webhooks.events';
import { webhooksRules } from '../webhooks.rules';
import { webhooksRuntime } from '../webhooks.runtime';
import { WebhookDeliveryStatus } from '../webhooks.enums';
import { WebhookPermission } from '../permissions';

const ENTITY = 'WebhookDelivery';

/** The attempts of many deliveries, first first: one statement per request level. */
export function attemptPages(ctx: RequestContext, page: PageRequest): DataLoader<string, ConnectionResult<WebhookAttempt>> {
  return ctx.loaders.get('webhooks.delivery.attempts', pageKey(page), async (ids: readonly string[]) => {
    const pages = await records(ctx, WebhookAttempts).byParent('delivery_id', ids, {
      keys: [
        { column: 't.attempt', direction: SortDirection.ASC },
        { column: 't.id', direction: SortDirection.ASC },
      ],
      page,
    });
    return ids.map((id) => pages.get(id)!);
  });
}

export class DeliveryService {
  /** Deliveries of the subscriptions within the caller's reach, newest first. */
  list(ctx: RequestContext, page: PageRequest, filter: WebhookDeliveryFilter | undefined, withCount: boolean, orderBy?: WebhookDeliveryListArgs['orderBy']): Promise<ConnectionResult<WebhookDelivery>> {
    const f = filter ?? {};
    if (f.from && f.to && f.to <= f.from) throw webhooksRules.field('filter.to', 'afterFrom', 'must be after filter.from.');
    let deliveries = whereChanged(records(ctx, WebhookDeliveries), f);
    if (f.subscriptionId) deliveries = deliveries.where(sql`t.subscription_id = ${f.subscriptionId}`);
    if (f.statuses?.length) deliveries = deliveries.where(sql`t.status = ANY(CAST(${f.statuses} AS text[]))`);
    if (f.eventType) deliveries = deliveries.where(sql`t.event_type = ${f.eventType}`);
    if (f.from) deliveries = deliveries.where(sql`t.created_at >= ${f.from}`);
    if (f.to) deliveries = deliveries.where(sql`t.created_at < ${f.to}`);
    return deliveries.page({ keys: WebhookDeliveryOrder.keys(orderBy), page, withCount });
  }

  /** Sends a delivered or dead delivery again (same webhook-id, a new round of attempts); one on its way answers BAD_USER_INPUT `state`. */
  async redeliver(ctx: RequestContext, input: RedeliverWebhookDeliveryInput): Promise<WebhookDelivery> {
    const { queue } = webhooksRuntime(ctx);
    const delivery = await transaction(ctx, async (tx) => {
      const current = await records(tx, WebhookDeliveries, WebhookPermission.SubscriptionWrite).lock(input.id);
      if (current.status !== WebhookDeliveryStatus.DELIVERED && current.status !== WebhookDeliveryStatus.DEAD) {
        throw webhooksRules.field('input.id', 'state', `the delivery is ${current.status}, on its way already; only DELIVERED or DEAD ones are sent again.`);
      }
      const queued = await updateRecord(tx, WebhookDelivery, ENTITY, current, current.version, { status: WebhookDeliveryStatus.PENDING }, {
        action: 'webhooks.delivery.redeliver',
        changes: { status: [current.status, WebhookDeliveryStatus.PENDING] },
        ...recordEvent(webhooksEvents['webhooks.delivery.redelivered'], (d: WebhookDelivery) => ({ id: d.id, subscriptionId: d.subscriptionId })),
      });
      await queue.enqueue(tx, [queued.id]);
      return queued;
    });
    queue.wake();
    return delivery;
  }

  /** Queues a test message (type `webhook.test`, no record) to a subscription within the caller's reach. */
  async sendTest(ctx: RequestContext, input: SendTestWebhookInput): Promise<WebhookDelivery> {
    const { queue } = webhooksRuntime(ctx);
    const delivery = await transaction(ctx, async (tx) => {
      const subscription = await records(tx, WebhookSubscriptions, WebhookPermission.SubscriptionWrite).reference(input.subscriptionId, 'input.subscriptionId', { lock: 'share' });
      const data = { subscriptionId: subscription.id, apiClientId: subscription.apiClientId, message: '测试消息。A test message, sent with sendTestWebhook.' };
      const created = await createRecord(
        tx,
        WebhookDelivery,
        ENTITY,
        { subscriptionId: subscription.id, eventId: null, eventType: TEST_EVENT_TYPE, occurredAt: new Date(), data, subjectNodeId: null, status: WebhookDeliveryStatus.PENDING },
        {
          action: 'webhooks.subscription.test',
          auditUnder: { entityType: 'WebhookSubscription', entityId: subscription.id },
          changes: (d: WebhookDelivery) => ({ deliveryId: d.id }),
          ...recordEvent(webhooksEvents['webhooks.subscription.tested'], (d: WebhookDelivery) => ({ id: subscription.id, apiClientId: subscription.apiClientId, deliveryId: d.id })),
        },
      );
      await queue.enqueue(tx, [created.id]);
      return created;
    });
    queue.wake();
    return delivery;
  }
}
