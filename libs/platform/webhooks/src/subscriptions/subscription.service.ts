import {
  createRecord,
  records,
  recordEvent,
  sql,
  staleVersion,
  transaction,
  updateRecord,
  whereChanged,
  audit,
  emitEvent,
  type ArchiveInput,
  type ConnectionResult,
  type PageRequest,
  type RequestContext,
} from '@platform/core';
import { ApiClients } from '@platform/access';
import { Organizations } from '@platform/directory';
import { WebhookSubscription } from './webhook-subscription.entity';
import { WebhookSubscriptionOrder, type CreateWebhookSubscriptionInput, type WebhookSubscriptionFilter, type WebhookSubscriptionListArgs } from './webhook-subscription.types';
import { newSigningSecret } from './secrets';
import { deleteSubscription, releaseHeld } from './subscription.sql';
import { destinationProblem } from '../queue/destination';
import { WebhookSubscriptions } from '../webhooks.entities';
import { webhooksEvents } from '../webhooks.events';
import { webhooksRules } from '../webhooks.rules';
import { webhooksRuntime } from '../webhooks.runtime';
import { WebhookSubscriptionStatus } from '../webhooks.enums';
import { WebhookPermission } from '../permissions';

const ENTITY = 'WebhookSubscription';
const subscriptionPayload = (s: WebhookSubscription) => ({ id: s.id, apiClientId: s.apiClientId });

export class SubscriptionService {
  /** The subscriptions of the API clients within the caller's reach, newest first. */
  list(ctx: RequestContext, page: PageRequest, filter: WebhookSubscriptionFilter | undefined, withCount: boolean, orderBy?: WebhookSubscriptionListArgs['orderBy']): Promise<ConnectionResult<WebhookSubscription>> {
    let subscriptions = whereChanged(records(ctx, WebhookSubscriptions), filter);
    if (filter?.apiClientId) subscriptions = subscriptions.where(sql`t.api_client_id = ${filter.apiClientId}`);
    if (filter?.statuses?.length) subscriptions = subscriptions.where(sql`t.status = ANY(CAST(${filter.statuses} AS text[]))`);
    return subscriptions.page({ keys: WebhookSubscriptionOrder.keys(orderBy), page, withCount });
  }

  /**
   * Subscribes an API client within the caller's reach (out of reach: NOT_FOUND, as a missing one) to
   * offered event types, optionally within an organization's subtree (within the caller's reach
   * too), with a new signing secret returned this once.
   */
  async create(ctx: RequestContext, input: CreateWebhookSubscriptionInput): Promise<{ subscription: WebhookSubscription; secret: string }> {
    const { catalog, internalHosts } = webhooksRuntime(ctx);
    const eventTypes = [...new Set(input.eventTypes)];
    input.eventTypes.forEach((type, i) => {
      if (!catalog.offered(type)) throw webhooksRules.field(`input.eventTypes.${i}`, 'exists', `${type} is not an event type webhooks carry (see webhookEventTypes).`);
    });
    const problem = destinationProblem(input.url, internalHosts);
    if (problem) throw webhooksRules.field('input.url', 'destination', problem);
    return transaction(ctx, async (tx) => {
      // Shared lock: the client cannot be changed (disabled, moved out of reach) until this commits.
      const client = await records(tx, ApiClients, WebhookPermission.SubscriptionWrite).reference(input.apiClientId, 'input.apiClientId', { lock: 'share' });
      if (String(client.status) !== 'ACTIVE' || client.expiresAt.getTime() <= tx.clock.now().getTime()) {
        throw webhooksRules.field('input.apiClientId', 'state', 'the API client is disabled or expired: it could receive nothing.');
      }
      if (input.withinSubtreeOf) await records(tx, Organizations, WebhookPermission.SubscriptionWrite).reference(input.withinSubtreeOf, 'input.withinSubtreeOf', { archived: true });
      const secret = newSigningSecret();
      const values = { apiClientId: client.id, url: input.url, eventTypes, withinSubtreeOf: input.withinSubtreeOf ?? null, description: input.description };
      const subscription = await createRecord(tx, WebhookSubscription, ENTITY, { ...values, status: WebhookSubscriptionStatus.ACTIVE, secret }, {
        action: 'webhooks.subscription.create',
        // Never the secret.
        changes: values,
        ...recordEvent(webhooksEvents['webhooks.subscription.created'], (s: WebhookSubscription) => ({ ...subscriptionPayload(s), eventTypes: s.eventTypes })),
      });
      return { subscription, secret };
    });
  }

