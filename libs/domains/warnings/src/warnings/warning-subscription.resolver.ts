import { Args, ArgsType, Ctx, Field, FieldResolver, Resolver, Root, Subscription, type SubscribeResolverData } from 'type-graphql';
import { IsOptional, IsUUID } from 'class-validator';
import { RequirePermission, UUIDScalar, can, demand, eventStream, type DomainEvent, type RequestContext } from '@platform/core';
import { organizationIdInScope, withinSubtreeSql } from '@platform/directory';
import { Warning } from '../model/warning.entity';
import { WarningDelivery } from '../model/warning-delivery.entity';
import { WarningLevel } from '../model/warning.enums';
import { DeliveryAcknowledgement, WarningAction, WarningNotice } from './warning.types';
import { namedQuery, warningReadScope } from './warning.service';
import { WarningPermission } from '../permissions';

/** Committed warning records, by event type. */
const WARNING_EVENTS: Readonly<Record<string, WarningAction>> = {
  'rescue.warning.issued': WarningAction.ISSUED,
  'rescue.warning.updated': WarningAction.UPDATED,
  'rescue.warning.cancelled': WarningAction.CANCELLED,
};

@ArgsType()
class WarningIssuedArgs {
  @Field(() => UUIDScalar, { nullable: true, description: '组织子树。Only records targeting this organization or one below it.' })
  @IsOptional()
  @IsUUID()
  withinSubtreeOf?: string;
}

@ArgsType()
class DeliveryAcknowledgedArgs {
  @Field(() => UUIDScalar, { nullable: true, description: '预警记录标识。Only acknowledgements of this record; all you may read when omitted.' })
  @IsOptional()
  @IsUUID()
  warningId?: string;
}

type WarningEventPayload = { id: string; chainId: string; level: WarningLevel; organizationIds: string[] };
type AckEventPayload = { warningId: string; deliveryId: string; organizationId: string };

/** Of `organizationIds`, those the subscriber may read warnings at now (and within the requested subtree). */
async function visibleOrganizations(ctx: RequestContext, organizationIds: readonly string[], withinSubtreeOf?: string): Promise<string[]> {
  const principal = await ctx.currentPrincipal().catch(() => null);
  if (!principal || !can(principal, WarningPermission.WarningRead) || !organizationIds.length) return [];
  const scope = organizationIdInScope(principal, WarningPermission.WarningRead, 'o.id');
  const rows = await namedQuery<{ id: string }>(
    ctx,
    `SELECT o.id FROM organization o WHERE o.id IN (:...ids) AND ${scope.sql}${withinSubtreeOf ? ` AND ${withinSubtreeSql('o.id')}` : ''} ORDER BY o.id`,
    { ...scope.params, ids: organizationIds, ...(withinSubtreeOf ? { subtreeRoot: withinSubtreeOf } : {}) },
  );
  return rows.map((r) => r.id);
}

@Resolver(() => WarningNotice)
export class WarningSubscriptionResolver {
  @Subscription(() => WarningNotice, {
    description: '预警推送订阅。Warning records issued, updated or cancelled that target your area, as they commit; each event is checked against your grants at that moment.',
    subscribe: ({ args, context }: SubscribeResolverData<unknown, WarningIssuedArgs, RequestContext>) => {
      demand(context.principal, WarningPermission.WarningRead);
      return eventStream(context.events, Object.keys(WARNING_EVENTS), async (event) => (await visibleOrganizations(context, (event.payload as WarningEventPayload).organizationIds ?? [], args.withinSubtreeOf)).length > 0);
    },
  })
  @RequirePermission(WarningPermission.WarningRead)
  async warningIssued(@Ctx() ctx: RequestContext, @Root() event: DomainEvent<WarningEventPayload>, @Args(() => WarningIssuedArgs) args: WarningIssuedArgs): Promise<WarningNotice> {
    const p = event.payload;
    return Object.assign(new WarningNotice(), {
      action: WARNING_EVENTS[event.type]!,
      warningId: p.id,
      chainId: p.chainId,
      level: p.level,
      organizationIds: await visibleOrganizations(ctx, p.organizationIds, args.withinSubtreeOf),
      occurredAt: new Date(event.occurredAt),
    });
  }

  @FieldResolver(() => Warning, { nullable: true, description: '预警记录。The record as it is now; null when you can no longer read it.' })
  async warning(@Ctx() ctx: RequestContext, @Root() notice: WarningNotice): Promise<Warning | null> {
    const scope = warningReadScope(ctx.principal, 'w');
    return ctx.manager.createQueryBuilder(Warning, 'w').where('w.id = :id', { id: notice.warningId }).andWhere(scope.sql, scope.params).getOne();
  }
}

@Resolver(() => DeliveryAcknowledgement)
export class DeliveryAcknowledgedResolver {
  @Subscription(() => DeliveryAcknowledgement, {
    description: '叫应推送订阅。Deliveries acknowledged at organizations in your scope (of one record when given), as they commit; each event is checked against your grants at that moment.',
    subscribe: ({ args, context }: SubscribeResolverData<unknown, DeliveryAcknowledgedArgs, RequestContext>) => {
      demand(context.principal, WarningPermission.WarningRead);
      return eventStream(context.events, ['rescue.warning.acknowledged'], async (event) => {
        const p = event.payload as AckEventPayload;
        if (args.warningId && p.warningId !== args.warningId) return false;
        return (await visibleOrganizations(context, [p.organizationId])).length > 0;
      });
    },
  })
  @RequirePermission(WarningPermission.WarningRead)
  deliveryAcknowledged(@Root() event: DomainEvent<AckEventPayload>, @Args(() => DeliveryAcknowledgedArgs) _args: DeliveryAcknowledgedArgs): DeliveryAcknowledgement {
    const p = event.payload;
    return Object.assign(new DeliveryAcknowledgement(), { warningId: p.warningId, deliveryId: p.deliveryId, organizationId: p.organizationId, occurredAt: new Date(event.occurredAt) });
  }

  @FieldResolver(() => WarningDelivery, { nullable: true, description: '送达记录。The delivery as it is now; null when you can no longer read it.' })
  delivery(@Ctx() ctx: RequestContext, @Root() a: DeliveryAcknowledgement): Promise<WarningDelivery | null> {
    const scope = organizationIdInScope(ctx.principal, WarningPermission.WarningRead, 'd.organization_id');
    return ctx.manager.createQueryBuilder(WarningDelivery, 'd').where('d.id = :id', { id: a.deliveryId }).andWhere(scope.sql, scope.params).getOne();
  }
}
