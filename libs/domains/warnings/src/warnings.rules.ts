import { defineRules, kernelRules, type RuleOf } from '@platform/core';

/**
 * Every validation rule the warnings module's BAD_USER_INPUT answers name (`extensions.fields[].rule`):
 * the kernel's shared ones it uses (`afterFrom` for a period, `state` for a workflow step or an
 * action of a cancelled delivery, `notArchived` for an archived target or template) and its own
 * below. Raise them with `warningsRules.field(field, rule, message)`.
 */
export const warningsRules = defineRules(
  [
    /** A warning's expiry not after its effective time. */
    'afterEffectiveAt',
    /** A warning that would expire in the past. */
    'future',
    /** Warnings go to villages and communities only. */
    'villageOrCommunity',
    /** A warning's targets do not lie under one town government (which issues it). */
    'sameTown',
    /** The issuing town government has no 12-digit division code for the identifier. */
    'issuerDivisionCode',
    /** A response action completed already. */
    'notCompleted',
  ] as const,
  kernelRules,
);

export type WarningsRule = RuleOf<typeof warningsRules>;
