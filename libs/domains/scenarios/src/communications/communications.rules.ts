import { defineRules, type RuleOf } from '@platform/core';
import { scenariosRules } from '../scenarios.rules';

/** The communications part's validation rules (`extensions.fields[].rule`), on top of the module's and the kernel's. */
export const communicationsRules = defineRules(
  [
    /** The organization named is not of the kind the record needs (a village or community for a terminal or a drill). */
    'organizationKind',
    /** A terminal used in a drill that is not the drilled village's. */
    'sameVillage',
  ] as const,
  scenariosRules,
);

export type CommunicationsRule = RuleOf<typeof communicationsRules>;
