import { Args, Ctx, Query, Resolver } from 'type-graphql';
import { RequirePermission, localDaySql, raw, records, sql, type RequestContext } from '@platform/core';
import { organizationIdWithinSubtree } from '@platform/directory';
import { HazardIndicatorArgs, HazardIndicators, type HazardCount } from './hazard-indicators.types';
import { overdueHazard } from '../hazards/hazard.service';
import { closedByDeadline, majorHazardDue } from './major-hazard-rectification';
import { Hazards } from '../risk.entities';
import { riskRules } from '../risk.rules';
import { RiskPermission } from '../permissions';

/** The figures of the totals statement, by column alias. */
type Totals = { found: number; selfReported: number; majorDue: number; majorOnTime: number; d7: number; d30: number; d90: number; older: number };

/** The database's order of the enum values (plain capitals, the same in any collation), null last. */
const byText = (a: string | null, b: string | null): number => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1);

@Resolver(() => HazardIndicators)
export class HazardIndicatorsResolver {
  @Query(() => HazardIndicators, { description: '隐患指标。Counts by grade and state, self-report share, on-time rectification of major hazards and overdue ageing, for a period and subtree in your scope.' })
  @RequirePermission(RiskPermission.HazardRead)
  async hazardIndicators(@Ctx() ctx: RequestContext, @Args(() => HazardIndicatorArgs) args: HazardIndicatorArgs): Promise<HazardIndicators> {
    if (args.from >= args.to) throw riskRules.field('to', 'afterFrom', 'must be after from.');
    const today = ctx.clock.today();
    // The hazards in the caller's scope (the kernel applies it), within the subtree asked for.
    const hazards = args.withinSubtreeOf ? records(ctx, Hazards, RiskPermission.HazardRead).where(organizationIdWithinSubtree('t.organization_id', args.withinSubtreeOf)) : records(ctx, Hazards, RiskPermission.HazardRead);
    const foundDay = raw(localDaySql('t.found_at'));
    const foundInPeriod = sql`${foundDay} >= CAST(${args.from} AS date) AND ${foundDay} < CAST(${args.to} AS date)`;
    const majorDue = majorHazardDue(sql`CAST(${args.from} AS date)`, sql`CAST(${args.to} AS date)`);
    const overdue = overdueHazard('t', today);
    const overdueDays = sql`CAST(${today} AS date) - t.deadline`;
    const [groups, [totals]] = await Promise.all([
      hazards.where(foundInPeriod).aggregate<HazardCount & Record<string, unknown>>(sql`t.grade AS "grade", t.status AS "status", count(*)::int AS "count"`, { groupBy: sql`t.grade, t.status` }),
      hazards.aggregate<Totals>(sql`
        count(*) FILTER (WHERE ${foundInPeriod} AND t.status <> 'REJECTED')::int AS "found",
        count(*) FILTER (WHERE ${foundInPeriod} AND t.status <> 'REJECTED' AND t.source = 'SELF_CHECK')::int AS "selfReported",
        count(*) FILTER (WHERE ${majorDue})::int AS "majorDue",
        count(*) FILTER (WHERE ${majorDue} AND ${closedByDeadline})::int AS "majorOnTime",
        count(*) FILTER (WHERE ${overdue} AND ${overdueDays} BETWEEN 1 AND 7)::int AS "d7",
        count(*) FILTER (WHERE ${overdue} AND ${overdueDays} BETWEEN 8 AND 30)::int AS "d30",
        count(*) FILTER (WHERE ${overdue} AND ${overdueDays} BETWEEN 31 AND 90)::int AS "d90",
        count(*) FILTER (WHERE ${overdue} AND ${overdueDays} > 90)::int AS "older"`),
    ]);
    const t = totals!;
    groups.sort((a, b) => byText(a.status, b.status) || byText(a.grade, b.grade));
    return {
      byGradeAndStatus: groups,
      found: t.found,
      selfReported: t.selfReported,
      selfReportedShare: t.found ? t.selfReported / t.found : null,
      majorDue: t.majorDue,
      majorClosedOnTime: t.majorOnTime,
      majorOnTimeRate: t.majorDue ? t.majorOnTime / t.majorDue : null,
      overdue: { days1To7: t.d7, days8To30: t.d30, days31To90: t.d90, over90: t.older, total: t.d7 + t.d30 + t.d90 + t.older },
    };
  }
}
