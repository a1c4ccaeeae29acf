import { defineRules, kernelRules, type RuleOf } from '@platform/core';

/**
 * Every validation rule the directory's BAD_USER_INPUT answers name (`extensions.fields[].rule`): the
 * kernel's shared ones it uses (`exists`, `required`, `checkDigit`, `notArchived`; `notFuture`
 * through `assertNotFuture`) and its own below. Raise them with `directoryRules.field(field, rule, message)`.
 */
export const directoryRules = defineRules(
  [
    /** A field this organization may not have: an enterprise profile on another kind, a parent on the root. */
    'forbidden',
    /** The new parent is the organization itself or one of its descendants. */
    'noCycle',
    /** The parent's kind does not take this kind of organization as a child. */
    'parentKind',
    /** The directory already has its town government (the one root). */
    'singleRoot',
    /** Archiving an organization that still has active child organizations. */
    'noActiveChildren',
    /** A position's end date before its start date. */
    'afterStart',
  ] as const,
  kernelRules,
);

export type DirectoryRule = RuleOf<typeof directoryRules>;
