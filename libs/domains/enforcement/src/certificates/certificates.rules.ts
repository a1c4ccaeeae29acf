import { defineRules, type RuleOf } from '@platform/core';
import { enforcementRules } from '../enforcement.rules';

/**
 * The certificates part's validation rules (`extensions.fields[].rule`), on top of the module's and
 * the kernel's. Raise them with `certificateRules.field(field, rule, message)`.
 */
export const certificateRules = defineRules(
  [
    /** The organization named is not of a kind the certificate is issued for (an enterprise for a special operator, a government body for an inspector). */
    'organizationKind',
    /** A certificate valid on days another one of the same holder and legal subject is valid. */
    'overlap',
    /** An extended review interval without the years in the trade or an approval the rule asks for. */
    'extendedInterval',
  ] as const,
  enforcementRules,
);

export type CertificateRule = RuleOf<typeof certificateRules>;
