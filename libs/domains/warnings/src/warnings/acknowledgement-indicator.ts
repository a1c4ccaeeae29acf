import { IndicatorDirection, IndicatorUnit, defineIndicator, records, sql } from '@platform/core';
import { WarningDeliveries } from '../warnings.entities';
import { WarningPermission } from '../permissions';
import { OWED_DELIVERY } from './warning-figures.sql';
import { acknowledgedDelivery } from './warning.loaders';

/**
 * 预警叫应率: of the deliveries made in the period to organizations in the subtree (cancelled ones left
 * out, as `warningFigures` does), the share acknowledged. The same figure as `ackRate` there.
 */
export const warningAcknowledgementRate = defineIndicator({
  code: 'warnings.acknowledgement-rate',
  nameZh: '预警叫应率',
  nameEn: 'Warning acknowledgement rate',
  description: 'Warning deliveries made in the period (by China day, cancelled ones left out) that the responsible person acknowledged, over all those deliveries.',
  unit: IndicatorUnit.RATE,
  direction: IndicatorDirection.HIGHER_IS_BETTER,
  permission: WarningPermission.WarningRead,
  compute: (ctx, s) =>
    records(ctx, WarningDeliveries)
      .where(sql`${OWED_DELIVERY} AND ${s.timeWithin('t.delivered_at')}`)
      .where(s.inSubtree('t.organization_id'))
      .subquery(sql`count(*) FILTER (WHERE ${acknowledgedDelivery('t')}) AS numerator, count(*) AS denominator`),
});
