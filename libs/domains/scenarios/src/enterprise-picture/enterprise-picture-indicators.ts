import { IndicatorDirection, IndicatorUnit, defineIndicator, sql } from '@platform/core';
import { EnterprisePicturePermission } from './enterprise-picture.permissions';
import { standingRowsSql } from './enterprise-picture.sql';

/**
 * 红色企业占比: active enterprises of the subtree whose composite status is RED today ÷ all active
 * enterprises of the subtree (the same rows and rule as `enterpriseRedList`). A state: the period
 * does not narrow it.
 */
export const enterprisesRed = defineIndicator({
  code: 'scenarios.enterprises-red',
  nameZh: '红色企业占比',
  nameEn: 'Enterprises with a red safety status',
  description: 'Active enterprises of the subtree whose composite status (企业安全管家, rule scenarios.enterprise-status in force today) is RED today, over all active enterprises of the subtree; the period does not narrow it.',
  unit: IndicatorUnit.RATE,
  direction: IndicatorDirection.LOWER_IS_BETTER,
  permission: EnterprisePicturePermission.Read,
  compute: (ctx, s) =>
    sql`SELECT count(*) FILTER (WHERE g.status = 'RED') AS numerator, count(*) AS denominator
        FROM ${standingRowsSql(ctx, { today: s.today, where: s.inSubtree('o.id') })} g`,
});

export const enterprisePictureIndicators = [enterprisesRed];
