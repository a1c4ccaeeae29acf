import { IndicatorDirection, IndicatorUnit, defineIndicator, records, sql } from '@platform/core';
import { Alarms } from './alarms.entities';
import { AlarmPermission } from './alarms.permissions';

/**
 * 超时未确认报警数: alarms of the subtree nobody acknowledged within the minutes of the rule
 * scenarios.alarm-handling in force today (15) after their trigger instant, among those triggered in
 * the period: still TRIGGERED past it, or acknowledged later than it, or converted or cleared
 * without an acknowledgement after it.
 */
export const alarmsUnacknowledged = defineIndicator({
  code: 'scenarios.alarms-unacknowledged',
  nameZh: '超时未确认报警数',
  nameEn: 'Alarms unacknowledged past 15 minutes',
  description: 'Alarms of the subtree triggered in the period that nobody acknowledged within the minutes of scenarios.alarm-handling (15) after their trigger instant: acknowledged later, never acknowledged while open past it, or converted or cleared after it without an acknowledgement.',
  unit: IndicatorUnit.COUNT,
  direction: IndicatorDirection.LOWER_IS_BETTER,
  permission: AlarmPermission.Read,
  compute: (ctx, s) => {
    const minutes = sql`coalesce((SELECT (v.value ->> 'unacknowledgedMinutes')::int FROM business_rule_version v WHERE v.rule_code = 'scenarios.alarm-handling' AND v.effective_from <= ${s.today} AND (v.effective_to IS NULL OR v.effective_to > ${s.today}) ORDER BY v.effective_from DESC LIMIT 1), 15)`;
    return records(ctx, Alarms)
      .where(s.inSubtree('t.organization_id'))
      .where(s.timeWithin('t.triggered_at'))
      .where(sql`coalesce(t.acknowledged_at, t.converted_at, t.cleared_at, ${ctx.clock.now()}) > t.triggered_at + make_interval(mins => ${minutes})`)
      .subquery(sql`count(*) AS numerator`);
  },
});

/** 报警转处置率: alarms of rules triggered in the period that were converted (into a hazard or a warning) ÷ alarms of rules triggered in the period. */
export const alarmsConverted = defineIndicator({
  code: 'scenarios.alarms-converted',
  nameZh: '报警转处置率',
  nameEn: 'Alarms converted into hazards or warnings',
  description: 'Alarms of rules (not STALE) of the subtree triggered in the period that were converted into a hazard or a warning draft, over all such alarms; the alarms query by rule gives the figure per rule. Alarms cleared without conversion approximate false alarms.',
  unit: IndicatorUnit.RATE,
  direction: IndicatorDirection.HIGHER_IS_BETTER,
  permission: AlarmPermission.Read,
  compute: (ctx, s) =>
    records(ctx, Alarms)
      .where(s.inSubtree('t.organization_id'))
      .where(s.timeWithin('t.triggered_at'))
      .where(sql`t.kind = 'RULE'`)
      .subquery(sql`count(*) FILTER (WHERE t.converted_at IS NOT NULL) AS numerator, count(*) AS denominator`),
});

export const alarmIndicators = [alarmsUnacknowledged, alarmsConverted];
