import { defineRules, type RuleOf } from '@platform/core';
import { enforcementRules } from '../enforcement.rules';

/** The validation rule names of referrals, on top of the module's (and the kernel's). */
export const referralRules = defineRules(
  [
    /** Fewer than two distinct enforcers on a referral report (应急〔2019〕54号). */
    'enforcers',
    /** A decision by one of the referral's own enforcers, or by an account linked to no person. */
    'independentDecider',
    /** A NOT_TRANSFER decision or a NOT_FILED answer without its reasons. */
    'reasonRequired',
    /** A transfer of a referral decided NOT_TRANSFER, or closing one decided TRANSFER before the police answered. */
    'decision',
    /** A referral from a case named with another legal subject than the case's. */
    'legalSubject',
    /** A step's time before the step before it. */
    'chronology',
  ] as const,
  enforcementRules,
);

export type ReferralRule = RuleOf<typeof referralRules>;
