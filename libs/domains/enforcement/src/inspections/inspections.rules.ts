import { defineRules, type RuleOf } from '@platform/core';
import { enforcementRules } from '../enforcement.rules';

/** The validation rule names of inspections, on top of the module's (and the kernel's). */
export const inspectionRules = defineRules(
  [
    /** A legal subject that is not the organization responsible for the item (a village, a grid, the safety committee, an expert, a department holding no item). */
    'legalSubject',
    /** Fewer than two distinct inspectors. */
    'inspectors',
    /** An inspector without an enforcement certificate for the legal subject valid on the day. */
    'certifiedInspectors',
    /** An inspected organization that is not an enterprise. */
    'enterprise',
    /** An inspection beyond the enterprise's yearly frequency cap (国办发〔2024〕54号). */
    'frequencyCap',
    /** Approval by one of the inspection's own inspectors, or by an account linked to no person. */
    'independentApprover',
    /** A checklist that does not hold each of the principal's seven duties exactly once. */
    'checklist',
    /** A special-operation certificate not held by a worker of the inspected enterprise, or listed twice. */
    'certificateHolder',
    /** A permit check whose number does not fit its result (a number for MISSING, none otherwise). */
    'permitNumber',
    /** Ordering rectification when no finding requires it, or closing while one still does. */
    'rectification',
  ] as const,
  enforcementRules,
);

export type InspectionRule = RuleOf<typeof inspectionRules>;
