import { z } from 'zod';
import { defineBusinessRule, ruleVersionSeed, type BusinessRuleVersionSeed } from '@platform/core';

const MONTH_DAY = z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$/);

/** When the campaign kinds of publicity are held: an activity of such a kind outside its period is refused. */
export const PUBLICITY_CALENDAR_RULE = defineBusinessRule({
  code: 'reporting.publicity-calendar',
  nameZh: '安全宣传活动时间',
  description: 'When the campaign kinds of safety publicity are held: the month of 安全生产月 and of 消防宣传月, and the day of 防灾减灾日 (MM-DD) with the days either side that still count (the publicity week).',
  schema: z.object({
    safetyMonth: z.int().min(1).max(12),
    fireSafetyMonth: z.int().min(1).max(12),
    disasterPreventionDay: MONTH_DAY,
    disasterPreventionWindowDays: z.int().min(0).max(15),
  }),
});

export type PublicityCalendar = { readonly safetyMonth: number; readonly fireSafetyMonth: number; readonly disasterPreventionDay: string; readonly disasterPreventionWindowDays: number };

export const publicityBusinessRules = [PUBLICITY_CALENDAR_RULE];

export const PUBLICITY_RULE_SEEDS: readonly BusinessRuleVersionSeed[] = [
  ruleVersionSeed({
    rule: PUBLICITY_CALENDAR_RULE,
    jurisdiction: 'NATIONAL',
    jurisdictionName: '全国',
    documentNumber: '国务院安委会 安全生产月 / 国务院 防灾减灾日 / 应急管理部 消防宣传月',
    value: { safetyMonth: 6, fireSafetyMonth: 11, disasterPreventionDay: '05-12', disasterPreventionWindowDays: 3 },
    effectiveFrom: '2009-05-12',
    note: '[U, common knowledge] 安全生产月 in June, 防灾减灾日 on May 12 (since 2009) with its publicity week, 消防宣传月 in November (119 on November 9). The 3 days either side of May 12 are the office\'s choice; editable.',
  }),
];
