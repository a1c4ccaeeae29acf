import { Args, ArgsType, Ctx, Field, FieldResolver, Info, InputType, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { ArrayMaxSize, IsOptional, IsString, Length } from 'class-validator';
import { FilterField, Connection, OrderByField, PageArgs, RequirePermission, SortDirection, defineListOrder, type ConnectionResult, type OrderInput, type RequestContext } from '@platform/core';
import { webhooksRuntime } from '../webhooks.runtime';
import { WebhookPermission } from '../permissions';

@ObjectType({ description: '可订阅事件类型。An event type webhooks carry: declared by an enabled module with the record it is about.' })
export class WebhookEventType {
  @Field({ description: '名称。The event type, e.g. risk.hazard.reported (the message\'s type).' })
  name: string;

  @Field({ description: '模块。The module that emits it, e.g. risk.' })
  module: string;

  @Field({ description: '对象类型。The GraphQL type of the record it is about (data.subject.type), e.g. Hazard: a client receives the event only if it may read that record.' })
  subjectType: string;
}

export const WebhookEventTypeConnection = Connection(WebhookEventType, '可订阅事件类型');

@InputType({ description: '事件类型筛选。Which event types to list.' })
export class WebhookEventTypeFilter {
  @Field(() => [String], { nullable: true, description: '模块。Only the event types of these modules, e.g. ["risk"] (at most 20).' })
  @IsOptional()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 50, { each: true })
  modules?: string[];
}

/** `orderBy` of `webhookEventTypes` (a catalog computed from the enabled modules, sorted in memory). */
export const WebhookEventTypeOrder = defineListOrder<WebhookEventType, 'NAME' | 'MODULE' | 'SUBJECT_TYPE'>(
  'WebhookEventType',
  '可订阅事件类型',
  {
    NAME: { value: (t) => t.name, description: '名称。By event type name.' },
    MODULE: { value: (t) => t.module, description: '模块。By module.' },
    SUBJECT_TYPE: { value: (t) => t.subjectType, description: '对象类型。By the type of record the events are about.' },
  },
  [{ field: 'NAME', direction: SortDirection.ASC }],
  (t) => t.name,
);

@ArgsType()
class WebhookEventTypeListArgs extends PageArgs {
  @FilterField(() => WebhookEventTypeFilter, '筛选条件。Which event types.')
  filter?: WebhookEventTypeFilter;

  @OrderByField(WebhookEventTypeOrder, 'by name')
  orderBy?: OrderInput<keyof typeof WebhookEventTypeOrder.Field>[];
}

@Resolver(() => WebhookEventType)
export class WebhookEventTypeResolver {
  @Query(() => WebhookEventTypeConnection, { description: '可订阅事件类型。The event types webhooks carry, by name (events without a record they are about are not offered).' })
  @RequirePermission(WebhookPermission.SubscriptionRead)
  webhookEventTypes(@Ctx() ctx: RequestContext, @Args(() => WebhookEventTypeListArgs) args: WebhookEventTypeListArgs): ConnectionResult<WebhookEventType> {
    const modules = args.filter?.modules;
    const types = webhooksRuntime(ctx)
      .catalog.list()
      .filter((t) => !modules || modules.includes(t.module))
      .map((t) => ({ name: t.name, module: t.module, subjectType: t.subject.entity.typeName }));
    return WebhookEventTypeOrder.page(types, args.orderBy, args);
  }

  @FieldResolver(() => String, { nullable: true, description: '对象说明。The subject type\'s description from this schema (its Chinese term and English sentence).' })
  subjectDescription(@Root() type: WebhookEventType, @Info() info: GraphQLResolveInfo): string | null {
    return info.schema.getType(type.subjectType)?.description ?? null;
  }
}
