import { ArgsType, Field, InputType } from 'type-graphql';
import { IsDate, IsEnum, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { FilterField, DateTimeScalar, ListFilter, OrderByField, PageArgs, SortDirection, UUIDScalar, defineOrder, type OrderInput } from '@platform/core';
import { WebhookDeliveryStatus } from '../webhooks.enums';

@InputType({ description: '投递筛选。Narrows the deliveries listed.' })
export class WebhookDeliveryFilter extends ListFilter {
  @Field(() => UUIDScalar, { nullable: true, description: '订阅标识。Only this subscription\'s deliveries.' })
  @IsOptional()
  @IsUUID()
  subscriptionId?: string;

  @Field(() => [WebhookDeliveryStatus], { nullable: true, description: '状态。Only deliveries in these states, e.g. [DEAD].' })
  @IsOptional()
  @IsEnum(WebhookDeliveryStatus, { each: true })
  statuses?: WebhookDeliveryStatus[];

  @Field(() => String, { nullable: true, description: '事件类型。Only events of this type, e.g. risk.hazard.reported.' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  eventType?: string;

  @Field(() => DateTimeScalar, { nullable: true, description: '起始时间。Only deliveries queued at or after this time.' })
  @IsOptional()
  @IsDate()
  from?: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: '截止时间。Only deliveries queued before this time.' })
  @IsOptional()
  @IsDate()
  to?: Date;
}

/** `orderBy` of `webhookDeliveries`. */
export const WebhookDeliveryOrder = defineOrder(
  'WebhookDelivery',
  '事件推送投递',
  {
    QUEUED_AT: { column: 't.created_at', description: '排队时间。By when the delivery was queued.' },
    LAST_ATTEMPT_AT: { column: 't.last_attempt_at', description: '最近尝试。By when it was last tried; never tried sorts last ascending, first descending.' },
    UPDATED_AT: { column: 't.updated_at', description: '更新时间。By when it last changed (an attempt, held, redelivered).' },
    STATUS: { column: 't.status', description: '状态。By state name.' },
  },
  [
    { column: 't.created_at', direction: SortDirection.DESC },
    { column: 't.id', direction: SortDirection.DESC },
  ],
);

@ArgsType()
export class WebhookDeliveryListArgs extends PageArgs {
  @FilterField(() => WebhookDeliveryFilter, '筛选条件。Which deliveries.')
  filter?: WebhookDeliveryFilter;

  @OrderByField(WebhookDeliveryOrder, 'newest first')
  orderBy?: OrderInput<keyof typeof WebhookDeliveryOrder.Field>[];
}

@InputType({ description: '重新投递输入。A delivered or dead delivery to send again.' })
export class RedeliverWebhookDeliveryInput {
  @Field(() => UUIDScalar, { description: '投递标识。The delivery (its webhook-id stays the same).' })
  @IsUUID()
  id: string;
}

@InputType({ description: '测试消息输入。The subscription to send a test message to.' })
export class SendTestWebhookInput {
  @Field(() => UUIDScalar, { description: '订阅标识。The subscription.' })
  @IsUUID()
  subscriptionId: string;
}
