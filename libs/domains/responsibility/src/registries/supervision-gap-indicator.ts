import { IndicatorDirection, IndicatorUnit, defineIndicator, records, sql } from '@platform/core';
import { Organizations } from '@platform/directory';
import { RegistriesPermission } from './registries.permissions';
import { uncoveredEnterprise } from './supervision-map.service';

/**
 * 监管空白企业数: the active enterprises in the subtree whose sector no department supervises there
 * today (the same rule as `supervisionGaps`). A state, not a flow: the period does not narrow it.
 */
export const supervisionGapCount = defineIndicator({
  code: 'responsibility.supervision-gaps',
  nameZh: '监管空白企业数',
  nameEn: 'Enterprises no department supervises',
  description: 'Active enterprises in the subtree whose industry sector no supervision assignment in force today covers at their place in the tree (the same list as supervisionGaps); the period does not narrow it.',
  unit: IndicatorUnit.COUNT,
  direction: IndicatorDirection.LOWER_IS_BETTER,
  permission: RegistriesPermission.Read,
  compute: (ctx, s) => records(ctx, Organizations, RegistriesPermission.Read).where(uncoveredEnterprise(ctx)).where(s.inSubtree('t.id')).subquery(sql`count(*) AS numerator`),
});
