import { Args, Ctx, Query, Resolver } from 'type-graphql';
import { BadUserInputError, RequirePermission, localDaySql, type RequestContext } from '@platform/core';
import { HazardIndicatorArgs, HazardIndicators, type HazardCount } from './hazard-indicators.types';
import { OVERDUE_SQL, scopedHazards } from '../hazards/hazard.service';
import { withinSubtreeSql } from '@platform/directory';
import { RiskPermission } from '../permissions';


@Resolver(() => HazardIndicators)
export class HazardIndicatorsResolver {
  @Query(() => HazardIndicators, { description: '隐患指标。Counts by grade and state, self-report share, on-time rectification of major hazards and overdue ageing, for a period and subtree in your scope.' })
  @RequirePermission(RiskPermission.HazardRead)
  async hazardIndicators(@Ctx() ctx: RequestContext, @Args(() => HazardIndicatorArgs) args: HazardIndicatorArgs): Promise<HazardIndicators> {
    if (args.from >= args.to) throw BadUserInputError.field('to', 'afterFrom', 'must be after from.');
    const base = () => {
      const qb = scopedHazards(ctx);
      if (args.withinSubtreeOf) {
        qb.andWhere(withinSubtreeSql('h.organization_id'), { subtreeRoot: args.withinSubtreeOf });
      }
      return qb.setParameters({ from: args.from, to: args.to, today: ctx.clock.today() });
    };
    const foundInPeriod = `${localDaySql('h.found_at')} >= CAST(:from AS date) AND ${localDaySql('h.found_at')} < CAST(:to AS date)`;
    const [groups, totals] = await Promise.all([
      base()
        .andWhere(foundInPeriod)
        .select('h.grade', 'grade')
        .addSelect('h.status', 'status')
        .addSelect('count(*)::int', 'count')
        .groupBy('h.grade')
        .addGroupBy('h.status')
        .orderBy('h.status')
        .addOrderBy('h.grade')
        .getRawMany<HazardCount>(),
      base()
        .select(`count(*) FILTER (WHERE ${foundInPeriod} AND h.status <> 'REJECTED')::int`, 'found')
        .addSelect(`count(*) FILTER (WHERE ${foundInPeriod} AND h.status <> 'REJECTED' AND h.source = 'SELF_CHECK')::int`, 'self_reported')
        .addSelect(`count(*) FILTER (WHERE h.grade = 'MAJOR' AND h.deadline >= CAST(:from AS date) AND h.deadline < CAST(:to AS date))::int`, 'major_due')
        .addSelect(
          `count(*) FILTER (WHERE h.grade = 'MAJOR' AND h.deadline >= CAST(:from AS date) AND h.deadline < CAST(:to AS date) AND h.status = 'CLOSED' AND ${localDaySql('h.closed_at')} <= h.deadline)::int`,
          'major_on_time',
        )
        .addSelect(`count(*) FILTER (WHERE ${OVERDUE_SQL('h')} AND CAST(:today AS date) - h.deadline BETWEEN 1 AND 7)::int`, 'd7')
        .addSelect(`count(*) FILTER (WHERE ${OVERDUE_SQL('h')} AND CAST(:today AS date) - h.deadline BETWEEN 8 AND 30)::int`, 'd30')
        .addSelect(`count(*) FILTER (WHERE ${OVERDUE_SQL('h')} AND CAST(:today AS date) - h.deadline BETWEEN 31 AND 90)::int`, 'd90')
        .addSelect(`count(*) FILTER (WHERE ${OVERDUE_SQL('h')} AND CAST(:today AS date) - h.deadline > 90)::int`, 'older')
        .getRawOne<Record<string, number>>(),
    ]);
    const t = totals!;
    return {
      byGradeAndStatus: groups,
      found: t['found']!,
      selfReported: t['self_reported']!,
      selfReportedShare: t['found'] ? t['self_reported']! / t['found'] : null,
      majorDue: t['major_due']!,
      majorClosedOnTime: t['major_on_time']!,
      majorOnTimeRate: t['major_due'] ? t['major_on_time']! / t['major_due'] : null,
      overdue: { days1To7: t['d7']!, days8To30: t['d30']!, days31To90: t['d90']!, over90: t['older']!, total: t['d7']! + t['d30']! + t['d90']! + t['older']! },
    };
  }
}
