import { IndicatorDirection, IndicatorUnit, defineIndicator, records, sql } from '@platform/core';
import { Datastreams } from '../sensors/public';
import { DataHealthPermission } from './health.permissions';

/**
 * 监测数据及时率: active datastreams of the subtree with a reading within k × their sampling interval
 * (rule scenarios.data-health in force today) before now ÷ active datastreams; a state (the period
 * does not narrow it). The complement is what the STALE alarms report.
 */
export const sensorsReporting = defineIndicator({
  code: 'scenarios.sensors-reporting',
  nameZh: '监测数据及时率',
  nameEn: 'Sensors reporting within their interval',
  description: 'Active datastreams of the subtree whose latest reading lies within k × their sampling interval before now (k of scenarios.data-health, 3), over all active datastreams of the subtree; the period does not narrow it.',
  unit: IndicatorUnit.RATE,
  direction: IndicatorDirection.HIGHER_IS_BETTER,
  permission: DataHealthPermission.Read,
  compute: (ctx, s) => {
    const now = ctx.clock.now();
    const k = sql`coalesce((SELECT (v.value ->> 'staleFactor')::int FROM business_rule_version v WHERE v.rule_code = 'scenarios.data-health' AND v.effective_from <= ${s.today} AND (v.effective_to IS NULL OR v.effective_to > ${s.today}) ORDER BY v.effective_from DESC LIMIT 1), 3)`;
    const reporting = sql`EXISTS (SELECT 1 FROM sensor_observation o WHERE o.datastream_id = t.id AND o.phenomenon_time <= ${now} AND o.phenomenon_time > CAST(${now} AS timestamptz) - make_interval(secs => t.sampling_interval_seconds * ${k}))`;
    return records(ctx, Datastreams, DataHealthPermission.Read)
      .where(sql`t.status = 'ACTIVE'`)
      .where(s.inSubtree('t.organization_id'))
      .subquery(sql`count(*) FILTER (WHERE ${reporting}) AS numerator, count(*) AS denominator`);
  },
});

export const healthIndicators = [sensorsReporting];
