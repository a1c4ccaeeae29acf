export { webhooksModule, PRUNE_JOB } from './webhooks.module';
export { WebhookPermission } from './permissions';
export { webhooksEvents, type WebhooksEvents } from './webhooks.events';
export { webhooksRules, type WebhooksRule } from './webhooks.rules';
export { RELAY_JOB } from './relay/relay';
export { WebhookEventCatalog, TEST_EVENT_TYPE } from './catalog/webhook-event-catalog';
