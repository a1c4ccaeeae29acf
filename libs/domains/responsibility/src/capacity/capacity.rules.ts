import { defineRules, type RuleOf } from '@platform/core';
import { responsibilityRules } from '../responsibility.rules';

/** The rule names of village capacity and the ranking, on top of the module's. */
export const capacityRules = defineRules(
  [
    /** A commitment for an organization that is not a village or community. */
    'villageOnly',
    /** A ranking that names one indicator twice. */
    'distinct',
  ] as const,
  responsibilityRules,
);

export type CapacityRule = RuleOf<typeof capacityRules>;
