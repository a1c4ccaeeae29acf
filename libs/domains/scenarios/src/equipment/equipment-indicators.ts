import { IndicatorDirection, IndicatorUnit, defineIndicator, records, sql } from '@platform/core';
import { EquipmentRenewalPlans } from './equipment.entities';
import { EquipmentPermission } from './equipment.permissions';
import { renewalOverdueSql } from './equipment.sql';

/** 逾期设备更新计划数: renewal plans of enterprises of the subtree not done after their due day, today (the same list as `equipmentRenewalPlans(filter: { overdue: true })`). */
export const overdueEquipmentRenewals = defineIndicator({
  code: 'scenarios.overdue-equipment-renewals',
  nameZh: '逾期设备更新计划数',
  nameEn: 'Overdue equipment renewal plans',
  description: 'Equipment renewal plans (replace, retrofit, retire) of enterprises of the subtree that are not done and whose due day has passed, today; the period does not narrow it.',
  unit: IndicatorUnit.COUNT,
  direction: IndicatorDirection.LOWER_IS_BETTER,
  permission: EquipmentPermission.Read,
  compute: (ctx, s) =>
    records(ctx, EquipmentRenewalPlans)
      .where(renewalOverdueSql('t', s.today))
      .where(s.inSubtree('t.enterprise_id'))
      .subquery(sql`count(*) AS numerator`),
});

export const equipmentIndicators = [overdueEquipmentRenewals];
