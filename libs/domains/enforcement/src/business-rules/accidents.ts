import { z } from 'zod';
import { defineBusinessRule, ruleVersionSeed, type BusinessRuleVersionSeed } from '@platform/core';

/** A decimal amount of yuan with at most 2 decimals, as text. */
const yuan = z.string().regex(/^\d{1,12}(\.\d{1,2})?$/);

/** The lower bound of one grade: deaths, seriously injured and direct loss at or above which ("以上") an accident is of that grade. */
const band = z.object({ deaths: z.int().min(1), seriouslyInjured: z.int().min(1), directLossYuan: yuan });

/**
 * 事故等级 (国务院令第493号 第三条): the lower bounds of 特别重大, 重大 and 较大 accidents; below the
 * 较大 bounds an accident is 一般. "以上" includes the bound, "以下" excludes it. With the re-grading
 * window (第十三条): casualty changes within these days of the accident re-grade it; after them the grade holds.
 */
export const ACCIDENT_GRADE_RULE = defineBusinessRule({
  code: 'enforcement.accident-grades',
  nameZh: '生产安全事故等级标准',
  description: 'Lower bounds (inclusive) of deaths, serious injuries (acute industrial poisoning included) and direct economic loss of the extraordinarily serious, serious and larger grades; below the larger bounds an accident is ordinary. Casualty changes reported within the re-grading window (days after the accident; a shorter one for road traffic and fire) re-grade it.',
  schema: z.object({
    extraordinarilySerious: band,
    serious: band,
    larger: band,
    /** Days after the accident within which casualty changes re-grade it (第十三条: 30). */
    regradeWindowDays: z.int().min(1).max(365),
    /** The same for road traffic accidents and fires (第十三条: 7). */
    regradeWindowDaysRoadTrafficFire: z.int().min(1).max(365),
  }),
});

/**
 * 事故报告与调查时限 (国务院令第493号 第九、二十九、三十二条): the unit's report to the county within
 * `reportWithinMinutes` of the accident, the investigation report within `reportDays` (+ one extension
 * up to `reportExtensionMaxDays` with approval), the reply (批复) within `replyDays` of the report
 * (特别重大: `replyDaysExtraordinary`, + up to `replyExtensionMaxDays`), warnings `warnDaysBefore`.
 */
export const ACCIDENT_CLOCK_RULE = defineBusinessRule({
  code: 'enforcement.accident-investigation-clocks',
  nameZh: '事故报告和调查处理时限',
  description: 'Minutes within which the unit reports an accident to the county; calendar days for the investigation report (with one extension), for the reply to it (longer for extraordinarily serious accidents, with one extension), and the days before each due day a warning shows.',
  schema: z.object({
    reportWithinMinutes: z.int().min(1).max(1440),
    reportDays: z.int().min(1).max(365),
    reportExtensionMaxDays: z.int().min(0).max(365),
    replyDays: z.int().min(1).max(365),
    replyDaysExtraordinary: z.int().min(1).max(365),
    replyExtensionMaxDays: z.int().min(0).max(365),
    warnDaysBefore: z.int().min(0).max(60),
  }),
});

export const accidentBusinessRules = [ACCIDENT_GRADE_RULE, ACCIDENT_CLOCK_RULE];

export const ACCIDENT_RULE_SEEDS: readonly BusinessRuleVersionSeed[] = [
  ruleVersionSeed({
    rule: ACCIDENT_GRADE_RULE,
    jurisdiction: 'NATIONAL',
    jurisdictionName: '全国',
    documentNumber: '国务院令第493号',
    documentTitle: '生产安全事故报告和调查处理条例',
    article: '第三条、第十三条',
    value: {
      extraordinarilySerious: { deaths: 30, seriouslyInjured: 100, directLossYuan: '100000000' },
      serious: { deaths: 10, seriouslyInjured: 50, directLossYuan: '50000000' },
      larger: { deaths: 3, seriouslyInjured: 10, directLossYuan: '10000000' },
      regradeWindowDays: 30,
      regradeWindowDaysRoadTrafficFire: 7,
    },
    effectiveFrom: '2007-06-01',
    note: '[V] 第三条: 特别重大 30人以上死亡/100人以上重伤/1亿元以上; 重大 10–30/50–100/5000万–1亿; 较大 3–10/10–50/1000万–5000万; 一般 below. "以上"包括本数，"以下"不包括本数. 第十三条: 伤亡人数自事故发生之日起30日内（道路交通事故、火灾事故7日内）发生变化的应当及时补报.',
  }),
  ruleVersionSeed({
    rule: ACCIDENT_CLOCK_RULE,
    jurisdiction: 'NATIONAL',
    jurisdictionName: '全国',
    documentNumber: '国务院令第493号',
    documentTitle: '生产安全事故报告和调查处理条例',
    article: '第九条、第二十九条、第三十二条',
    value: { reportWithinMinutes: 60, reportDays: 60, reportExtensionMaxDays: 60, replyDays: 15, replyDaysExtraordinary: 30, replyExtensionMaxDays: 30, warnDaysBefore: 10 },
    effectiveFrom: '2007-06-01',
    note: '[V] 第九条: 单位负责人1小时内报告县级以上应急管理部门; 第二十九条: 调查报告60日内提交，特殊情况经批准可延长，最长不超过60日; 第三十二条: 15日内批复，特别重大30日，特殊情况可延长不超过30日. warnDaysBefore 10 is the platform\'s choice [U].',
  }),
];
