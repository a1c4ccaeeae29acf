import { IndicatorDirection, IndicatorUnit, defineIndicator, sql } from '@platform/core';
import { PreparednessPermission } from '../permissions';
import { APPLYING_RULE, assessedOrganizations, qualifyingDrills, rulePeriods } from './drill-compliance.sql';

/**
 * 演练达标率 (town targets 2025: villages and enterprises at least one drill a year, high-risk
 * enterprises one every half year; the drill rules hold them): every requirement period (a rule's year
 * or half year) of an organization in the subtree that ENDS in the period is one requirement due; it
 * is met when the qualifying drills held in it reach the rule's minimum. The same rules, periods and
 * counts as `drillCompliance`.
 */
export const drillComplianceRate = defineIndicator({
  code: 'preparedness.drill-compliance',
  nameZh: '应急演练达标率',
  nameEn: 'Drill requirements met',
  description: 'Drill requirement periods (a rule\'s year or half year, per organization the rule applies to) ending in the period in which the required qualifying drills were held, over all requirement periods ending in the period.',
  unit: IndicatorUnit.RATE,
  direction: IndicatorDirection.HIGHER_IS_BETTER,
  permission: PreparednessPermission.PlanRead,
  compute: (ctx, s) => sql`
    SELECT count(*) FILTER (WHERE c.held >= rule.min_drills) AS numerator, count(*) AS denominator
      FROM ${assessedOrganizations(ctx, s.inSubtree('t.id'))}
      ${APPLYING_RULE}
      CROSS JOIN generate_series(CAST(extract(year FROM ${s.from}) AS int), CAST(extract(year FROM ${s.to} - 1) AS int)) AS y(year)
      CROSS JOIN LATERAL (SELECT s.* FROM ${rulePeriods(sql`y.year`)}) s
      CROSS JOIN LATERAL ${qualifyingDrills(ctx)} c
     WHERE ${s.dayWithin('s.ends_on')}`,
});
