import { Args, ArgsType, Ctx, Field, FieldResolver, Resolver, Root, Subscription, type SubscribeResolverData } from 'type-graphql';
import { IsEnum, IsOptional, IsUUID } from 'class-validator';
import { RequirePermission, UUIDScalar, can, demand, eventStream, eventType, records, type EventOf, type RequestContext } from '@platform/core';
import { Organization, Organizations, organizationIdWithinSubtree } from '@platform/directory';
import { WarningLevel } from '@domains/warnings';
import { Alarm } from './alarm.entity';
import { Alarms } from './alarms.entities';
import { AlarmPermission } from './alarms.permissions';
import { AlarmNotice } from './alarms.types';
import { alarmEvents, type AlarmEvents } from './alarms.events';
import type { AlarmKind, AlarmStatus } from './alarms.enums';

const TRIGGERED = eventType(alarmEvents, 'scenarios.alarm.triggered');
type TriggeredEvent = EventOf<AlarmEvents['scenarios.alarm.triggered']>;
const SEVERITY: Readonly<Record<string, number>> = { BLUE: 1, YELLOW: 2, ORANGE: 3, RED: 4 };

@ArgsType()
class AlarmTriggeredArgs {
  @Field(() => UUIDScalar, { nullable: true, description: '组织子树。Only alarms of organizations at or below this one.' })
  @IsOptional()
  @IsUUID()
  withinSubtreeOf?: string;

  @Field(() => WarningLevel, { nullable: true, description: '最低级别。Only alarms of this level or more severe.' })
  @IsOptional()
  @IsEnum(WarningLevel)
  minimumLevel?: WarningLevel;
}

/** The alarm is readable by the subscriber now (their scope as it is now) and within the subtree asked for. */
async function visible(ctx: RequestContext, alarmId: string, withinSubtreeOf?: string): Promise<boolean> {
  const principal = await ctx.currentPrincipal().catch(() => null);
  if (!principal || !can(principal, AlarmPermission.Read)) return false;
  let rows = records(ctx, Alarms, AlarmPermission.Read, { principal });
  if (withinSubtreeOf) rows = rows.where(organizationIdWithinSubtree('t.organization_id', withinSubtreeOf));
  return rows.exists(alarmId);
}

@Resolver(() => AlarmNotice)
export class AlarmSubscriptionResolver {
  @Subscription(() => AlarmNotice, {
    description: '报警推送订阅。Alarms raised on datastreams in your scope (within a subtree, of a level or more when given), as they commit; each event is checked against your grants at that moment.',
    subscribe: ({ args, context }: SubscribeResolverData<unknown, AlarmTriggeredArgs, RequestContext>) => {
      demand(context.principal, AlarmPermission.Read);
      const minimum = args.minimumLevel ? SEVERITY[args.minimumLevel]! : 1;
      return eventStream(context.events, [TRIGGERED], async (event) => (SEVERITY[event.payload.level] ?? 0) >= minimum && visible(context, event.payload.id, args.withinSubtreeOf));
    },
  })
  @RequirePermission(AlarmPermission.Read)
  alarmTriggered(@Root() event: TriggeredEvent, @Args(() => AlarmTriggeredArgs) _args: AlarmTriggeredArgs): AlarmNotice {
    const p = event.payload;
    return Object.assign(new AlarmNotice(), {
      alarmId: p.id,
      kind: p.kind as AlarmKind,
      level: p.level as WarningLevel,
      status: p.status as AlarmStatus,
      organizationId: p.organizationId,
      occurredAt: new Date(event.occurredAt),
      severity: SEVERITY[p.level] ?? 0,
    });
  }

  @FieldResolver(() => Organization, { nullable: true, description: '所属单位。Its organization (the enterprise its datastream monitors, else the village); null when you may not read organizations there.' })
  organization(@Ctx() ctx: RequestContext, @Root() notice: AlarmNotice): Promise<Organization | null> {
    // Read afresh for each event, as the alarm is.
    return records(ctx, Organizations).one(notice.organizationId);
  }

  @FieldResolver(() => Alarm, { nullable: true, description: '报警。The alarm as it is now; null when you can no longer read it.' })
  alarm(@Ctx() ctx: RequestContext, @Root() notice: AlarmNotice): Promise<Alarm | null> {
    // Read afresh for each event (no request-long loader: a subscription's context lives as long as it does).
    return records(ctx, Alarms).one(notice.alarmId);
  }
}
