import { defineRules, type RuleOf } from '@platform/core';
import { scenariosRules } from '../scenarios.rules';

/** The knowledge part's validation rules, on top of the module's and the kernel's. */
export const knowledgeRules = defineRules(
  [
    /** A query or synonym term with nothing the search indexes (only punctuation or spaces), or a term with characters it does not. */
    'searchable',
    /** An entry's source of the wrong type for its kind (a plan excerpt cites a plan, a law article an article). */
    'sourceType',
    /** A synonym whose term is another synonym's canonical term, or whose canonical is another's term (no chains). */
    'synonymChain',
  ] as const,
  scenariosRules,
);

export type KnowledgeRule = RuleOf<typeof knowledgeRules>;
