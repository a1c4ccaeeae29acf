import { z } from 'zod';
import { defineBusinessRule, ruleVersionSeed, type BusinessRuleVersionSeed } from '@platform/core';

/**
 * Data health: a datastream is stale when it sent nothing for `staleFactor` × its sampling interval
 * (a gap); a gap of an operating enterprise's monitoring lasting `leadMinimumMinutes` or more is an
 * enforcement lead (刑法 第一百三十四条之一), as is any reading flagged as tampered.
 */
export const DATA_HEALTH_RULE = defineBusinessRule({
  code: 'scenarios.data-health',
  nameZh: '监测数据健康判定',
  description: 'k, the multiple of a datastream\'s sampling interval without data from which it is stale (a gap, a STALE alarm), and the minutes a gap of an operating enterprise\'s monitoring must last to be an enforcement lead.',
  schema: z.object({
    /** k: stale after k × the sampling interval without data. */
    staleFactor: z.int().min(2).max(100),
    /** A gap of an operating enterprise's monitoring this long or longer is an enforcement lead. */
    leadMinimumMinutes: z.int().min(1).max(10080),
  }),
});

export const healthBusinessRules = [DATA_HEALTH_RULE];

export type DataHealthRule = z.infer<typeof DATA_HEALTH_RULE.schema>;

export const HEALTH_RULE_SEEDS: readonly BusinessRuleVersionSeed[] = [
  ruleVersionSeed({
    rule: DATA_HEALTH_RULE,
    jurisdiction: 'TOWN',
    jurisdictionName: '南平镇',
    documentNumber: '南平镇应急办〔2026〕监测预警处置规程',
    documentTitle: '南平镇监测预警报警处置规程',
    value: { staleFactor: 3, leadMinimumMinutes: 60 },
    effectiveFrom: '2026-01-01',
    note: '[U] k = 3 and the 60-minute lead threshold are the town\'s choice; 刑法 第一百三十四条之一 makes closing or damaging monitoring equipment, or tampering with, hiding or destroying its data, with real danger, a crime (危险作业罪): the lead is for an inspector to look into, not a finding.',
  }),
];
