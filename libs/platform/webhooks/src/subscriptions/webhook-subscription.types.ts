import { ArgsType, Field, InputType, ObjectType } from 'type-graphql';
import { ArrayMaxSize, ArrayMinSize, IsEnum, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { FilterField, ListFilter, OrderByField, PageArgs, SortDirection, UUIDScalar, defineOrder, type OrderInput } from '@platform/core';
import { WebhookSubscription } from './webhook-subscription.entity';
import { WebhookSubscriptionStatus } from '../webhooks.enums';

@InputType({ description: '新建事件推送订阅输入。Which API client receives which events where.' })
export class CreateWebhookSubscriptionInput {
  @Field(() => UUIDScalar, { description: '接口客户端标识。The API client (within your reach): events are checked against what it may read.' })
  @IsUUID()
  apiClientId: string;

  @Field({ description: '接收地址。Where to POST the events: https:// (http:// only for the hosts of WEBHOOK_INTERNAL_HOSTS).' })
  @IsString()
  @Length(1, 2000)
  url: string;

  @Field(() => [String], { description: '事件类型。Event types to receive, from webhookEventTypes (1 to 200).' })
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @IsString({ each: true })
  @Length(1, 200, { each: true })
  eventTypes: string[];

  @Field(() => UUIDScalar, { nullable: true, description: '组织子树。Only events about records at this organization or below it (within your reach).' })
  @IsOptional()
  @IsUUID()
  withinSubtreeOf?: string;

  @Field({ description: '说明。What the subscription is for, e.g. 区应急局隐患台账同步.' })
  @IsString()
  @Length(1, 500)
  description: string;
}

@ObjectType({ description: '订阅密钥。A subscription with its signing secret, shown this once: keep it to verify the messages\' signatures.' })
export class WebhookSubscriptionSecret {
  @Field(() => WebhookSubscription, { description: '订阅。The subscription.' })
  subscription: WebhookSubscription;

  @Field({ description: '签名密钥。whsec_ and the base64 key (Standard Webhooks); it cannot be shown again: rotate it if lost.' })
  secret: string;
}

@InputType({ description: '订阅筛选。Narrows the subscriptions listed.' })
export class WebhookSubscriptionFilter extends ListFilter {
  @Field(() => UUIDScalar, { nullable: true, description: '接口客户端标识。Only this API client\'s subscriptions.' })
  @IsOptional()
  @IsUUID()
  apiClientId?: string;

  @Field(() => [WebhookSubscriptionStatus], { nullable: true, description: '状态。Only subscriptions in these states.' })
  @IsOptional()
  @IsEnum(WebhookSubscriptionStatus, { each: true })
  statuses?: WebhookSubscriptionStatus[];
}

/** `orderBy` of `webhookSubscriptions`. */
export const WebhookSubscriptionOrder = defineOrder(
  'WebhookSubscription',
  '事件推送订阅',
  {
    CREATED_AT: { column: 't.created_at', description: '创建时间。By when the subscription was made.' },
    UPDATED_AT: { column: 't.updated_at', description: '更新时间。By when it last changed (paused, resumed, secret rotated).' },
    STATUS: { column: 't.status', description: '状态。By state name (ACTIVE before PAUSED).' },
  },
  [
    { column: 't.created_at', direction: SortDirection.DESC },
    { column: 't.id', direction: SortDirection.DESC },
  ],
);

@ArgsType()
export class WebhookSubscriptionListArgs extends PageArgs {
  @FilterField(() => WebhookSubscriptionFilter, '筛选条件。Which subscriptions.')
  filter?: WebhookSubscriptionFilter;

  @OrderByField(WebhookSubscriptionOrder, 'newest first')
  orderBy?: OrderInput<keyof typeof WebhookSubscriptionOrder.Field>[];
}
