import { z } from 'zod';
import { defineBusinessRule, ruleVersionSeed, type BusinessRuleVersionSeed } from '@platform/core';

/** 特种作业操作证: how long a certificate is valid, how often it is reviewed and when the holder must apply. */
export const SPECIAL_OPERATION_CERTIFICATE_RULE = defineBusinessRule({
  code: 'enforcement.special-operation-certificate',
  nameZh: '特种作业操作证有效期与复审',
  description: 'Validity of a special-operation certificate in years, the review (复审) interval in years, the longer interval for holders with enough continuous years in the trade without violations (and how many), and the window in days before a due date in which the holder applies and the certificate is listed as due.',
  schema: z.object({
    /** Years a certificate is valid from its issue day. */
    validYears: z.int().min(1).max(20),
    /** Years between reviews. */
    reviewIntervalYears: z.int().min(1).max(20),
    /** Years between reviews for a holder with ten or more continuous years in the trade and no violations (with approval). */
    extendedReviewIntervalYears: z.int().min(1).max(20),
    /** Continuous years in the trade (without violations) a holder needs for the extended interval. */
    extendedReviewMinYearsInTrade: z.int().min(0).max(60),
    /** Days before expiry or a review due day in which the holder applies (and the certificate is listed as due). */
    dueWindowDays: z.int().min(1).max(366),
  }),
});

export const certificateBusinessRules = [SPECIAL_OPERATION_CERTIFICATE_RULE];

export const CERTIFICATE_RULE_SEEDS: readonly BusinessRuleVersionSeed[] = [
  ruleVersionSeed({
    rule: SPECIAL_OPERATION_CERTIFICATE_RULE,
    jurisdiction: 'NATIONAL',
    jurisdictionName: '全国',
    documentNumber: '国家安全监管总局令第30号',
    documentTitle: '特种作业人员安全技术培训考核管理规定',
    article: '第二十一条、第二十二条',
    value: { validYears: 6, reviewIntervalYears: 3, extendedReviewIntervalYears: 6, extendedReviewMinYearsInTrade: 10, dueWindowDays: 60 },
    effectiveFrom: '2010-07-01',
    note: '[S] Valid 6 years, reviewed every 3 years; every 6 years for ten or more continuous years in the trade without violations, with approval; apply within 60 days before (重庆 district Q&A cqspb.gov.cn t20240702_13341165). The order\'s own text was not read.',
  }),
];
