import { z } from 'zod';
import { defineBusinessRule, ruleVersionSeed, type BusinessRuleVersionSeed } from '@platform/core';

/**
 * 村级应急能力标准: what a village needs to be READY. The work plan (point 四) asks that responders
 * "第一时间到达现场" and names no numbers: the seeded values are the town office's working values [U].
 */
export const VILLAGE_CAPACITY = defineBusinessRule({
  code: 'responsibility.village-capacity',
  nameZh: '村级应急能力标准',
  description: 'What a village needs to be ready: responders on call, the longest committed arrival time, how recent its latest drill, and ready rescue teams.',
  schema: z.object({
    minRespondersOnCall: z.int().min(0).max(1000),
    maxArrivalMinutes: z.int().min(1).max(240),
    drillWithinDays: z.int().min(1).max(3660),
    minReadyTeams: z.int().min(0).max(100),
  }),
});

export const CAPACITY_RULE_SEEDS: readonly BusinessRuleVersionSeed[] = [
  ruleVersionSeed({
    rule: VILLAGE_CAPACITY,
    jurisdiction: 'TOWN',
    jurisdictionName: '南平镇',
    documentNumber: '南平镇2025年安全生产工作要点',
    documentTitle: '2025年南平镇安全生产、防灾减灾救灾和消防工作要点',
    article: '（四）提升基层应急管理能力',
    value: { minRespondersOnCall: 6, maxArrivalMinutes: 30, drillWithinDays: 365, minReadyTeams: 1 },
    effectiveFrom: '2025-03-25',
    note: 'Working values of the town office [U]: the plan asks for arrival "第一时间" without numbers; confirm or change them here.',
  }),
];
