import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import type PgBoss from 'pg-boss';
import { RequestContext, SYSTEM, type EventBus } from '@platform/core';
import { TEST_EVENT_TYPE, type WebhookEventCatalog } from '../catalog/webhook-event-catalog';
import type { DeliveryJob, DeliveryJobRun } from '../queue/delivery-queue';
import { refused, sendMessage, type SendOutcome } from '../queue/send';
import { ClientScopes } from '../scope/client-scope';
import { WebhookAttemptError, WebhookDeliveryStatus, WebhookSubscriptionStatus } from '../webhooks.enums';
import { deliveryForAttempt, holdDelivery, recordAttempt, type DeliveryForAttempt } from './delivery.sql';

export interface DeliveryWorkerOptions {
  readonly dataSource: DataSource;
  readonly events: EventBus;
  readonly log: Logger;
  readonly catalog: WebhookEventCatalog;
  readonly timeoutMs: number;
  readonly internalHosts: ReadonlySet<string>;
  /** Aborted when the gateway stops. */
  readonly signal: AbortSignal;
}

/** Thrown to pg-boss for a failed attempt that is to be retried (after its backoff). */
class AttemptFailed extends Error {}

/**
 * One attempt per job: the delivery and its subscription as they are now; a paused subscription's
 * delivery waits (HELD); the API client must still be active and still read the event's subject
 * (with its grants now, within the subscription's subtree), else the delivery is DEAD without
 * sending; then the signed POST, its outcome recorded as an attempt with the delivery's new state:
 * DELIVERED on 2xx; else RETRYING (the job fails, pg-boss retries it after its backoff) or, on the last
 * attempt pg-boss allows, DEAD.
 */
export class DeliveryWorker {
  constructor(private readonly options: DeliveryWorkerOptions) {}

  readonly deliver = async (job: DeliveryJobRun): Promise<void> => {
    const ctx = this.context(job.data.deliveryId);
    const delivery = await deliveryForAttempt(ctx, job.data.deliveryId);
    // Deleted with its subscription, or settled (a job left over): nothing to do.
    if (!delivery || (delivery.status !== WebhookDeliveryStatus.PENDING && delivery.status !== WebhookDeliveryStatus.RETRYING)) return;
    if (delivery.subscriptionStatus === WebhookSubscriptionStatus.PAUSED) return holdDelivery(ctx, delivery.id);
    const refusal = await this.refusal(ctx, delivery);
    const outcome =
      refusal ??
      (await sendMessage(delivery.url, { id: delivery.id, type: delivery.eventType, occurredAt: delivery.occurredAt, data: delivery.data }, {
        secret: delivery.secret,
        timeoutMs: this.options.timeoutMs,
        internalHosts: this.options.internalHosts,
        signal: this.options.signal,
      }));
    const last = job.retryCount >= job.retryLimit;
    const status = outcome.delivered ? WebhookDeliveryStatus.DELIVERED : refusal || last ? WebhookDeliveryStatus.DEAD : WebhookDeliveryStatus.RETRYING;
    const attempt = await recordAttempt(ctx, delivery.id, outcome, status);
    ctx.log.info({ deliveryId: delivery.id, event: delivery.eventType, attempt, status, statusCode: outcome.statusCode, error: outcome.error, ms: outcome.durationMs }, 'webhooks: attempt');
    if (status === WebhookDeliveryStatus.RETRYING) throw new AttemptFailed(`attempt ${attempt} failed: ${outcome.error} ${outcome.errorMessage ?? ''}`.trim());
  };

  /**
   * A job pg-boss failed for good without the worker settling its delivery: the gateway making the
   * last attempt stopped (its job expired) or failed before recording it. The delivery is DEAD, with
   * an attempt saying so.
   */
  readonly bury = async (job: PgBoss.Job<DeliveryJob>): Promise<void> => {
    const ctx = this.context(job.data.deliveryId);
    const outcome = refused(WebhookAttemptError.INTERRUPTED, 'the last attempt did not end: the gateway making it stopped or failed');
    const attempt = await recordAttempt(ctx, job.data.deliveryId, outcome, WebhookDeliveryStatus.DEAD);
    if (attempt !== null) ctx.log.warn({ deliveryId: job.data.deliveryId, attempt }, 'webhooks: delivery dead after an interrupted last attempt');
  };

  /** Why nothing may be sent (the client is inactive, or may no longer read the event's record), or null. */
  private async refusal(ctx: RequestContext, delivery: DeliveryForAttempt): Promise<SendOutcome | null> {
    const scopes = new ClientScopes(ctx);
    if (!(await scopes.principal(delivery.apiClientId))) return refused(WebhookAttemptError.CLIENT_INACTIVE, 'the API client is disabled or expired: nothing was sent');
    if (delivery.eventType === TEST_EVENT_TYPE) return null;
    const offered = this.options.catalog.offered(delivery.eventType);
    const subject = delivery.data['subject'] as { id?: unknown } | undefined;
    const readable =
      offered !== undefined &&
      typeof subject?.id === 'string' &&
      (await scopes.canRead([{ apiClientId: delivery.apiClientId, withinSubtreeOf: delivery.withinSubtreeOf, entity: offered.subject.entity, id: subject.id }]))[0];
    return readable ? null : refused(WebhookAttemptError.NOT_READABLE, 'the API client may no longer read the event\'s record: nothing was sent');
  }

  private context(deliveryId: string): RequestContext {
    const requestId = `webhook:${deliveryId}:${randomUUID().slice(0, 8)}`;
    return new RequestContext({ requestId, principal: SYSTEM, dataSource: this.options.dataSource, events: this.options.events, log: this.options.log.child({ requestId }) });
  }
}
