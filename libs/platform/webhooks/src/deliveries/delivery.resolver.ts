import { Arg, Args, Ctx, FieldResolver, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { ObjectLiteral } from 'typeorm';
import { Connection, Node, PageArgs, ReadsRelation, RequirePermission, defineReference, nodeById, selectsField, type ConnectionResult, type RequestContext } from '@platform/core';
import { WebhookAttempt, WebhookDelivery } from './webhook-delivery.entity';
import { RedeliverWebhookDeliveryInput, SendTestWebhookInput, WebhookDeliveryListArgs } from './webhook-delivery.types';
import { DeliveryService, attemptPages } from './delivery.service';
import { WebhookSubscription } from '../subscriptions/webhook-subscription.entity';
import { WebhookSubscriptions } from '../webhooks.entities';
import { WebhookPermission } from '../permissions';

export const WebhookDeliveryConnection = Connection(WebhookDelivery, '事件推送投递');
export const WebhookAttemptConnection = Connection(WebhookAttempt, '投递尝试');
const input = { description: '输入。The fields of the request.' };

/** Subscriptions by id within the caller's reach: one statement per request level (declared, so the read compiler nests a delivery's subscription). */
const WebhookSubscriptionReference = defineReference(WebhookSubscriptions, 'webhooks.subscription.byId');

@Resolver(() => WebhookDelivery)
export class WebhookDeliveryResolver {
  private readonly service = new DeliveryService();

  @Query(() => WebhookDeliveryConnection, { description: '事件推送投递记录。Deliveries of the subscriptions within your reach, newest first, with their attempts: the delivery log.' })
  @RequirePermission(WebhookPermission.SubscriptionRead)
  webhookDeliveries(@Ctx() ctx: RequestContext, @Args(() => WebhookDeliveryListArgs) args: WebhookDeliveryListArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<WebhookDelivery>> {
    return this.service.list(ctx, args, args.filter, selectsField(info, 'totalCount'), args.orderBy);
  }

  @Mutation(() => WebhookDelivery, { description: '重新投递。Sends a DELIVERED or DEAD delivery again, with the same webhook-id and a new round of attempts.' })
  @RequirePermission(WebhookPermission.SubscriptionWrite)
  redeliverWebhookDelivery(@Ctx() ctx: RequestContext, @Arg('input', () => RedeliverWebhookDeliveryInput, input) data: RedeliverWebhookDeliveryInput): Promise<WebhookDelivery> {
    return this.service.redeliver(ctx, data);
  }

  @Mutation(() => WebhookDelivery, { description: '发送测试消息。Queues a test message (type webhook.test) to the subscription, to check its receiver and signature verification.' })
  @RequirePermission(WebhookPermission.SubscriptionWrite)
  sendTestWebhook(@Ctx() ctx: RequestContext, @Arg('input', () => SendTestWebhookInput, input) data: SendTestWebhookInput): Promise<WebhookDelivery> {
    return this.service.sendTest(ctx, data);
  }

  @FieldResolver(() => WebhookSubscription, { nullable: true, description: '订阅。The subscription it was made for.' })
  @ReadsRelation(WebhookSubscriptionReference, 'subscriptionId')
  subscription(@Ctx() ctx: RequestContext, @Root() delivery: WebhookDelivery): Promise<WebhookSubscription | null> {
    return WebhookSubscriptionReference.byId(ctx).load(delivery.subscriptionId);
  }

  @FieldResolver(() => Node, { nullable: true, description: '事件对象。The record the event is about, as it is now, if you may read it (null for a test message).' })
  subject(@Ctx() ctx: RequestContext, @Root() delivery: WebhookDelivery): Promise<ObjectLiteral | null> | null {
    return delivery.subjectNodeId ? nodeById(ctx).load(delivery.subjectNodeId) : null;
  }

  @FieldResolver(() => WebhookAttemptConnection, { description: '尝试记录。Every attempt, first first: time, duration, HTTP status or failure class, the start of the answer.' })
  attempts(@Ctx() ctx: RequestContext, @Root() delivery: WebhookDelivery, @Args(() => PageArgs) page: PageArgs): Promise<ConnectionResult<WebhookAttempt>> {
    return attemptPages(ctx, page).load(delivery.id);
  }
}
