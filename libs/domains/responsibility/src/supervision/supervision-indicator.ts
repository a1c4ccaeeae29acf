import { IndicatorDirection, IndicatorUnit, defineIndicator, records, sql } from '@platform/core';
import { SupervisionActions } from './supervision.entities';
import { SupervisionPermission } from './supervision.permissions';

/**
 * 督办按期闭环率: of the supervision actions whose deadline for closing falls in the period, the share
 * closed on or before it (escalated and still open ones count as not closed), by addressee organization.
 */
export const supervisionOnTimeClosure = defineIndicator({
  code: 'responsibility.supervision-on-time-closure',
  nameZh: '督办按期闭环率',
  nameEn: 'Supervision actions closed on time',
  description: 'Supervision actions (通报, 督促函, 约谈, 挂牌督办) closed on or before their deadline for closing (the extended one when an extension was approved), over all actions whose deadline falls in the period.',
  unit: IndicatorUnit.RATE,
  direction: IndicatorDirection.HIGHER_IS_BETTER,
  permission: SupervisionPermission.Read,
  compute: (ctx, s) =>
    records(ctx, SupervisionActions)
      .where(s.dayWithin('t.due_on'))
      .where(s.inSubtree('t.addressee_organization_id'))
      .subquery(sql`count(*) FILTER (WHERE t.closed_on IS NOT NULL AND t.closed_on <= t.due_on) AS numerator, count(*) AS denominator`),
});
