import { defineRules, type RuleOf } from '@platform/core';
import { tipRules } from '../tips/public';

/** The validation rule names of tip handling, on top of the tips part's (and the kernel's). */
export const handlingRules = defineRules(
  [
    /** A closing outcome the tip's state does not allow, DUPLICATE outside a merge, FIXED before the hazard is closed. */
    'outcome',
    /** An extension beyond the rule's maximum (reporting.tip-sla maxExtensionDays). */
    'maxExtension',
    /** A reporter reopening after the window of reporting.tip-sla (reporterReopenDays) closed. */
    'reopenWindow',
    /** A follow-up of a tip not closed, with none due, or already followed up. */
    'followUp',
    /** A merge of a tip into itself, into a tip merged elsewhere, or of a tip other tips were merged into. */
    'mergeTarget',
    /** An action (催办, 督办, extension) on a tip that is no longer open. */
    'notOpen',
  ] as const,
  tipRules,
);

export type HandlingRule = RuleOf<typeof handlingRules>;
