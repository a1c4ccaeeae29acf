import { z } from 'zod';
import { defineBusinessRule, ruleVersionSeed, type BusinessRuleVersionSeed } from '@platform/core';

/**
 * 整改成效验证期限: a closed problem's effectiveness is checked this many working days after its
 * closure unless the closer sets the day. Practice of CAPA (ISO 9001 §10.2), not a legal number [U].
 */
export const PROBLEM_EFFECTIVENESS = defineBusinessRule({
  code: 'responsibility.problem.effectiveness',
  nameZh: '整改成效验证期限',
  description: 'How many working days after a problem is closed its effectiveness check falls due, when the closer does not set the day.',
  schema: z.object({ checkAfterWorkingDays: z.int().min(1).max(250) }),
});

/**
 * 重复问题判定窗口: a problem repeats an earlier one of the same organization and category found
 * within this many months before it (an earlier one found on D counts up to D + window − 1 day).
 */
export const PROBLEM_REPEAT = defineBusinessRule({
  code: 'responsibility.problem.repeat',
  nameZh: '重复问题判定窗口',
  description: 'How many months back an earlier problem of the same organization and category makes a problem a repeat: found after (the later one\'s day − this many months).',
  schema: z.object({ windowMonths: z.int().min(1).max(60) }),
});

/** Every rule the part declares. */
export const problemBusinessRules = [PROBLEM_EFFECTIVENESS, PROBLEM_REPEAT];

/** The first versions, seeded by the part's migration. */
export const PROBLEM_RULE_SEEDS: readonly BusinessRuleVersionSeed[] = [
  ruleVersionSeed({
    rule: PROBLEM_EFFECTIVENESS,
    jurisdiction: 'TOWN',
    jurisdictionName: '南平镇',
    documentNumber: '南平镇2025年安全生产工作要点',
    documentTitle: '2025年南平镇安全生产、防灾减灾救灾和消防工作要点',
    article: '（三）',
    value: { checkAfterWorkingDays: 20 },
    effectiveFrom: '2024-01-01',
    note: 'Working value [U]: the work plan asks for the problem list and 复盘 but sets no check period; 20 working days follows common CAPA practice (ISO 9001 §10.2 templates [S]). Confirm or change it here.',
  }),
  ruleVersionSeed({
    rule: PROBLEM_REPEAT,
    jurisdiction: 'TOWN',
    jurisdictionName: '南平镇',
    documentNumber: '南平镇2025年安全生产工作要点',
    documentTitle: '2025年南平镇安全生产、防灾减灾救灾和消防工作要点',
    article: '（三）',
    value: { windowMonths: 12 },
    effectiveFrom: '2024-01-01',
    note: 'The 12 months of issue 18 (same organization and category within 12 months) [U]: no source document fixes the window; change it here.',
  }),
];
