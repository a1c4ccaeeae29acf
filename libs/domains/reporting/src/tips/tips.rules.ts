import { defineRules, type RuleOf } from '@platform/core';
import { reportingRules } from '../reporting.rules';

/** The validation rule names of tips, on top of the module's (and the kernel's); the intake and handling parts add theirs. */
export const tipRules = defineRules(
  [
    /** A reason missing where the step records one (rejection, send-back, closing without a fix). */
    'reasonRequired',
  ] as const,
  reportingRules,
);

export type TipRule = RuleOf<typeof tipRules>;
