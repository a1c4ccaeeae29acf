import { registerEnumType } from 'type-graphql';

/** How a rule reads its datastreams' observations. */
export enum AlarmRuleKind {
  THRESHOLD = 'THRESHOLD',
  WINDOW_SUM = 'WINDOW_SUM',
  RATE_OF_CHANGE = 'RATE_OF_CHANGE',
  COMBINED = 'COMBINED',
}

/** Which side of the trigger value alarms. */
export enum AlarmComparison {
  AT_LEAST = 'AT_LEAST',
  AT_MOST = 'AT_MOST',
}

/** What raised an alarm. */
export enum AlarmKind {
  RULE = 'RULE',
  STALE = 'STALE',
}

/** Where an alarm stands: TRIGGERED → ACKNOWLEDGED → CONVERTED → CLEARED (CLEARED reachable from each). */
export enum AlarmStatus {
  TRIGGERED = 'TRIGGERED',
  ACKNOWLEDGED = 'ACKNOWLEDGED',
  CONVERTED = 'CONVERTED',
  CLEARED = 'CLEARED',
}

/** What an alarm of a rule is converted into. */
export enum AlarmConversionTarget {
  HAZARD = 'HAZARD',
  WARNING = 'WARNING',
}

/** How an alarm was cleared. */
export enum AlarmClearance {
  CONDITION_ENDED = 'CONDITION_ENDED',
  DATA_RESUMED = 'DATA_RESUMED',
  BY_HAND = 'BY_HAND',
}

/** The open states (one open alarm per rule and datastream). */
export const OPEN_ALARM_STATUSES: readonly AlarmStatus[] = [AlarmStatus.TRIGGERED, AlarmStatus.ACKNOWLEDGED, AlarmStatus.CONVERTED];

registerEnumType(AlarmRuleKind, {
  name: 'AlarmRuleKind',
  description: '报警规则类型。How a rule reads its datastreams\' observations.',
  valuesConfig: {
    THRESHOLD: { description: '阈值。Each reading compared with the trigger value.' },
    WINDOW_SUM: { description: '滑动累计。The sum of the readings in the rolling window (t − N h, t] (1, 3, 6, 12 or 24 hours), e.g. 3-hour rainfall for the 暴雨 signals.' },
    RATE_OF_CHANGE: { description: '变化速率。The reading minus the earliest reading in the rolling window (t − N h, t], e.g. GNSS displacement in 24 hours.' },
    COMBINED: { description: '多传感器联合。How many of the rule\'s datastreams have their latest reading on the alarming side of the trigger value at once; alarms when at least minDatastreams do.' },
  },
});
registerEnumType(AlarmComparison, {
  name: 'AlarmComparison',
  description: '比较方式。Which side of the trigger value alarms.',
  valuesConfig: {
    AT_LEAST: { description: '不低于。Alarms when the value is at least the trigger value; clears below the clear value.' },
    AT_MOST: { description: '不高于。Alarms when the value is at most the trigger value; clears above the clear value.' },
  },
});
registerEnumType(AlarmKind, {
  name: 'AlarmKind',
  description: '报警类别。What raised an alarm.',
  valuesConfig: {
    RULE: { description: '规则报警。A rule\'s condition held for its minimum duration.' },
    STALE: { description: '数据中断。A datastream sent nothing for k × its sampling interval (data health).' },
  },
});
registerEnumType(AlarmStatus, {
  name: 'AlarmStatus',
  description: '报警状态。Where an alarm stands: TRIGGERED → ACKNOWLEDGED → CONVERTED → CLEARED; CLEARED is reachable from each.',
  valuesConfig: {
    TRIGGERED: { description: '已触发。Raised, nobody has acknowledged it yet; escalates along the warnings\' escalation policy.' },
    ACKNOWLEDGED: { description: '已确认。Someone took it in hand.' },
    CONVERTED: { description: '已转处置。Turned into a hazard (risk) or a warning draft (warnings).' },
    CLEARED: { description: '已解除。The condition ended (below the clear value), data resumed, or cleared by hand; final.' },
  },
});
registerEnumType(AlarmConversionTarget, {
  name: 'AlarmConversionTarget',
  description: '转处置方向。What an alarm is converted into.',
  valuesConfig: {
    HAZARD: { description: '隐患。A hazard reported through the risk module (source SENSOR).' },
    WARNING: { description: '预警草稿。A warning draft composed through the warnings module (issued at once when asked and allowed).' },
  },
});
registerEnumType(AlarmClearance, {
  name: 'AlarmClearance',
  description: '解除方式。How an alarm was cleared.',
  valuesConfig: {
    CONDITION_ENDED: { description: '条件消除。The value crossed back past the clear value (hysteresis), or the thing went into maintenance.' },
    DATA_RESUMED: { description: '数据恢复。A stale datastream reported again.' },
    BY_HAND: { description: '人工解除。Cleared by someone, with a reason.' },
  },
});
