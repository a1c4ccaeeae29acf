import { IndicatorDirection, IndicatorUnit, defineIndicator, localDaySql, raw, records, sql, type Sql } from '@platform/core';
import { Hazards } from '../risk.entities';
import { RiskPermission } from '../permissions';

/** A major hazard (重大事故隐患) whose rectification deadline falls in [from, to): one due in the period (over alias `t`). */
export const majorHazardDue = (from: Sql, to: Sql): Sql => sql`t.grade = 'MAJOR' AND t.deadline >= ${from} AND t.deadline < ${to}`;

/** A hazard closed (verified) on or before its deadline, by China days (over alias `t`). */
export const closedByDeadline: Sql = sql`t.status = 'CLOSED' AND ${raw(localDaySql('t.closed_at'))} <= t.deadline`;

/**
 * 重大事故隐患按期整改率 (a town target of 2025: 100 %): of the major hazards due in the period, the
 * share closed by their deadline. The same figure as `hazardIndicators.majorOnTimeRate`.
 */
export const majorHazardOnTimeRectification = defineIndicator({
  code: 'risk.major-hazard-on-time-rectification',
  nameZh: '重大事故隐患按期整改率',
  nameEn: 'Major hazards rectified on time',
  description: 'Major hazards whose rectification deadline falls in the period and that were verified closed on or before it, over all major hazards due in the period.',
  unit: IndicatorUnit.RATE,
  direction: IndicatorDirection.HIGHER_IS_BETTER,
  permission: RiskPermission.HazardRead,
  compute: (ctx, s) =>
    records(ctx, Hazards, RiskPermission.HazardRead)
      .where(majorHazardDue(s.from, s.to))
      .where(s.inSubtree('t.organization_id'))
      .subquery(sql`count(*) FILTER (WHERE ${closedByDeadline}) AS numerator, count(*) AS denominator`),
});
