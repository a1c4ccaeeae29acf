import { z } from 'zod';
import { defineBusinessRule, ruleVersionSeed, type BusinessRuleVersionSeed } from '@platform/core';

/**
 * 涉企行政检查频次上限 (国办发〔2024〕54号): how many administrative inspections one enterprise may
 * receive in a year, by class, and the window within which a second inspection of the same enterprise
 * is flagged as a repeat. Checked when an inspection is planned or recorded.
 */
export const INSPECTION_FREQUENCY_RULE = defineBusinessRule({
  code: 'enforcement.inspection-frequency',
  nameZh: '涉企行政检查频次上限',
  description: 'The most administrative inspections one enterprise may receive in a calendar year, for a key (重点) and for an ordinary (一般) enterprise, and the days within which another inspection of the same enterprise is warned of as a repeat.',
  schema: z.object({
    /** Inspections a year at most for a key enterprise. */
    keyPerYear: z.int().min(1).max(365),
    /** Inspections a year at most for an ordinary enterprise. */
    ordinaryPerYear: z.int().min(1).max(365),
    /** Another inspection of the same enterprise within this many days is a repeat (warned of). */
    repeatWindowDays: z.int().min(0).max(365),
  }),
});

/**
 * 监督检查工作日测算 (安监总政法〔2017〕150号): the working days one inspection takes, by class, used by
 * the annual plan calculator unless a plan sets its own.
 */
export const INSPECTION_WORKLOAD_RULE = defineBusinessRule({
  code: 'enforcement.inspection-workload',
  nameZh: '单次监督检查工作日',
  description: 'Inspector working days one inspection of a key (重点) and of an ordinary (一般) enterprise takes, preparation and documents included; the annual plan divides the inspection working days by these.',
  schema: z.object({
    /** Inspector working days for one inspection of a key enterprise. */
    keyInspectionDays: z.number().min(0.5).max(60),
    /** Inspector working days for one inspection of an ordinary enterprise. */
    ordinaryInspectionDays: z.number().min(0.5).max(60),
  }),
});

export const planBusinessRules = [INSPECTION_FREQUENCY_RULE, INSPECTION_WORKLOAD_RULE];

export const PLAN_RULE_SEEDS: readonly BusinessRuleVersionSeed[] = [
  ruleVersionSeed({
    rule: INSPECTION_FREQUENCY_RULE,
    jurisdiction: 'PROVINCE',
    jurisdictionName: '重庆市',
    documentNumber: '国办发〔2024〕54号；重庆市涉企行政检查频次上限（文号未核实）',
    documentTitle: '国务院办公厅关于严格规范涉企行政检查的意见',
    value: { keyPerYear: 4, ordinaryPerYear: 2, repeatWindowDays: 30 },
    effectiveFrom: '2025-07-01',
    note: '[U] 54号 [S] has provinces publish a yearly cap per enterprise by the end of June 2025; 重庆\'s figures were not found. 4 a year for key and 2 for ordinary enterprises, and a 30-day repeat window, are working values to replace with the published ones.',
  }),
  ruleVersionSeed({
    rule: INSPECTION_WORKLOAD_RULE,
    jurisdiction: 'TOWN',
    jurisdictionName: '南平镇',
    documentNumber: '南平镇年度监督检查计划编制参照值',
    documentTitle: '参照安监总政法〔2017〕150号 监督检查工作日测算',
    value: { keyInspectionDays: 4, ordinaryInspectionDays: 2 },
    effectiveFrom: '2025-01-01',
    note: '[U] 150号 [S] gives the formula, not the days per inspection: two inspectors for two days (key) or one day (ordinary) are the office\'s working values.',
  }),
];
