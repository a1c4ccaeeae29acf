import { definePermissions } from '@platform/core';

/**
 * Permissions of the webhooks module. Both reach only the API clients within the holder's reach, by
 * the rule of access administration (the client's home organization and every role it holds; see
 * `@platform/access` roles/reach.ts): a subscription of a client out of reach answers like a missing one.
 */
export const WebhookPermission = {
  SubscriptionRead: 'webhooks.subscription:read',
  SubscriptionWrite: 'webhooks.subscription:write',
} as const;

export const webhookPermissions = definePermissions([
  {
    code: WebhookPermission.SubscriptionRead,
    nameZh: '查看事件推送订阅',
    description: 'Read the webhook subscriptions of API clients, their deliveries and every attempt, and the event types offered.',
    grantedTo: { 'town-safety-office': 'ALL' },
  },
  {
    code: WebhookPermission.SubscriptionWrite,
    nameZh: '维护事件推送订阅',
    description: 'Subscribe API clients to event types, rotate their signing secrets, pause, resume and delete subscriptions, and redeliver events.',
  },
] as const);
