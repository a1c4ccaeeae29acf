import { defineRules, type RuleOf } from '@platform/core';
import { enforcementRules } from '../enforcement.rules';

/**
 * The item lists' validation rules (`extensions.fields[].rule`), on top of the module's and the
 * kernel's (`exists`, `unique`, `state`, `range`, `required`, `exclusive`, `inForce`…). Raise them
 * with `itemRules.field(field, rule, message)`.
 */
export const itemRules = defineRules(
  [
    /** An organization that cannot be a legal subject of enforcement (only the town government or one of its departments). */
    'legalSubject',
    /** A list copied from, or compared with, a list of another organization. */
    'sameOrganization',
    /** Discretion bands on an item that is not a penalty. */
    'penaltyOnly',
  ] as const,
  enforcementRules,
);

export type ItemRule = RuleOf<typeof itemRules>;
