import { Args, ArgsType, Ctx, Field, FieldResolver, ObjectType, Resolver, Root, Subscription, type SubscribeResolverData } from 'type-graphql';
import { IsOptional, IsUUID } from 'class-validator';
import { DateTimeScalar, RequirePermission, UUIDScalar, can, demand, eventStream, eventType, records, type EventOf, type PayloadOf, type RequestContext } from '@platform/core';
import { Organizations, organizationIdWithinSubtree } from '@platform/directory';
import { Hazard } from './hazard.entity';
import { HazardStatus } from './hazard.enums';
import { HAZARD_WORKFLOW } from './hazard-transitions';
import { HAZARD_OVERDUE, HAZARD_REPORT, HazardActionEnum, type HazardActionName } from './hazard-steps';
import { Hazards } from '../risk.entities';
import { riskEvents, type RiskEvents } from '../risk.events';
import { RiskPermission } from '../permissions';

/** The catalog's hazard events (`risk.hazard.*`). */
type HazardEventName = Extract<keyof RiskEvents, `risk.hazard.${string}`>;

/**
 * Committed hazard events: the report, the overdue announcement and every workflow step, as the
 * catalog's entries (a step whose event the catalog does not declare throws here, at start).
 */
export const HAZARD_EVENT_TYPES: ReadonlyArray<RiskEvents[HazardEventName]> = [HAZARD_REPORT.event, HAZARD_OVERDUE.event, ...HAZARD_WORKFLOW.eventTypes].map((name) =>
  eventType(riskEvents, name as HazardEventName),
);

/** The action a hazard event stands for, by its type: the report, a step, or the overdue announcement. */
const ACTION_OF_EVENT: ReadonlyMap<string, HazardActionName> = new Map<string, HazardActionName>([
  [HAZARD_REPORT.event, HAZARD_REPORT.step],
  [HAZARD_OVERDUE.event, HAZARD_OVERDUE.step],
  ...Object.values(HAZARD_WORKFLOW.steps).map((s): [string, HazardActionName] => [s.event, s.name]),
]);

/** A committed hazard event as the subscription receives it, its payload typed by the catalog. */
type HazardEvent = EventOf<RiskEvents[HazardEventName]>;
type HazardEventPayload = PayloadOf<RiskEvents[HazardEventName]>;

@ObjectType({ description: '隐患变更。A committed step of a hazard in your scope.' })
export class HazardChange {
  @Field(() => HazardActionEnum, { description: '操作。REPORT, a step (CONFIRM, PLAN_RECTIFICATION, … CLOSE), or OVERDUE when the deadline passed.' })
  action: HazardActionName;

  @Field(() => UUIDScalar, { description: '隐患标识。The hazard.' })
  hazardId: string;

  @Field(() => HazardStatus, { description: '新状态。State after the step.' })
  status: HazardStatus;

  @Field(() => DateTimeScalar, { description: '时间。When it committed.' })
  occurredAt: Date;
}

@ArgsType()
class HazardChangedArgs {
  @Field(() => UUIDScalar, { nullable: true, description: '组织子树。Only hazards at this organization or below it.' })
  @IsOptional()
  @IsUUID()
  withinSubtreeOf?: string;
}

/** The event's hazard is readable by the subscriber now: its organization in their current risk.hazard:read scope (and within the requested subtree). */
async function visible(ctx: RequestContext, payload: HazardEventPayload, withinSubtreeOf?: string): Promise<boolean> {
  const principal = await ctx.currentPrincipal().catch(() => null);
  if (!principal || !can(principal, RiskPermission.HazardRead)) return false;
  // The subscriber's scope as it is now, not as it was when they subscribed.
  const readable = records(ctx, Organizations, RiskPermission.HazardRead, { principal });
  return (withinSubtreeOf ? readable.where(organizationIdWithinSubtree('t.id', withinSubtreeOf)) : readable).exists(payload.organizationId);
}

@Resolver(() => HazardChange)
export class HazardChangeResolver {
  @Subscription(() => HazardChange, {
    description: '隐患变更订阅。Hazards reported or moved a step within your scope, as they commit; each event is checked against your grants at that moment.',
    subscribe: ({ args, context }: SubscribeResolverData<unknown, HazardChangedArgs, RequestContext>) => {
      demand(context.principal, RiskPermission.HazardRead);
      return eventStream(context.events, HAZARD_EVENT_TYPES, (event) => visible(context, event.payload, args.withinSubtreeOf));
    },
  })
  @RequirePermission(RiskPermission.HazardRead)
  hazardChanged(@Root() event: HazardEvent, @Args(() => HazardChangedArgs) _args: HazardChangedArgs): HazardChange {
    return { action: ACTION_OF_EVENT.get(event.type)!, hazardId: event.payload.id, status: event.payload.status, occurredAt: event.occurredAt };
  }

  @FieldResolver(() => Hazard, { nullable: true, description: '隐患。The hazard as it is now; null when you can no longer read it.' })
  hazard(@Ctx() ctx: RequestContext, @Root() change: HazardChange): Promise<Hazard | null> {
    // Read afresh for each event (no request-long loader: a subscription's context lives as long as it does).
    return records(ctx, Hazards).one(change.hazardId);
  }
}
