import { defineRules, type RuleOf } from '@platform/core';
import { responsibilityRules } from '../responsibility.rules';

/** The validation rule names of supervision actions, on top of the module's (and the kernel's). */
export const supervisionRules = defineRules(
  [
    /** An addressee that is not a department, village or community (enterprises are supervised by enforcement, not the safety committee). */
    'addressee',
    /** A linked hazard that is not graded MAJOR, or hazards linked to an action that is not LISTED. */
    'majorHazard',
    /** Closing (摘牌) a listed supervision while a linked hazard is not closed in the risk module. */
    'hazardsOpen',
    /** An extension the kind's rule does not allow, or a second one. */
    'extension',
    /** An extension requested later than the rule's lead time before the deadline. */
    'extensionLead',
    /** An extension decided after its decision day. */
    'decisionClock',
    /** Escalation before the failed acceptances the rule asks for. */
    'repeatFailure',
  ] as const,
  responsibilityRules,
);

export type SupervisionRule = RuleOf<typeof supervisionRules>;
