import { type DomainModule } from '@platform/core';
import { WebhookSubscription } from './subscriptions/webhook-subscription.entity';
import { WebhookAttempt, WebhookDelivery } from './deliveries/webhook-delivery.entity';
import { WebhookSubscriptionResolver } from './subscriptions/subscription.resolver';
import { WebhookDeliveryResolver } from './deliveries/delivery.resolver';
import { WebhookEventTypeResolver } from './catalog/webhook-event-type.resolver';
import { WebhookEventCatalog } from './catalog/webhook-event-catalog';
import { CreateJobQueue1764403500000 } from './migrations/1764403500000-create-job-queue';
import { CreateWebhooks1764403510000 } from './migrations/1764403510000-create-webhooks';
import { DeliveryQueue } from './queue/delivery-queue';
import { DeliveryWorker } from './deliveries/delivery-worker';
import { pruneDeliveries } from './deliveries/delivery.sql';
import { RELAY_JOB, relayOutbox } from './relay/relay';
import { webhooksNodeEntities } from './webhooks.entities';
import { webhooksEvents } from './webhooks.events';
import { internalHosts, webhooksSettings } from './webhooks.settings';
import { WEBHOOKS_SERVICE, type WebhooksRuntime } from './webhooks.runtime';
import { webhookPermissions } from './permissions';

/** Name of the periodic job deleting settled deliveries past WEBHOOK_LOG_RETENTION_DAYS. */
export const PRUNE_JOB = 'webhooks.prune';

/**
 * 事件推送 (issue 16): API clients subscribe to event types; each committed event (the kernel's
 * transactional outbox) that a client may read is POSTed to it, signed per Standard Webhooks, with
 * retries, a dead-letter state, redelivery and a delivery log. Deliveries are pg-boss jobs on the
 * platform's PostgreSQL: safe with several replicas, nothing lost when a gateway dies.
 */
export const webhooksModule: DomainModule = {
  name: 'webhooks',
  description: '事件推送。Webhooks: API clients subscribe to event types; events they may read are delivered to them signed, with retries, dead letters and a delivery log.',
  dependsOn: ['directory', 'access'],
  entities: [WebhookSubscription, WebhookDelivery, WebhookAttempt],
  scopedEntities: webhooksNodeEntities,
  events: [webhooksEvents],
  resolvers: [WebhookSubscriptionResolver, WebhookDeliveryResolver, WebhookEventTypeResolver],
  migrations: [CreateJobQueue1764403500000, CreateWebhooks1764403510000],
  permissions: webhookPermissions,
  settings: webhooksSettings,
  start: async (runtime) => {
    const settings = webhooksSettings.read(runtime.settings);
    const catalog = new WebhookEventCatalog(runtime.modules);
    const hosts = internalHosts(settings);
    const queue = new DeliveryQueue(runtime.dataSource, runtime.log, settings);
    const worker = new DeliveryWorker({ dataSource: runtime.dataSource, events: runtime.events, log: runtime.log, catalog, timeoutMs: settings.WEBHOOK_TIMEOUT_MS, internalHosts: hosts, signal: queue.signal });
    // A one-off command (background: false) queues jobs if asked but takes none, and relays nothing: the gateways do.
    const background = runtime.background !== false;
    await queue.start(background ? worker : null);
    // Every replica relays (SKIP LOCKED keeps them apart): at once after a commit with events, else at each poll.
    const relay = runtime.every(RELAY_JOB, settings.WEBHOOK_POLL_INTERVAL_MS, (ctx, signal) => relayOutbox(ctx, signal, { catalog, queue }), { exclusive: false });
    const unsubscribe = background ? runtime.events.subscribe('*', () => relay.nudge()) : () => undefined;
    runtime.every(PRUNE_JOB, 3_600_000, (ctx, signal) => pruneDeliveries(ctx, settings.WEBHOOK_LOG_RETENTION_DAYS, signal), { firstRunMs: 120_000 });
    const service: WebhooksRuntime = { catalog, queue, internalHosts: hosts };
    return {
      services: { [WEBHOOKS_SERVICE]: service },
      stop: async () => {
        unsubscribe();
        await queue.stop();
      },
    };
  },
};
