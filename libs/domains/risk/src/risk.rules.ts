import { defineRules, kernelRules, type RuleOf } from '@platform/core';

/**
 * Every validation rule the risk module's BAD_USER_INPUT answers name (`extensions.fields[].rule`):
 * the kernel's shared ones it uses (`required`, `notFuture`, `notArchived`, `exists` for a code,
 * `notBeforeFrom`, `afterFrom`, `notEnded`, `state` for a workflow step) and its own below. Raise
 * them with `riskRules.field(field, rule, message)`.
 */
export const riskRules = defineRules(
  [
    /** A MAJOR hazard's step lacks what the grade needs, or a review names a hazard that is not MAJOR. */
    'major',
    /** Only a MAJOR hazard may be put under listed supervision. */
    'majorOnly',
    /** An OVERDUE accountability review of a hazard that was not late. */
    'overdue',
    /** A deadline in the past. */
    'notPast',
    /** Disaster information officers serve a village or a community only. */
    'villageOrCommunity',
    /** An appointment's end before its start. */
    'afterAppointment',
    /** A campaign's end before its start. */
    'notBeforeStart',
    /** A fire facility's inspection dated before the last one recorded (it would move the overdue clock back). */
    'notBeforeLast',
  ] as const,
  kernelRules,
);

export type RiskRule = RuleOf<typeof riskRules>;
