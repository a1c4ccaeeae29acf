import { defineRules, type RuleOf } from '@platform/core';
import { enforcementRules } from '../enforcement.rules';

/**
 * The law catalog's validation rules (`extensions.fields[].rule`), on top of the module's and the
 * kernel's (`exists`, `unique`, `state`, `range`, `notBeforeFrom`, `inForce`…). Raise them with
 * `lawRules.field(field, rule, message)`.
 */
export const lawRules = defineRules(
  [
    /** An article named as superseding itself. */
    'selfSupersession',
    /** A supersession that would close a loop (the superseding article is itself, directly or not, superseded by the one it is to supersede). */
    'supersessionCycle',
    /** A superseding article not in force on the day it is to take over (it starts later, or has ended): the matter would be left without an article. */
    'supersessionGap',
  ] as const,
  enforcementRules,
);

export type LawRule = RuleOf<typeof lawRules>;
