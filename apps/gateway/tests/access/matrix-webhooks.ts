import { NIL, type MatrixRows } from './matrix-roles';

/**
 * Webhooks module: every operation with who may call it. Reading subscriptions, deliveries and the
 * offered event types: the town safety office (and the super admin); changing them: the super admin.
 * Reach within a scope (an administrator of one village) is tested in tests/webhooks/webhooks.e2e-spec.ts.
 */
export const WEBHOOK_ROWS: MatrixRows = {
  'Query.webhookEventTypes': { op: `{ webhookEventTypes(first: 1) { totalCount } }`, allowed: ['admin', 'anban'] },
  'Query.webhookSubscriptions': { op: `{ webhookSubscriptions(first: 1) { totalCount } }`, allowed: ['admin', 'anban'] },
  'Query.webhookSubscription': { op: `{ webhookSubscription(id: "${NIL}") { id } }`, allowed: ['admin', 'anban'] },
  'Query.webhookDeliveries': { op: `{ webhookDeliveries(first: 1) { totalCount } }`, allowed: ['admin', 'anban'] },
  'Mutation.createWebhookSubscription': {
    op: `mutation { createWebhookSubscription(input: { apiClientId: "${NIL}", url: "https://receiver.example.gov.cn/hooks", eventTypes: ["risk.hazard.reported"], description: "x" }) { secret } }`,
    allowed: ['admin'],
  },
  'Mutation.rotateWebhookSecret': { op: `mutation { rotateWebhookSecret(input: { id: "${NIL}", version: 1 }) { secret } }`, allowed: ['admin'] },
  'Mutation.pauseWebhookSubscription': { op: `mutation { pauseWebhookSubscription(input: { id: "${NIL}", version: 1 }) { id } }`, allowed: ['admin'] },
  'Mutation.resumeWebhookSubscription': { op: `mutation { resumeWebhookSubscription(input: { id: "${NIL}", version: 1 }) { id } }`, allowed: ['admin'] },
  'Mutation.deleteWebhookSubscription': { op: `mutation { deleteWebhookSubscription(input: { id: "${NIL}", version: 1 }) }`, allowed: ['admin'] },
  'Mutation.redeliverWebhookDelivery': { op: `mutation { redeliverWebhookDelivery(input: { id: "${NIL}" }) { id } }`, allowed: ['admin'] },
  'Mutation.sendTestWebhook': { op: `mutation { sendTestWebhook(input: { subscriptionId: "${NIL}" }) { id } }`, allowed: ['admin'] },
};
