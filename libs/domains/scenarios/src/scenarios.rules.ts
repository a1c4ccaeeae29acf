import { defineRules, kernelRules, type RuleOf } from '@platform/core';

/**
 * Every validation rule the scenarios module's BAD_USER_INPUT answers name (`extensions.fields[].rule`):
 * the kernel's shared ones (`exists`, `unique`, `state`, `notFuture`, `range`, `required`, …) and the
 * module's own below, shared by its parts. A part adds its own in its `<part>.rules.ts`. Raise them
 * with `scenariosRules.field(field, rule, message)`.
 */
export const scenariosRules = defineRules(
  [
    /** A value whose unit does not match the datastream's unit of measurement or observation type. */
    'unit',
  ] as const,
  kernelRules,
);

export type ScenariosRule = RuleOf<typeof scenariosRules>;
