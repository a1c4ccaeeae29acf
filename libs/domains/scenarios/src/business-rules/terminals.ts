import { z } from 'zod';
import { defineBusinessRule, ruleVersionSeed, type BusinessRuleVersionSeed } from '@platform/core';

/**
 * 保底通信终端就绪: a terminal in service counts as ready when its last test (the latest by test time)
 * was OK on a day at most `readinessDays` days before today (China days, both ends included: tested
 * OK 30 days ago is ready with 30, 31 days ago not). The town may change N: a new version from a day.
 */
export const TERMINAL_READINESS_RULE = defineBusinessRule({
  code: 'scenarios.terminal-readiness',
  nameZh: '应急通信终端就绪判定',
  description: 'An emergency communication terminal in service is ready when its last test was OK at most readinessDays China days before today (both ends included); villages and communities need at least one ready terminal (基层保底通信).',
  schema: z.object({
    /** Days a successful test keeps a terminal ready (counted in China days from the test's day). */
    readinessDays: z.int().min(1).max(366),
  }),
});

/** The value of a version of `scenarios.terminal-readiness`. */
export type TerminalReadiness = z.infer<typeof TERMINAL_READINESS_RULE.schema>;

export const TERMINAL_READINESS_RULE_SEEDS: readonly BusinessRuleVersionSeed[] = [
  ruleVersionSeed({
    rule: TERMINAL_READINESS_RULE,
    jurisdiction: 'TOWN',
    jurisdictionName: '南平镇',
    documentNumber: '南平镇应急通信保底终端管理办法（示例）',
    documentTitle: '南平镇基层保底应急通信终端管理办法',
    value: { readinessDays: 30 },
    effectiveFrom: '2024-10-01',
    note: '[S] 工信部联信管〔2024〕256号 asks for 基层保底通信能力 by 2027 (satellite phones or similar fallback kit in remote disaster-prone villages); [U] the monthly (30-day) test cycle is the office\'s own choice, local practice examples test quarterly.',
  }),
];
