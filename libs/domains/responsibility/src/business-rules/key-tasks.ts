import { z } from 'zod';
import { defineBusinessRule, ruleVersionSeed, type BusinessRuleVersionSeed } from '@platform/core';

/**
 * 进度滞后容差: a key task is behind schedule when its progress is below the elapsed share of its
 * period by more than this many percentage points. Local practice, not a legal number [U]: the seed
 * is the town's working value, to be confirmed by the office.
 */
export const KEY_TASK_SCHEDULE = defineBusinessRule({
  code: 'responsibility.key-task.schedule',
  nameZh: '重点任务进度滞后容差',
  description: 'How many percentage points a key task\'s progress may lag the elapsed share of its period before it is behind schedule.',
  schema: z.object({ tolerancePercent: z.int().min(0).max(50) }),
});

/** Every rule the module declares (its `DomainModule.businessRules`). */
export const responsibilityBusinessRules = [KEY_TASK_SCHEDULE];

/** The first versions, seeded by the module's migration. */
export const RESPONSIBILITY_RULE_SEEDS: readonly BusinessRuleVersionSeed[] = [
  ruleVersionSeed({
    rule: KEY_TASK_SCHEDULE,
    jurisdiction: 'TOWN',
    jurisdictionName: '南平镇',
    documentNumber: '南平镇2025年安全生产工作要点',
    documentTitle: '2025年南平镇安全生产、防灾减灾救灾和消防工作要点',
    value: { tolerancePercent: 10 },
    effectiveFrom: '2025-01-01',
    note: 'Working value of the town office [U]: the work plan sets no tolerance; confirm or change it here.',
  }),
];
