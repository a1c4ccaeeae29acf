import { IndicatorDirection, IndicatorUnit, defineIndicator, records, sql } from '@platform/core';
import { DutyItems } from './duties.entities';
import { DutyPermission } from './duties.permissions';
import { itemActedWithin, itemOfListInForce } from './duty-ledger.sql';

/**
 * 职责清单履职覆盖率: of the duties on the signed lists in force of the period's years (the newest signed
 * revision of each official's year), the share with at least one action recorded in the period, by
 * the organization of the officials' positions.
 */
export const dutyListCoverage = defineIndicator({
  code: 'responsibility.duty-list-coverage',
  nameZh: '职责清单履职覆盖率',
  nameEn: 'Duty-list coverage',
  description:
    'Duty items with at least one action recorded in the period, over all items of the signed duty lists in force (the newest signed revision of each official\'s year) of the years the period covers, by the organization of the officials\' positions.',
  unit: IndicatorUnit.RATE,
  direction: IndicatorDirection.HIGHER_IS_BETTER,
  permission: DutyPermission.Read,
  compute: (ctx, s) =>
    records(ctx, DutyItems)
      .where(itemOfListInForce('t', {}, sql`CAST(EXTRACT(YEAR FROM ${s.from}) AS int)`, sql`CAST(EXTRACT(YEAR FROM ${s.to} - 1) AS int)`, s.inSubtree('l.organization_id')))
      .subquery(sql`count(*) FILTER (WHERE ${itemActedWithin('t', s.from, sql`${s.to} - 1`)}) AS numerator, count(*) AS denominator`),
});
