import { defineRules, kernelRules, type RuleOf } from '@platform/core';

/**
 * Every validation rule the reporting module's BAD_USER_INPUT answers name (`extensions.fields[].rule`):
 * the kernel's shared ones (`exists`, `unique`, `state`, `notFuture`, `range`, `required`, …) and the
 * module's own below, shared by its parts. A part adds its own in its `<part>.rules.ts`. Raise them
 * with `reportingRules.field(field, rule, message)`.
 */
export const reportingRules = defineRules(
  [
    /** A step that needs a channel the tip did not come in on (e.g. 退单 for a tip not from 12345). */
    'channel',
  ] as const,
  kernelRules,
);

export type ReportingRule = RuleOf<typeof reportingRules>;
