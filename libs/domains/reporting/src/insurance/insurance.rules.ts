import { defineRules, type RuleOf } from '@platform/core';
import { reportingRules } from '../reporting.rules';

/** The insurance part's validation rules (`extensions.fields[].rule`), on top of the module's and the kernel's. */
export const insuranceRules = defineRules(
  [
    /** A policy cancelled while its enterprise operates in a sector where the insurance is mandatory (应急〔2025〕27号: no cancellation unless closed). */
    'mandatoryInsurance',
    /** A limit below the minimum of the rule version in force (a catastrophe policy's ¥100,000 per person…). */
    'minimumLimit',
    /** A claim for more than the policy covers for its persons, or filed outside the policy's period. */
    'coverage',
    /** The organization named is not of the kind the record needs (an enterprise for a liability policy). */
    'organizationKind',
  ] as const,
  reportingRules,
);

export type InsuranceRule = RuleOf<typeof insuranceRules>;
