import { defineEvents, payload } from '@platform/core';
import { ApiClients } from '@platform/access';
import { WebhookDeliveries, WebhookSubscriptions } from './webhooks.entities';

/** What a subscription's events carry: the subscription and its API client. */
type SubscriptionPayload = { id: string; apiClientId: string };

/**
 * Every event the webhooks module emits, with its payload. Deliveries and their attempts announce
 * nothing (a delivery event delivered by webhook would make another delivery, without end).
 */
export const webhooksEvents = defineEvents({
  'webhooks.subscription.created': payload<SubscriptionPayload & { eventTypes: string[] }>(WebhookSubscriptions),
  'webhooks.subscription.secretRotated': payload<SubscriptionPayload>(WebhookSubscriptions),
  'webhooks.subscription.paused': payload<SubscriptionPayload>(WebhookSubscriptions),
  /** `requeued`: deliveries held while it was paused, queued again. */
  'webhooks.subscription.resumed': payload<SubscriptionPayload & { requeued: number }>(WebhookSubscriptions),
  /** The subscription is gone with its deliveries: the subject is its API client. */
  'webhooks.subscription.deleted': payload<SubscriptionPayload>({ entity: ApiClients, field: 'apiClientId' }),
  /** A test message was queued (`deliveryId`). */
  'webhooks.subscription.tested': payload<SubscriptionPayload & { deliveryId: string }>(WebhookSubscriptions),
  /** A delivered or dead delivery was queued again. */
  'webhooks.delivery.redelivered': payload<{ id: string; subscriptionId: string }>(WebhookDeliveries),
});

export type WebhooksEvents = typeof webhooksEvents;
