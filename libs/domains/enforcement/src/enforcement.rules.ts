import { defineRules, kernelRules, type RuleOf } from '@platform/core';

/**
 * Every validation rule the enforcement module's BAD_USER_INPUT answers name (`extensions.fields[].rule`):
 * the kernel's shared ones (`exists`, `unique`, `state`, `notArchived`, `notFuture`, `range`, `required`,
 * `notBeforeFrom`, …) and the module's own below, shared by its parts. A part adds its own in its
 * `<part>.rules.ts`. Raise them with `enforcementRules.field(field, rule, message)`.
 */
export const enforcementRules = defineRules(
  [
    /** A matter (an inspection, a citation) on a day when the item or article it names is not in force. */
    'inForce',
  ] as const,
  kernelRules,
);

export type EnforcementRule = RuleOf<typeof enforcementRules>;
