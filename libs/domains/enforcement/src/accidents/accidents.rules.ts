import { defineRules, type RuleOf } from '@platform/core';
import { enforcementRules } from '../enforcement.rules';

/** The validation rule names of accident investigations, on top of the module's (and the kernel's). */
export const accidentRules = defineRules(
  [
    /** An incident that already has an investigation. */
    'oneInvestigation',
    /** A kind of investigation that does not fit the incident's type, or an enterprise missing or given where it does not belong. */
    'kind',
    /** An organization that is not an enterprise where one is needed. */
    'enterprise',
    /** A second extension of the report or the reply, one beyond the rule's maximum, or a reply extension of an accident that is not 特别重大. */
    'oneExtension',
    /** A report submitted while a required team role is missing. */
    'teamComposition',
    /** A team with two leaders or none, or a member listed twice. */
    'teamMembers',
    /** Closing while a 四不放过 item is open. */
    'fourNotSpared',
    /** A 四不放过 item marked DONE without evidence. */
    'evidence',
  ] as const,
  enforcementRules,
);

export type AccidentRule = RuleOf<typeof accidentRules>;
