import { z } from 'zod';
import { defineBusinessRule, ruleVersionSeed, type BusinessRuleVersionSeed } from '@platform/core';

/** 较大数额罚款: the fine at or above which the party may request a hearing (行政处罚法 第六十三条); each province sets it. */
export const HEARING_THRESHOLD_RULE = defineBusinessRule({
  code: 'enforcement.hearing-threshold',
  nameZh: '听证较大数额罚款标准',
  description: 'The fine in yuan at or above which a penalty counts as a large fine (较大数额罚款) and the party may request a hearing, for a unit (法人或者其他组织) and for a person (公民).',
  schema: z.object({
    /** Fine in yuan on a unit at or above which a hearing may be requested. */
    unitFineYuan: z.number().int().min(0).max(100_000_000),
    /** Fine in yuan on a person at or above which a hearing may be requested. */
    personFineYuan: z.number().int().min(0).max(100_000_000),
  }),
});

export const itemBusinessRules = [HEARING_THRESHOLD_RULE];

export const ITEM_RULE_SEEDS: readonly BusinessRuleVersionSeed[] = [
  ruleVersionSeed({
    rule: HEARING_THRESHOLD_RULE,
    jurisdiction: 'PROVINCE',
    jurisdictionName: '重庆市',
    documentNumber: '重庆市安全生产行政处罚听证标准（文号未核实）',
    documentTitle: '安全生产行政处罚较大数额罚款标准',
    article: '行政处罚法 第六十三条',
    value: { unitFineYuan: 50_000, personFineYuan: 20_000 },
    effectiveFrom: '2021-07-15',
    note: '[U] The old default of ≥ 2万 for a person and ≥ 5万 for a unit; 应急管理部令第18号 (in force 2026-02-01) may change it and was not read. Replace with the province\'s published figure.',
  }),
];
