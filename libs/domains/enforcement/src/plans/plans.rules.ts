import { defineRules, type RuleOf } from '@platform/core';
import { enforcementRules } from '../enforcement.rules';

/**
 * The annual plan's validation rules (`extensions.fields[].rule`), on top of the module's and the
 * kernel's. Raise them with `planRules.field(field, rule, message)`.
 */
export const planRules = defineRules(
  [
    /** A plan for an organization that is not a legal subject (the town government or one of its departments). */
    'legalSubject',
    /** Inputs whose inspection working days (法定工作日 × 执法人数 − 其他执法工作日 − 非执法工作日) come out negative. */
    'inspectionDays',
    /** An entry planning more inspections of its enterprise in the year than its class's cap (INSPECTION_FREQUENCY_RULE). */
    'frequencyCap',
    /** Planned months that are not one month (1–12, within the plan's period) per planned inspection. */
    'plannedMonths',
    /** A plan approved while its key enterprises need more inspection working days than it has. */
    'keyShortfall',
  ] as const,
  enforcementRules,
);

export type PlanRule = RuleOf<typeof planRules>;
