import { z } from 'zod';
import { defineBusinessRule, ruleVersionSeed, type BusinessRuleVersionSeed } from '@platform/core';

/** Money in yuan with at most two decimals, as text (e.g. "1000000"). */
const YUAN = z.string().regex(/^(0|[1-9][0-9]{0,14})(\.[0-9]{1,2})?$/);

/** 两高 2015 解释 第六条: the figures of an accident at or above which it had "严重后果" (以上 includes the number). */
export const CRIMINAL_THRESHOLDS_RULE = defineBusinessRule({
  code: 'enforcement.criminal-thresholds',
  nameZh: '危害生产安全犯罪立案追诉标准',
  description: 'The figures of an accident at or above which it is flagged for referral to the judicial organs as a suspected crime: deaths, seriously injured, direct economic loss in yuan (each "or more").',
  schema: z.object({
    /** Deaths at or above which a referral is flagged. */
    deaths: z.int().min(1).max(100),
    /** Seriously injured at or above which a referral is flagged. */
    seriouslyInjured: z.int().min(1).max(1000),
    /** Direct economic loss (yuan) at or above which a referral is flagged. */
    directLossYuan: YUAN,
  }),
});

/** 应急〔2019〕54号: the clocks of a referral (decision, transfer, the police's answer) and when to warn before each. */
export const REFERRAL_CLOCKS_RULE = defineBusinessRule({
  code: 'enforcement.referral-clocks',
  nameZh: '行刑衔接移送时限',
  description: 'Clocks of a criminal referral: the agency head decides within decisionDays (calendar days) of the report, the case is transferred within transferHours of the decision, the police answer within policeAnswerDays of the transfer; a warning warnHours before each due time.',
  schema: z.object({
    decisionDays: z.int().min(1).max(30),
    transferHours: z.int().min(1).max(240),
    policeAnswerDays: z.int().min(1).max(60),
    warnHours: z.int().min(0).max(72),
  }),
});

export const referralBusinessRules = [CRIMINAL_THRESHOLDS_RULE, REFERRAL_CLOCKS_RULE];

export const REFERRAL_RULE_SEEDS: readonly BusinessRuleVersionSeed[] = [
  ruleVersionSeed({
    rule: CRIMINAL_THRESHOLDS_RULE,
    jurisdiction: 'NATIONAL',
    jurisdictionName: '全国',
    documentNumber: '法释〔2015〕22号',
    documentTitle: '最高人民法院 最高人民检察院关于办理危害生产安全刑事案件适用法律若干问题的解释',
    article: '第六条第一款',
    value: { deaths: 1, seriouslyInjured: 3, directLossYuan: '1000000' },
    effectiveFrom: '2015-12-16',
    note: '[V] 造成死亡一人以上，或者重伤三人以上；造成直接经济损失一百万元以上。"以上" includes the number.',
  }),
  ruleVersionSeed({
    rule: REFERRAL_CLOCKS_RULE,
    jurisdiction: 'NATIONAL',
    jurisdictionName: '全国',
    documentNumber: '应急〔2019〕54号',
    documentTitle: '安全生产行政执法与刑事司法衔接工作办法',
    value: { decisionDays: 3, transferHours: 24, policeAnswerDays: 3, warnHours: 12 },
    effectiveFrom: '2019-04-16',
    note: '[S] Head decides within 3 days of the report, transfer within 24 hours of the decision, the police answer within 3 days; days counted as calendar days (whether they are working days is not checked [U]); the 12-hour warning is the office\'s choice [U].',
  }),
];
