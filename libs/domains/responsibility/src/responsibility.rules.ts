import { defineRules, kernelRules, type RuleOf } from '@platform/core';

/**
 * Every validation rule the responsibility module's BAD_USER_INPUT answers name (`extensions.fields[].rule`):
 * the kernel's shared ones (`exists`, `unique`, `state`, `notArchived`, `notFuture`, `range`, `required`,
 * `notBeforeFrom`, …) and the module's own below. Raise them with `responsibilityRules.field(field, rule, message)`.
 */
export const responsibilityRules = defineRules(
  [
    /** A key task placed under a task of another year, or more levels deep than allowed. */
    'parent',
    /** A key task due outside its parent's period, or a period outside its year. */
    'withinParent',
    /** Progress recorded on a task that has subtasks (its progress is rolled up from them). */
    'leaf',
    /** A task completed while some of its subtasks are still open. */
    'childrenOpen',
    /** An indicator target without an indicator, or the other way round. */
    'indicatorTarget',
  ] as const,
  kernelRules,
);

export type ResponsibilityRule = RuleOf<typeof responsibilityRules>;
