import { z } from 'zod';
import { defineBusinessRule, ruleVersionSeed, type BusinessRuleVersionSeed } from '@platform/core';

/** 整改复查: the days after a rectification deadline (or the enterprise's application) within which the re-inspection is due. */
export const REINSPECTION_RULE = defineBusinessRule({
  code: 'enforcement.reinspection',
  nameZh: '整改复查时限',
  description: 'Days after the rectification deadline of an order to rectify (责令限期整改), or after the enterprise applies for a re-inspection if earlier, within which the re-inspection is due.',
  schema: z.object({
    /** Calendar days after the deadline or the application within which the re-inspection is due. */
    daysAfterDeadline: z.int().min(1).max(90),
  }),
});

export const inspectionBusinessRules = [REINSPECTION_RULE];

export const INSPECTION_RULE_SEEDS: readonly BusinessRuleVersionSeed[] = [
  ruleVersionSeed({
    rule: REINSPECTION_RULE,
    jurisdiction: 'NATIONAL',
    jurisdictionName: '全国',
    documentNumber: '国家安全监管总局令第77号（修订后的《安全生产违法行为行政处罚办法》）',
    documentTitle: '安全生产违法行为行政处罚办法',
    value: { daysAfterDeadline: 10 },
    effectiveFrom: '2015-05-01',
    effectiveTo: '2026-01-31',
    note: '[U] Re-inspection within 10 days of the deadline or the application; article not checked. Replaced by 应急管理部令第18号 from 2026-02-01.',
  }),
  ruleVersionSeed({
    rule: REINSPECTION_RULE,
    jurisdiction: 'NATIONAL',
    jurisdictionName: '全国',
    documentNumber: '应急管理部令第18号',
    documentTitle: '安全生产违法行为行政处罚办法',
    value: { daysAfterDeadline: 10 },
    effectiveFrom: '2026-02-01',
    note: '[U] The order (adopted 2025-11-24, in force 2026-02-01) was not read; the 10 days of the order it replaces are carried over until checked.',
  }),
];
