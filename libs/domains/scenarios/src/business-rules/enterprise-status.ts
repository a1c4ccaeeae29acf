import { z } from 'zod';
import { defineBusinessRule, ruleVersionSeed, type BusinessRuleVersionSeed } from '@platform/core';

/** Why an enterprise is not green (the level and weight of each come from the rule scenarios.enterprise-status). */
export enum EnterpriseReasonCode {
  MAJOR_HAZARD_OPEN = 'MAJOR_HAZARD_OPEN',
  CERTIFICATE_EXPIRED = 'CERTIFICATE_EXPIRED',
  INSURANCE_LAPSED = 'INSURANCE_LAPSED',
  ALARM_UNACKNOWLEDGED = 'ALARM_UNACKNOWLEDGED',
  EQUIPMENT_ELIMINATED_IN_SERVICE = 'EQUIPMENT_ELIMINATED_IN_SERVICE',
  HAZARD_OVERDUE = 'HAZARD_OVERDUE',
  HAZARD_OPEN = 'HAZARD_OPEN',
  REINSPECTION_OVERDUE = 'REINSPECTION_OVERDUE',
  CASE_OPEN = 'CASE_OPEN',
  CERTIFICATE_EXPIRING = 'CERTIFICATE_EXPIRING',
  INSURANCE_LAPSING = 'INSURANCE_LAPSING',
  DRILL_OVERDUE = 'DRILL_OVERDUE',
  PLAN_MISSING = 'PLAN_MISSING',
  PLAN_REVIEW_OVERDUE = 'PLAN_REVIEW_OVERDUE',
  NO_INTERNAL_REWARD_MECHANISM = 'NO_INTERNAL_REWARD_MECHANISM',
  ALARM_OPEN = 'ALARM_OPEN',
  EQUIPMENT_RENEWAL_OVERDUE = 'EQUIPMENT_RENEWAL_OVERDUE',
}

const REASON = z.object({
  /** RED makes the enterprise red; YELLOW at most yellow. */
  level: z.enum(['RED', 'YELLOW']),
  /** What the reason adds to the enterprise's score on the red list (0–1000). */
  weight: z.int().min(0).max(1000),
});

/**
 * 企业安全状态判定: for every reason code, whether it makes an enterprise RED or YELLOW and its weight
 * in the red-list score; and how many days before the end of its drill period an enterprise that has
 * not yet held the drills its rule requires is flagged. The town's own choice.
 */
export const ENTERPRISE_STATUS_RULE = defineBusinessRule({
  code: 'scenarios.enterprise-status',
  nameZh: '企业安全状态判定规则',
  description: 'For each reason code of the enterprise safety butler: whether it makes an enterprise RED or YELLOW and its weight in the red-list score (the sum of its reasons\' weights); and the days before the end of the current drill period from which an enterprise short of the drills its rule requires is flagged DRILL_OVERDUE.',
  schema: z.object({
    /** Level and weight per reason code (every code of `EnterpriseReasonCode`). */
    reasons: z.object(Object.fromEntries(Object.values(EnterpriseReasonCode).map((c) => [c, REASON])) as Record<EnterpriseReasonCode, typeof REASON>),
    /** Days before the current drill period ends from which a shortfall counts (both ends included). */
    drillDueWarningDays: z.int().min(0).max(183),
  }),
});

export type EnterpriseStatusRule = z.infer<typeof ENTERPRISE_STATUS_RULE.schema>;

const R = (level: 'RED' | 'YELLOW', weight: number) => ({ level, weight });

export const ENTERPRISE_STATUS_RULE_SEEDS: readonly BusinessRuleVersionSeed[] = [
  ruleVersionSeed({
    rule: ENTERPRISE_STATUS_RULE,
    jurisdiction: 'TOWN',
    jurisdictionName: '南平镇',
    documentNumber: '南平镇企业安全管家红黄绿判定规则（示例）',
    documentTitle: '企业安全管家红黄绿判定规则',
    value: {
      reasons: {
        MAJOR_HAZARD_OPEN: R('RED', 100),
        CERTIFICATE_EXPIRED: R('RED', 50),
        INSURANCE_LAPSED: R('RED', 50),
        ALARM_UNACKNOWLEDGED: R('RED', 40),
        EQUIPMENT_ELIMINATED_IN_SERVICE: R('RED', 60),
        HAZARD_OVERDUE: R('YELLOW', 30),
        HAZARD_OPEN: R('YELLOW', 10),
        REINSPECTION_OVERDUE: R('YELLOW', 20),
        CASE_OPEN: R('YELLOW', 15),
        CERTIFICATE_EXPIRING: R('YELLOW', 10),
        INSURANCE_LAPSING: R('YELLOW', 10),
        DRILL_OVERDUE: R('YELLOW', 20),
        PLAN_MISSING: R('YELLOW', 20),
        PLAN_REVIEW_OVERDUE: R('YELLOW', 10),
        NO_INTERNAL_REWARD_MECHANISM: R('YELLOW', 10),
        ALARM_OPEN: R('YELLOW', 10),
        EQUIPMENT_RENEWAL_OVERDUE: R('YELLOW', 15),
      },
      drillDueWarningDays: 45,
    },
    effectiveFrom: '2025-01-01',
    note: '[U] The office\'s own choice: an open major hazard (重大事故隐患, 安全生产法 第一百一十八条 判定标准), an expired or overdue special-operation certificate (总局令30号) a lapse of mandatory liability insurance (应急〔2025〕27号), a monitoring alarm nobody acknowledged and an eliminated process or equipment still in service (淘汰落后安全技术工艺、设备目录; a major hazard under the sector criteria) make an enterprise red; the rest (a rectification past its deadline included) yellow. Weights order the red list.',
  }),
];
