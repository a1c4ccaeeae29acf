import { Args, ArgsType, Ctx, Field, FieldResolver, Resolver, Root, Subscription, type SubscribeResolverData } from 'type-graphql';
import { IsOptional, IsUUID } from 'class-validator';
import { RequirePermission, SortDirection, UUIDScalar, can, demand, eventStream, eventType, records, sql, type EventOf, type RequestContext } from '@platform/core';
import { DirectoryPermission, Organization, Organizations, organizationIdWithinSubtree } from '@platform/directory';
import { Warning } from '../model/warning.entity';
import { WarningDelivery } from '../model/warning-delivery.entity';
import { DeliveryAcknowledgement, WarningAction, WarningNotice } from './warning.types';
import { MAX_WARNING_TARGETS } from './warning.inputs';
import { WarningDeliveries, WarningTargets, Warnings } from '../warnings.entities';
import { warningsEvents, type WarningsEvents } from '../warnings.events';
import { WarningPermission } from '../permissions';

/** The catalog's warning record events (issue, update, cancellation), with what each tells subscribers. */
type WarningRecordEventName = 'rescue.warning.issued' | 'rescue.warning.updated' | 'rescue.warning.cancelled';
const WARNING_ACTIONS: Readonly<Record<WarningRecordEventName, WarningAction>> = {
  'rescue.warning.issued': WarningAction.ISSUED,
  'rescue.warning.updated': WarningAction.UPDATED,
  'rescue.warning.cancelled': WarningAction.CANCELLED,
};

/** Committed warning records, as the catalog's entries. */
const WARNING_EVENT_TYPES = (Object.keys(WARNING_ACTIONS) as WarningRecordEventName[]).map((name) => eventType(warningsEvents, name));
const ACKNOWLEDGED = eventType(warningsEvents, 'rescue.warning.acknowledged');

/** A committed event as the subscriptions receive it, its payload typed by the catalog. */
type WarningRecordEvent = EventOf<WarningsEvents[WarningRecordEventName]>;
type AcknowledgedEvent = EventOf<WarningsEvents['rescue.warning.acknowledged']>;

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

/**
 * Of the record's targets named by the event, those the subscriber may read warnings at now (and
 * within the requested subtree), by id: their scope as it is now, not as it was when they subscribed.
 */
async function visibleTargets(ctx: RequestContext, warningId: string, organizationIds: readonly string[], withinSubtreeOf?: string): Promise<string[]> {
  const principal = await ctx.currentPrincipal().catch(() => null);
  if (!principal || !can(principal, WarningPermission.WarningRead) || !organizationIds.length) return [];
  let targets = records(ctx, WarningTargets, WarningPermission.WarningRead, { principal }).where(sql`t.warning_id = ${warningId} AND t.organization_id = ANY(CAST(${organizationIds} AS uuid[]))`);
  if (withinSubtreeOf) targets = targets.where(organizationIdWithinSubtree('t.organization_id', withinSubtreeOf));
  const rows = await targets.list({ keys: [{ column: 't.organization_id', direction: SortDirection.ASC }], limit: MAX_WARNING_TARGETS });
  return rows.map((r) => r.organizationId);
}

/** The delivery is readable by the subscriber now: its organization in their current rescue.warning:read scope. */
async function visibleDelivery(ctx: RequestContext, deliveryId: string): Promise<boolean> {
  const principal = await ctx.currentPrincipal().catch(() => null);
  if (!principal || !can(principal, WarningPermission.WarningRead)) return false;
  return records(ctx, WarningDeliveries, WarningPermission.WarningRead, { principal }).exists(deliveryId);
}

