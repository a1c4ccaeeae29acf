import { z } from 'zod';
import { defineBusinessRule, ruleVersionSeed, type BusinessRuleVersionSeed } from '@platform/core';
import { HEARING_THRESHOLD_RULE } from './items';

/** 当场处罚 (简易程序, 行政处罚法 第五十一、五十二条): the most a fine decided on the spot may be, and the days to file it with the agency. */
export const ON_THE_SPOT_LIMITS_RULE = defineBusinessRule({
  code: 'enforcement.on-the-spot-limits',
  nameZh: '当场处罚限额',
  description: 'The greatest fine in yuan an enforcer may decide on the spot for a citizen and for an organization, the least number of certified enforcers present, and the calendar days within which the decision is filed with the agency (备案).',
  schema: z.object({
    /** Greatest on-the-spot fine on a citizen, in yuan (inclusive). */
    citizenFineYuan: z.number().int().min(0).max(100_000),
    /** Greatest on-the-spot fine on an organization, in yuan (inclusive). */
    organizationFineYuan: z.number().int().min(0).max(1_000_000),
    /** Least enforcers with valid certificates present. */
    minEnforcers: z.int().min(1).max(5),
    /** Calendar days after the decision within which it is filed with the agency. */
    filingDays: z.int().min(0).max(60),
  }),
});

/** 首违不罚 (行政处罚法 第三十三条): how far back an earlier penalty of the same item makes an offence not the first. */
export const FIRST_OFFENCE_RULE = defineBusinessRule({
  code: 'enforcement.first-offence',
  nameZh: '首违不罚认定期间',
  description: 'The years before a case\'s filing day within which an earlier penalty decision or on-the-spot penalty on the same party for the same item makes the offence not a first one.',
  schema: z.object({
    /** Years looked back from the filing day. */
    lookbackYears: z.int().min(1).max(10),
  }),
});

// The late-payment surcharge (3 %/day, 第七十二条) is part of the case clocks (enforcement.case-clocks), which a case keeps.
export const penaltyBusinessRules = [ON_THE_SPOT_LIMITS_RULE, FIRST_OFFENCE_RULE];

export const PENALTY_RULE_SEEDS: readonly BusinessRuleVersionSeed[] = [
  ruleVersionSeed({
    rule: ON_THE_SPOT_LIMITS_RULE,
    jurisdiction: 'NATIONAL',
    jurisdictionName: '全国',
    documentNumber: '中华人民共和国主席令第七十号',
    documentTitle: '中华人民共和国行政处罚法（2021年修订）',
    article: '第五十一条、第五十二条、第四十二条',
    value: { citizenFineYuan: 200, organizationFineYuan: 3000, minEnforcers: 2, filingDays: 5 },
    effectiveFrom: '2021-07-15',
    note: '[V] 200 / 3,000 yuan (第五十一条). [S] Two enforcers showing certificates is the office\'s practice after 第四十二条 (the law lets one enforcer act on the spot only where a law says so). [U] The law says only "报所属行政机关备案"; 5 days is the office\'s working value.',
  }),
  ruleVersionSeed({
    rule: FIRST_OFFENCE_RULE,
    jurisdiction: 'NATIONAL',
    jurisdictionName: '全国',
    documentNumber: '中华人民共和国主席令第七十号',
    documentTitle: '中华人民共和国行政处罚法（2021年修订）',
    article: '第三十三条第一款',
    value: { lookbackYears: 2 },
    effectiveFrom: '2021-07-15',
    note: '[U] The law names no period; 2 years follows the limitation period of 第三十六条 and local 首违不罚 lists; replace with the province\'s list when published.',
  }),
  ruleVersionSeed({
    rule: HEARING_THRESHOLD_RULE,
    jurisdiction: 'NATIONAL',
    jurisdictionName: '全国',
    documentNumber: '中华人民共和国主席令第七十号',
    documentTitle: '中华人民共和国行政处罚法（2021年修订）',
    article: '第六十三条',
    value: { unitFineYuan: 50_000, personFineYuan: 20_000 },
    effectiveFrom: '2021-07-15',
    note: '[U] The national default the office applies where no province figure is kept (the old ≥ 2万 person / ≥ 5万 unit); the 重庆 version, more local, takes precedence where both apply.',
  }),
];
