import { Args, Ctx, Info, Query, Resolver } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { Connection, RequirePermission, daysBetween, records, selectsField, type ConnectionResult, type RequestContext } from '@platform/core';
import { Organizations } from '@platform/directory';
import { scenariosRules } from '../scenarios.rules';
import { ClosedLoopGrouping } from './closed-loop.enums';
import { ClosedLoopArgs, MAX_CLOSED_LOOP_DAYS } from './closed-loop.inputs';
import { ClosedLoopOrder } from './closed-loop.orders';
import { ClosedLoopPermission } from './closed-loop.permissions';
import { closedLoopPage } from './closed-loop.sql';
import { ClosedLoopRow } from './closed-loop.types';

export const ClosedLoopRowConnection = Connection(ClosedLoopRow, '隐患闭环行');

@Resolver(() => ClosedLoopRow)
export class ClosedLoopResolver {
  @Query(() => ClosedLoopRowConnection, {
    description:
      '一体化闭环。The closed loop over a period, by village (default), sector or town: risk points, hazards found by source, confirmed, rectified and verified (on time), the days between the stages (median, 90th percentile), tips and alarms turned into hazards and the share verified on time, counted within your scope; one statement.',
  })
  @RequirePermission(ClosedLoopPermission.Read)
  async closedLoop(@Ctx() ctx: RequestContext, @Args(() => ClosedLoopArgs) args: ClosedLoopArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<ClosedLoopRow>> {
    const f = args.filter;
    if (f.to <= f.from) throw scenariosRules.field('filter.to', 'range', 'the period ends (exclusive) after it starts.');
    if (daysBetween(f.from, f.to) > MAX_CLOSED_LOOP_DAYS) throw scenariosRules.field('filter.to', 'range', `a period of at most ${MAX_CLOSED_LOOP_DAYS} days.`);
    const root = f.withinOrganizationId
      ? await records(ctx, Organizations, ClosedLoopPermission.Read).reference(f.withinOrganizationId, 'filter.withinOrganizationId', { archived: true, properties: ['id', 'path'] })
      : null;
    return closedLoopPage(
      ctx,
      { from: f.from, to: f.to, grouping: f.groupBy ?? ClosedLoopGrouping.VILLAGE, withinPath: root?.path ?? null, sources: f.sources ?? null },
      args,
      selectsField(info, 'totalCount'),
      ClosedLoopOrder.keys(args.orderBy),
    );
  }
}
