import { defineRules, type RuleOf } from '@platform/core';
import { responsibilityRules } from '../responsibility.rules';

/**
 * The problem list's validation rules (`extensions.fields[].rule`), on top of the module's and the
 * kernel's. Raise them with `problemRules.field(field, rule, message)`.
 */
export const problemRules = defineRules(
  [
    /** A source record whose type does not fit the source kind (a Hazard given as a DRILL_PROBLEM). */
    'sourceKind',
    /** An effectiveness check by the one who closed the problem (ISO 9001 §10.2: an independent reviewer). */
    'independentReviewer',
  ] as const,
  responsibilityRules,
);

export type ProblemRule = RuleOf<typeof problemRules>;