  /** A new signing secret, returned this once; the attempts from now on are signed with it. */
  async rotateSecret(ctx: RequestContext, input: ArchiveInput): Promise<{ subscription: WebhookSubscription; secret: string }> {
    return transaction(ctx, async (tx) => {
      const current = await records(tx, WebhookSubscriptions, WebhookPermission.SubscriptionWrite).lock(input.id);
      const secret = newSigningSecret();
      const subscription = await updateRecord(tx, WebhookSubscription, ENTITY, current, input.version, { secret }, {
        action: 'webhooks.subscription.rotate-secret',
        changes: { secret: 'rotated' },
        ...recordEvent(webhooksEvents['webhooks.subscription.secretRotated'], subscriptionPayload),
      });
      return { subscription, secret };
    });
  }

  /** Stops deliveries: events committed while paused are not delivered; deliveries already queued wait (HELD). */
  async pause(ctx: RequestContext, input: ArchiveInput): Promise<WebhookSubscription> {
    return transaction(ctx, async (tx) => {
      const current = await this.inState(tx, input.id, WebhookSubscriptionStatus.ACTIVE);
      return updateRecord(tx, WebhookSubscription, ENTITY, current, input.version, { status: WebhookSubscriptionStatus.PAUSED }, {
        action: 'webhooks.subscription.pause',
        ...recordEvent(webhooksEvents['webhooks.subscription.paused'], subscriptionPayload),
      });
    });
  }

  /** Delivers again: events committed from now on, and the deliveries held while it was paused (queued at once). */
  async resume(ctx: RequestContext, input: ArchiveInput): Promise<WebhookSubscription> {
    const { queue } = webhooksRuntime(ctx);
    const resumed = await transaction(ctx, async (tx) => {
      const current = await this.inState(tx, input.id, WebhookSubscriptionStatus.PAUSED);
      const subscription = await updateRecord(tx, WebhookSubscription, ENTITY, current, input.version, { status: WebhookSubscriptionStatus.ACTIVE }, { action: 'webhooks.subscription.resume' });
      const held = await releaseHeld(tx, subscription.id);
      await queue.enqueue(tx, held);
      await emitEvent(tx, webhooksEvents, 'webhooks.subscription.resumed', { ...subscriptionPayload(subscription), requeued: held.length });
      return subscription;
    });
    queue.wake();
    return resumed;
  }

  /** Deletes the subscription with its deliveries and their log (the audit log keeps that it existed). */
  async delete(ctx: RequestContext, input: ArchiveInput): Promise<boolean> {
    return transaction(ctx, async (tx) => {
      const current = await records(tx, WebhookSubscriptions, WebhookPermission.SubscriptionWrite).lock(input.id);
      if (!(await deleteSubscription(tx, current.id, input.version))) throw staleVersion(ENTITY, current.id, current.version, input.version);
      await audit(tx, { action: 'webhooks.subscription.delete', entityType: ENTITY, entityId: current.id, changes: { apiClientId: current.apiClientId, url: current.url, eventTypes: current.eventTypes } });
      await emitEvent(tx, webhooksEvents, 'webhooks.subscription.deleted', subscriptionPayload(current));
      return true;
    });
  }

  /** The subscription locked for a change within the caller's reach, in `status` (else BAD_USER_INPUT `state`). */
  private async inState(tx: RequestContext, id: string, status: WebhookSubscriptionStatus): Promise<WebhookSubscription> {
    const current = await records(tx, WebhookSubscriptions, WebhookPermission.SubscriptionWrite).lock(id);
    if (current.status !== status) throw webhooksRules.field('input.id', 'state', `the subscription is ${current.status}; this needs it ${status}.`);
    return current;
  }
}
