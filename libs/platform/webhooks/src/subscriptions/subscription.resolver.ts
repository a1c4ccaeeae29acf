import { Arg, Args, Ctx, FieldResolver, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type DataLoader from 'dataloader';
import { ArchiveInput, Connection, RequirePermission, UUIDScalar, records, selectsField, type ConnectionResult, type RequestContext } from '@platform/core';
import { ApiClient, ApiClients } from '@platform/access';
import { WebhookSubscription } from './webhook-subscription.entity';
import { CreateWebhookSubscriptionInput, WebhookSubscriptionListArgs, WebhookSubscriptionSecret } from './webhook-subscription.types';
import { SubscriptionService } from './subscription.service';
import { WebhookSubscriptions } from '../webhooks.entities';
import { WebhookPermission } from '../permissions';

export const WebhookSubscriptionConnection = Connection(WebhookSubscription, '事件推送订阅');
const input = { description: '输入。The fields of the request.' };

/** API clients by id within the caller's reach for webhooks.subscription:read (that of the subscriptions read): one statement per request level. */
function subscribedClient(ctx: RequestContext): DataLoader<string, ApiClient | null> {
  return ctx.loaders.get('webhooks.subscription.apiClient', undefined, (ids: readonly string[]) => records(ctx, ApiClients, WebhookPermission.SubscriptionRead).many(ids));
}

@Resolver(() => WebhookSubscription)
export class WebhookSubscriptionResolver {
  private readonly service = new SubscriptionService();

  @Query(() => WebhookSubscriptionConnection, { description: '事件推送订阅列表。Webhook subscriptions of the API clients within your reach, newest first.' })
  @RequirePermission(WebhookPermission.SubscriptionRead)
  webhookSubscriptions(@Ctx() ctx: RequestContext, @Args(() => WebhookSubscriptionListArgs) args: WebhookSubscriptionListArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<WebhookSubscription>> {
    return this.service.list(ctx, args, args.filter, selectsField(info, 'totalCount'), args.orderBy);
  }

  @Query(() => WebhookSubscription, { nullable: true, description: '事件推送订阅。One subscription; null when missing or beyond your reach.' })
  @RequirePermission(WebhookPermission.SubscriptionRead)
  webhookSubscription(@Ctx() ctx: RequestContext, @Arg('id', () => UUIDScalar, { description: '标识。The subscription.' }) id: string): Promise<WebhookSubscription | null> {
    return records(ctx, WebhookSubscriptions).one(id);
  }

  @Mutation(() => WebhookSubscriptionSecret, {
    description: '新建事件推送订阅。Subscribes an API client within your reach to event types; returns the signing secret this once. Each event is delivered only when the client may read its record.',
  })
  @RequirePermission(WebhookPermission.SubscriptionWrite)
  createWebhookSubscription(@Ctx() ctx: RequestContext, @Arg('input', () => CreateWebhookSubscriptionInput, input) data: CreateWebhookSubscriptionInput): Promise<WebhookSubscriptionSecret> {
    return this.service.create(ctx, data);
  }

  @Mutation(() => WebhookSubscriptionSecret, { description: '更换签名密钥。Issues a new signing secret (returned this once); attempts from now on are signed with it.' })
  @RequirePermission(WebhookPermission.SubscriptionWrite)
  rotateWebhookSecret(@Ctx() ctx: RequestContext, @Arg('input', () => ArchiveInput, input) data: ArchiveInput): Promise<WebhookSubscriptionSecret> {
    return this.service.rotateSecret(ctx, data);
  }

  @Mutation(() => WebhookSubscription, { description: '暂停订阅。Stops deliveries: events committed while paused are not delivered; those already queued wait (HELD).' })
  @RequirePermission(WebhookPermission.SubscriptionWrite)
  pauseWebhookSubscription(@Ctx() ctx: RequestContext, @Arg('input', () => ArchiveInput, input) data: ArchiveInput): Promise<WebhookSubscription> {
    return this.service.pause(ctx, data);
  }

  @Mutation(() => WebhookSubscription, { description: '恢复订阅。Delivers again: events committed from now on and the deliveries held while paused.' })
  @RequirePermission(WebhookPermission.SubscriptionWrite)
  resumeWebhookSubscription(@Ctx() ctx: RequestContext, @Arg('input', () => ArchiveInput, input) data: ArchiveInput): Promise<WebhookSubscription> {
    return this.service.resume(ctx, data);
  }

  @Mutation(() => Boolean, { description: '删除订阅。Deletes the subscription with its deliveries and their log; the audit log keeps that it existed.' })
  @RequirePermission(WebhookPermission.SubscriptionWrite)
  deleteWebhookSubscription(@Ctx() ctx: RequestContext, @Arg('input', () => ArchiveInput, input) data: ArchiveInput): Promise<boolean> {
    return this.service.delete(ctx, data);
  }

  @FieldResolver(() => ApiClient, { nullable: true, description: '接口客户端。The API client the subscription delivers to.' })
  apiClient(@Ctx() ctx: RequestContext, @Root() subscription: WebhookSubscription): Promise<ApiClient | null> {
    return subscribedClient(ctx).load(subscription.apiClientId);
  }
}
