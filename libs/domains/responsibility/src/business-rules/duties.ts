import { z } from 'zod';
import { defineBusinessRule, ruleVersionSeed, type BusinessRuleVersionSeed } from '@platform/core';

/**
 * 述职报告提交时限: a duty report is due this many working days after the last day of its period.
 * Local practice [U]: the town's working value, to be confirmed by the office.
 */
export const DUTY_REPORT_DEADLINE = defineBusinessRule({
  code: 'responsibility.duty-report.deadline',
  nameZh: '述职报告提交时限',
  description: 'How many working days after the last day of the period reported on a duty report (述职) is due.',
  schema: z.object({ workingDays: z.int().min(1).max(60) }),
});

/** Every rule the duties part declares. */
export const dutyBusinessRules = [DUTY_REPORT_DEADLINE];

/** The first versions, seeded by the part's migration. */
export const DUTY_RULE_SEEDS: readonly BusinessRuleVersionSeed[] = [
  ruleVersionSeed({
    rule: DUTY_REPORT_DEADLINE,
    jurisdiction: 'TOWN',
    jurisdictionName: '南平镇',
    documentNumber: '南平镇2025年安全生产工作要点',
    documentTitle: '2025年南平镇安全生产、防灾减灾救灾和消防工作要点',
    article: '（一）落实定期述职报告制度',
    value: { workingDays: 15 },
    effectiveFrom: '2025-01-01',
    note: 'Working value of the town office [U]: the work plan asks for regular 述职 but sets no deadline; 厅字〔2018〕13号 puts duty performance into 述职 without a number [S]. Confirm or change it here.',
  }),
];
