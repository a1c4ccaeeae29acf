import { Field, ObjectType } from 'type-graphql';
import { Column, Entity } from 'typeorm';
import { BaseRecord, Node, UUIDScalar } from '@platform/core';
import { WebhookSubscriptionStatus } from '../webhooks.enums';

@ObjectType({
  implements: Node,
  description: '事件推送订阅。An API client\'s subscription to event types: each event it may read (and, with withinSubtreeOf, about that subtree) is POSTed to its URL, signed per Standard Webhooks.',
})
@Entity('webhook_subscription')
export class WebhookSubscription extends BaseRecord {
  @Field(() => UUIDScalar, { description: '接口客户端标识。The API client: events are checked against what it may read, with its grants at the time of each delivery.' })
  @Column({ type: 'uuid' })
  apiClientId: string;

  @Field({ description: '接收地址。Where events are POSTed: https:// (http:// only for the hosts of WEBHOOK_INTERNAL_HOSTS).' })
  @Column({ type: 'text' })
  url: string;

  @Field(() => [String], { description: '事件类型。The event types delivered, e.g. risk.hazard.reported (see webhookEventTypes).' })
  @Column({ type: 'text', array: true })
  eventTypes: string[];

  @Field(() => UUIDScalar, { nullable: true, description: '组织子树。Only events about records at this organization or below it (the client\'s scope narrowed to that subtree); null: all the client may read.' })
  @Column({ type: 'uuid', nullable: true })
  withinSubtreeOf: string | null;

  @Field({ description: '说明。What the subscription is for.' })
  @Column({ type: 'text' })
  description: string;

  @Field(() => WebhookSubscriptionStatus, { description: '状态。Active or paused.' })
  @Column({ type: 'text' })
  status: WebhookSubscriptionStatus;

  /** The signing secret (`whsec_` + base64 of 32 random bytes). Stored as is, because HMAC needs it; never returned after creation or rotation. */
  @Column({ type: 'text' })
  secret: string;
}
