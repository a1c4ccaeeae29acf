import { Args, Ctx, Query, Resolver } from 'type-graphql';
import { scopeOf } from '../access/authorization';
import { RequirePermission } from '../access/permission';
import type { RequestContext } from '../context/request-context';
import { kernelRules } from '../errors/rule-catalog';
import { Connection, type ConnectionResult } from '../pagination/connection.type';
import { assertIndicatorOrganization, registeredIndicators, evaluateIndicators, IndicatorBreakdown, type RegisteredIndicator } from './indicator';
import { IndicatorPermission } from './indicators.permissions';
import { Indicator, IndicatorListArgs, indicatorOf, IndicatorOrder, IndicatorValue, IndicatorValueArgs, IndicatorValueOrder, type IndicatorFilter } from './indicators.types';

export const IndicatorConnection = Connection(Indicator, '指标');
export const IndicatorValueConnection = Connection(IndicatorValue, '指标值');

/** The longest period an evaluation may cover, in days (ten years). */
export const MAX_INDICATOR_SPAN_DAYS = 3660;

/** The registered indicators the filter names that the caller may evaluate (holds the permission of). */
function indicatorsFor(ctx: RequestContext, filter: IndicatorFilter | null = null): RegisteredIndicator[] {
  const f = filter ?? {};
  return [...registeredIndicators(ctx).values()].filter(
    (r) => (!f.modules?.length || f.modules.includes(r.module)) && (!f.codes?.length || f.codes.includes(r.definition.code)) && scopeOf(ctx.principal, r.definition.permission),
  );
}

@Resolver(() => Indicator)
export class IndicatorResolver {
  @Query(() => IndicatorConnection, { description: '指标。The indicators the enabled modules register that you may evaluate (you hold their permission), by code.' })
  @RequirePermission(IndicatorPermission.Read)
  indicators(@Ctx() ctx: RequestContext, @Args(() => IndicatorListArgs) args: IndicatorListArgs): ConnectionResult<Indicator> {
    return IndicatorOrder.page(indicatorsFor(ctx, args.filter).map(indicatorOf), args.orderBy, args);
  }

  @Query(() => IndicatorValueConnection, {
    description:
      '指标值。Evaluates indicators for an organization\'s subtree (or each child\'s, to rank them) and a period, all in one statement; each figure is computed within your scope for its permission, and only for organizations that scope covers.',
  })
  @RequirePermission(IndicatorPermission.Read)
  async indicatorValues(@Ctx() ctx: RequestContext, @Args(() => IndicatorValueArgs) args: IndicatorValueArgs): Promise<ConnectionResult<IndicatorValue>> {
    if (args.to <= args.from) throw kernelRules.field('to', 'afterFrom', 'must be after from.');
    if (Date.parse(`${args.to}T00:00:00Z`) - Date.parse(`${args.from}T00:00:00Z`) > MAX_INDICATOR_SPAN_DAYS * 86_400_000) throw kernelRules.field('to', 'range', `must lie within ${MAX_INDICATOR_SPAN_DAYS} days of from.`);
    const chosen = indicatorsFor(ctx, args.filter);
    const byCode = new Map(chosen.map((r) => [r.definition.code, indicatorOf(r)]));
    const figures = await evaluateIndicators(ctx, chosen, { organizationIds: [args.organizationId], from: args.from, to: args.to, breakdown: args.breakdown ?? IndicatorBreakdown.SELF });
    // Nothing answered: the organization may be out of reach (NOT_FOUND, like a missing one) or have no children.
    if (!figures.length) await assertIndicatorOrganization(ctx, chosen, args.organizationId);
    const values = figures.map((f) => ({ indicator: byCode.get(f.code)!, organizationId: f.organizationId, organizationName: f.organizationName, from: args.from, to: args.to, numerator: f.numerator, denominator: f.denominator, value: f.value }));
    return IndicatorValueOrder.page(values, args.orderBy, args);
  }
}
