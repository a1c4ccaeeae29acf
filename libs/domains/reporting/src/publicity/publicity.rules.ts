import { defineRules, type RuleOf } from '@platform/core';
import { reportingRules } from '../reporting.rules';

/** The publicity part's validation rules, on top of the module's and the kernel's. */
export const publicityRules = defineRules(
  [
    /** A campaign activity held outside its period (reporting.publicity-calendar). */
    'calendar',
    /** A commendation dated before the warning it commends was sent. */
    'beforeWarning',
  ] as const,
  reportingRules,
);

export type PublicityRule = RuleOf<typeof publicityRules>;
