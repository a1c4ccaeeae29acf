import { defineRules, type RuleOf } from '@platform/core';
import { responsibilityRules } from '../responsibility.rules';

/**
 * The validation rules duty lists and reports name besides the module's (`state` for a signed list or
 * a submitted report that is changed, `unique`, `range`, `notBeforeFrom`, `notFuture`, …).
 */
export const dutyRules = defineRules(
  [
    /** The person holds no current position at the organization named: they are not its official. */
    'official',
    /** A list that was revised already (revise the newest one), or a revision into an earlier year. */
    'revised',
    /** Two lists compared that are not of the same official. */
    'sameOfficial',
  ] as const,
  responsibilityRules,
);

export type DutyRule = RuleOf<typeof dutyRules>;
