import { defineScopedEntity } from '@platform/core';
import { ApiClients } from '@platform/access';
import { WebhookSubscription } from './subscriptions/webhook-subscription.entity';
import { WebhookAttempt, WebhookDelivery } from './deliveries/webhook-delivery.entity';
import { WebhookPermission } from './permissions';

/**
 * Subscriptions go with their API client: within reach when the client is, by the rule of access
 * administration applied to the webhooks permission named (`ApiClients`' row scope): its home
 * organization and every role it holds lie where the caller holds that permission at least as far.
 */
export const WebhookSubscriptions = defineScopedEntity(WebhookSubscription, {
  table: 'webhook_subscription',
  scope: { through: { entity: ApiClients, column: 'api_client_id' } },
  read: WebhookPermission.SubscriptionRead,
  write: WebhookPermission.SubscriptionWrite,
});

/** Deliveries go with their subscription. */
export const WebhookDeliveries = defineScopedEntity(WebhookDelivery, {
  table: 'webhook_delivery',
  scope: { through: { entity: WebhookSubscriptions, column: 'subscription_id' } },
  read: WebhookPermission.SubscriptionRead,
  write: WebhookPermission.SubscriptionWrite,
});

/** Attempts go with their delivery. */
export const WebhookAttempts = defineScopedEntity(WebhookAttempt, {
  table: 'webhook_attempt',
  scope: { through: { entity: WebhookDeliveries, column: 'delivery_id' } },
  read: WebhookPermission.SubscriptionRead,
});

/** The declarations `node(nodeId:)` reaches. */
export const webhooksNodeEntities = [WebhookSubscriptions, WebhookDeliveries];
