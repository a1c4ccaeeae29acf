import type { RequestContext } from '@platform/core';
import type { WebhookEventCatalog } from './catalog/webhook-event-catalog';
import type { DeliveryQueue } from './queue/delivery-queue';

/** The name of the started module's service (`ctx.service`). */
export const WEBHOOKS_SERVICE = 'webhooks.runtime';

/** What the started webhooks module gives its resolvers: the offered event types, the queue and the destination rule. */
export interface WebhooksRuntime {
  readonly catalog: WebhookEventCatalog;
  readonly queue: DeliveryQueue;
  /** WEBHOOK_INTERNAL_HOSTS. */
  readonly internalHosts: ReadonlySet<string>;
}

export const webhooksRuntime = (ctx: RequestContext): WebhooksRuntime => ctx.service<WebhooksRuntime>(WEBHOOKS_SERVICE);
