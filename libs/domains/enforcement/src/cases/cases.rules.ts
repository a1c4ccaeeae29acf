import { defineRules, type RuleOf } from '@platform/core';
import { enforcementRules } from '../enforcement.rules';

/** The validation rule names of penalty cases, on top of the module's (and the kernel's). */
export const caseRules = defineRules(
  [
    /** A legal subject that is not the organization responsible for the item. */
    'legalSubject',
    /** An item that is not a penalty item. */
    'penaltyItem',
    /** A party that is not an enterprise. */
    'enterprise',
    /** Fewer than two distinct enforcers. */
    'enforcers',
    /** An enforcer without an enforcement certificate for the legal subject valid on the day. */
    'certifiedEnforcers',
    /** An act that ended beyond the limitation (行政处罚法 第三十六条: 2 years, 5 where life and health were harmed). */
    'limitation',
    /** An inspection not marked for a case, or of another enterprise. */
    'inspectionForCase',
    /** Approval by one of the case's own enforcers or investigators, or by an account linked to no person. */
    'independentApprover',
    /** A step while an enforcer is recused and not yet replaced, or a declaration missing. */
    'recusal',
    /** Legal review or collective discussion missing where required. */
    'legalReview',
    /** A hearing requested after its deadline, or notified less than the notice period before its date. */
    'hearingDeadline',
    /** A decision heavier than notified (不得因当事人陈述、申辩而给予更重的处罚). */
    'noHeavierPenalty',
    /** A PENALTY decision without valid penalty lines (penalties part). */
    'penaltyLines',
    /** A second extension, or a second open suspension, or resuming one not suspended. */
    'clock',
    /** Closing an executing penalty case whose fine is not settled. */
    'settled',
  ] as const,
  enforcementRules,
);

export type CaseRule = RuleOf<typeof caseRules>;
