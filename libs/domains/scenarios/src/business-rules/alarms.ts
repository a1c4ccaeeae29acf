import { z } from 'zod';
import { defineBusinessRule, ruleVersionSeed, type BusinessRuleVersionSeed } from '@platform/core';

/**
 * How the town handles alarms: after how many minutes an alarm nobody acknowledged counts as
 * unacknowledged in the indicator (the escalation itself follows the warnings' escalation policy of
 * the alarm's level).
 */
export const ALARM_HANDLING_RULE = defineBusinessRule({
  code: 'scenarios.alarm-handling',
  nameZh: '监测报警处置时限',
  description: 'Minutes after its trigger instant from which an alarm nobody acknowledged counts as unacknowledged (the indicator scenarios.alarms-unacknowledged).',
  schema: z.object({
    /** Minutes after triggering; 15 by the town's practice. */
    unacknowledgedMinutes: z.int().min(1).max(1440),
  }),
});

export const alarmBusinessRules = [ALARM_HANDLING_RULE];

export type AlarmHandling = z.infer<typeof ALARM_HANDLING_RULE.schema>;

export const ALARM_RULE_SEEDS: readonly BusinessRuleVersionSeed[] = [
  ruleVersionSeed({
    rule: ALARM_HANDLING_RULE,
    jurisdiction: 'TOWN',
    jurisdictionName: '南平镇',
    documentNumber: '南平镇应急办〔2026〕监测预警处置规程',
    documentTitle: '南平镇监测预警报警处置规程',
    value: { unacknowledgedMinutes: 15 },
    effectiveFrom: '2026-01-01',
    note: '[U] The 15 minutes are the town\'s choice (the issue\'s indicator: alarms unacknowledged past 15 minutes).',
  }),
];