@Resolver(() => WarningNotice)
export class WarningSubscriptionResolver {
  @Subscription(() => WarningNotice, {
    description: '预警推送订阅。Warning records issued, updated or cancelled that target your area, as they commit; each event is checked against your grants at that moment.',
    subscribe: ({ args, context }: SubscribeResolverData<unknown, WarningIssuedArgs, RequestContext>) => {
      demand(context.principal, WarningPermission.WarningRead);
      return eventStream(context.events, WARNING_EVENT_TYPES, async (event) => (await visibleTargets(context, event.payload.id, event.payload.organizationIds ?? [], args.withinSubtreeOf)).length > 0);
    },
  })
  @RequirePermission(WarningPermission.WarningRead)
  async warningIssued(@Ctx() ctx: RequestContext, @Root() event: WarningRecordEvent, @Args(() => WarningIssuedArgs) args: WarningIssuedArgs): Promise<WarningNotice> {
    const p = event.payload;
    return Object.assign(new WarningNotice(), {
      action: WARNING_ACTIONS[event.type],
      warningId: p.id,
      chainId: p.chainId,
      level: p.level,
      organizationIds: await visibleTargets(ctx, p.id, p.organizationIds, args.withinSubtreeOf),
      occurredAt: new Date(event.occurredAt),
    });
  }

  @FieldResolver(() => Warning, { nullable: true, description: '预警记录。The record as it is now; null when you can no longer read it.' })
  warning(@Ctx() ctx: RequestContext, @Root() notice: WarningNotice): Promise<Warning | null> {
    // Read afresh for each event (no request-long loader: a subscription's context lives as long as it does).
    return records(ctx, Warnings).one(notice.warningId);
  }

  @FieldResolver(() => [Organization], { description: '目标单位。The organizations of organizationIds, in that order, those you may read now (needs directory.organization:read).' })
  @RequirePermission(DirectoryPermission.OrganizationRead)
  async organizations(@Ctx() ctx: RequestContext, @Root() notice: WarningNotice): Promise<Organization[]> {
    // One statement for the event's targets (at most 50), read afresh like `warning`.
    return (await records(ctx, Organizations).many(notice.organizationIds)).filter((o): o is Organization => o !== null);
  }
}

@Resolver(() => DeliveryAcknowledgement)
export class DeliveryAcknowledgedResolver {
  @Subscription(() => DeliveryAcknowledgement, {
    description: '叫应推送订阅。Deliveries acknowledged at organizations in your scope (of one record when given), as they commit; each event is checked against your grants at that moment.',
    subscribe: ({ args, context }: SubscribeResolverData<unknown, DeliveryAcknowledgedArgs, RequestContext>) => {
      demand(context.principal, WarningPermission.WarningRead);
      return eventStream(context.events, [ACKNOWLEDGED], async (event) => {
        const p = event.payload;
        if (args.warningId && p.warningId !== args.warningId) return false;
        return visibleDelivery(context, p.deliveryId);
      });
    },
  })
  @RequirePermission(WarningPermission.WarningRead)
  deliveryAcknowledged(@Root() event: AcknowledgedEvent, @Args(() => DeliveryAcknowledgedArgs) _args: DeliveryAcknowledgedArgs): DeliveryAcknowledgement {
    const p = event.payload;
    return Object.assign(new DeliveryAcknowledgement(), { warningId: p.warningId, deliveryId: p.deliveryId, organizationId: p.organizationId, occurredAt: new Date(event.occurredAt) });
  }

  @FieldResolver(() => WarningDelivery, { nullable: true, description: '送达记录。The delivery as it is now; null when you can no longer read it.' })
  delivery(@Ctx() ctx: RequestContext, @Root() a: DeliveryAcknowledgement): Promise<WarningDelivery | null> {
    return records(ctx, WarningDeliveries).one(a.deliveryId);
  }

  @FieldResolver(() => Warning, { nullable: true, description: '预警记录。The warning record acknowledged, as it is now (needs rescue.warning:read); null when you can no longer read it.' })
  @RequirePermission(WarningPermission.WarningRead)
  warning(@Ctx() ctx: RequestContext, @Root() a: DeliveryAcknowledgement): Promise<Warning | null> {
    // Read afresh for each event, like `delivery`.
    return records(ctx, Warnings).one(a.warningId);
  }

  @FieldResolver(() => Organization, { nullable: true, description: '叫应单位。The organization that answered (needs directory.organization:read); null when you can no longer read it.' })
  @RequirePermission(DirectoryPermission.OrganizationRead)
  organization(@Ctx() ctx: RequestContext, @Root() a: DeliveryAcknowledgement): Promise<Organization | null> {
    return records(ctx, Organizations).one(a.organizationId);
  }
}
