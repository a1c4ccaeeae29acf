import { z } from 'zod';
import { defineBusinessRule, ruleVersionSeed, type BusinessRuleVersionSeed } from '@platform/core';

/**
 * 行政处罚案件时限: the legal clocks of a penalty case (行政处罚法 2021). A case stores the version in
 * force on its filing day and keeps it (`PenaltyCase.clockRuleVersionId`).
 */
export const CASE_CLOCKS_RULE = defineBusinessRule({
  code: 'enforcement.case-clocks',
  nameZh: '行政处罚案件时限',
  description: 'The legal clocks of an administrative penalty case: days to decide after filing (and the internal target), working days to request a hearing after the notice, working days of notice before a hearing, working days to serve the decision, days to pay, the late-payment surcharge, the limitation years and the days of warning before each deadline.',
  schema: z.object({
    /** Calendar days from filing within which the decision is due (行政处罚法 第六十条), suspensions and an approved extension added. */
    decisionDays: z.int().min(1).max(365),
    /** The office's internal target in calendar days from filing (not a legal date). */
    targetDays: z.int().min(1).max(365),
    /** Working days after the notice (告知) within which the party may request a hearing (第六十四条 (一)). */
    hearingRequestWorkingDays: z.int().min(1).max(60),
    /** Working days at least between notifying the party of a hearing and its date (第六十四条 (二)). */
    hearingNoticeWorkingDays: z.int().min(1).max(60),
    /** Working days after the decision within which it is served (第六十一条). */
    serviceWorkingDays: z.int().min(1).max(60),
    /** Calendar days after service within which a fine is paid (第六十七条). */
    paymentDays: z.int().min(1).max(365),
    /** Late-payment surcharge in percent of the fine per day (第七十二条 (一)). */
    surchargePercentPerDay: z.number().min(0).max(100),
    /** Years after the act ended beyond which it is no longer punished (第三十六条). */
    limitationYears: z.int().min(1).max(20),
    /** The same where life and health were harmed (第三十六条). */
    limitationYearsHarm: z.int().min(1).max(20),
    /** Days before a deadline from which a case is warned of it. */
    warnDaysBefore: z.int().min(0).max(60),
  }),
});

export type CaseClocks = z.infer<typeof CASE_CLOCKS_RULE.schema>;

export const caseBusinessRules = [CASE_CLOCKS_RULE];

const CLOCKS_2021: CaseClocks = {
  decisionDays: 90,
  targetDays: 60,
  hearingRequestWorkingDays: 5,
  hearingNoticeWorkingDays: 7,
  serviceWorkingDays: 7,
  paymentDays: 15,
  surchargePercentPerDay: 3,
  limitationYears: 2,
  limitationYearsHarm: 5,
  warnDaysBefore: 3,
};

export const CASE_RULE_SEEDS: readonly BusinessRuleVersionSeed[] = [
  ruleVersionSeed({
    rule: CASE_CLOCKS_RULE,
    jurisdiction: 'NATIONAL',
    jurisdictionName: '全国',
    documentNumber: '中华人民共和国主席令第七十号',
    documentTitle: '中华人民共和国行政处罚法（2021年修订）',
    article: '第三十六条、第六十条、第六十一条、第六十四条、第六十七条、第七十二条',
    value: CLOCKS_2021,
    effectiveFrom: '2021-07-15',
    effectiveTo: '2026-01-31',
    note: '[V] 90 days to decide (第六十条), 5 days to request a hearing and 7 days of notice before it (第六十四条), 7 days to serve (第六十一条 with 民事诉讼法), 15 days to pay (第六十七条), 3% a day surcharge (第七十二条), 2/5 years limitation (第三十六条). [S] targetDays 60 and warnDaysBefore 3 are the office\'s own settings.',
  }),
  ruleVersionSeed({
    rule: CASE_CLOCKS_RULE,
    jurisdiction: 'NATIONAL',
    jurisdictionName: '全国',
    documentNumber: '应急管理部令第18号',
    documentTitle: '安全生产违法行为行政处罚办法',
    value: CLOCKS_2021,
    effectiveFrom: '2026-02-01',
    note: '[U] The order (in force 2026-02-01) was not read; the values of 行政处罚法 2021 are carried over until checked.',
  }),
];
