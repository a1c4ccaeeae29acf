import { Args, ArgsType, Ctx, Field, FieldResolver, ObjectType, Resolver, Root, Subscription, type SubscribeResolverData } from 'type-graphql';
import { IsOptional, IsUUID } from 'class-validator';
import { DateTimeScalar, RequirePermission, UUIDScalar, can, demand, eventStream, type DomainEvent, type RequestContext } from '@platform/core';
import { organizationIdInScope, withinSubtreeSql } from '@platform/directory';
import { Hazard } from './hazard.entity';
import { HazardStatus } from './hazard.enums';
import { HAZARD_REPORT, HAZARD_WORKFLOW } from './hazard-transitions';
import { scopedHazards } from './hazard.service';
import { RiskPermission } from '../permissions';

/** Committed hazard events: the report and every workflow step. */
export const HAZARD_EVENT_TYPES = [HAZARD_REPORT.event, 'risk.hazard.overdue', ...HAZARD_WORKFLOW.eventTypes];

@ObjectType({ description: '隐患变更。A committed step of a hazard in your scope.' })
export class HazardChange {
  @Field({ description: '操作。report, confirm, planRectification, … close, or overdue when the deadline passed.' })
  action: string;

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

type HazardEventPayload = { id: string; organizationId: string; status?: HazardStatus };

/** The event's hazard is readable by the subscriber now (and within the requested subtree). */
async function visible(ctx: RequestContext, payload: HazardEventPayload, withinSubtreeOf?: string): Promise<boolean> {
  const principal = await ctx.currentPrincipal().catch(() => null);
  if (!principal || !can(principal, RiskPermission.HazardRead)) return false;
  const scope = organizationIdInScope(principal, RiskPermission.HazardRead, 'o.id');
  const qb = ctx.manager.createQueryBuilder().select('1').from('organization', 'o').where('o.id = :id', { id: payload.organizationId }).andWhere(scope.sql, scope.params);
  if (withinSubtreeOf) qb.andWhere(withinSubtreeSql('o.id'), { subtreeRoot: withinSubtreeOf });
  return (await qb.getRawMany()).length > 0;
}

@Resolver(() => HazardChange)
export class HazardChangeResolver {
  @Subscription(() => HazardChange, {
    description: '隐患变更订阅。Hazards reported or moved a step within your scope, as they commit; each event is checked against your grants at that moment.',
    subscribe: ({ args, context }: SubscribeResolverData<unknown, HazardChangedArgs, RequestContext>) => {
      demand(context.principal, RiskPermission.HazardRead);
      return eventStream(context.events, HAZARD_EVENT_TYPES, (event) => visible(context, event.payload as HazardEventPayload, args.withinSubtreeOf));
    },
  })
  @RequirePermission(RiskPermission.HazardRead)
  hazardChanged(@Root() event: DomainEvent<HazardEventPayload>, @Args(() => HazardChangedArgs) _args: HazardChangedArgs): HazardChange {
    return { action: event.type.replace('risk.hazard.', '').replace(/^reported$/, 'report'), hazardId: event.payload.id, status: event.payload.status ?? HazardStatus.REPORTED, occurredAt: event.occurredAt };
  }

  @FieldResolver(() => Hazard, { nullable: true, description: '隐患。The hazard as it is now; null when you can no longer read it.' })
  hazard(@Ctx() ctx: RequestContext, @Root() change: HazardChange): Promise<Hazard | null> {
    return scopedHazards(ctx).andWhere('h.id = :id', { id: change.hazardId }).getOne();
  }
}
