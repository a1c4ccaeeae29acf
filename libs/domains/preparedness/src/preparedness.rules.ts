import { defineRules, kernelRules, type RuleOf } from '@platform/core';

/**
 * Every validation rule the preparedness module's BAD_USER_INPUT answers name
 * (`extensions.fields[].rule`): the kernel's shared ones it uses (`required`, `notFuture`,
 * `notArchived`, `unique`, `notBeforeFrom`, `state` for a step from the wrong state) and its own below. Raise them with
 * `preparednessRules.field(field, rule, message)`.
 */
export const preparednessRules = defineRules(
  [
    /** A plan type kept by an organization of a kind it does not fit (e.g. a VILLAGE plan at the town). */
    'fitsOrganizationKind',
    /** A filing day before the approval, or a review day before the approval. */
    'notBeforeApproval',
    /** The next review day not after the approval. */
    'afterApproval',
    /** The next review day not after the review. */
    'afterReview',
    /** An approval day before the approval of the revision it supersedes. */
    'notBeforePrevious',
    /** A revision asked of a plan that already has an open draft. */
    'oneOpenDraft',
    /** The plan a drill names is kept neither by the drill's organization nor by one above it. */
    'ownOrAncestorPlan',
    /** A day before the drill (a task's due or done day). */
    'notBeforeDrill',
    /** An owner or due day given for a problem that is not a TASK. */
    'taskOnly',
    /** A hazard category given for a problem that is not a HAZARD. */
    'hazardOnly',
    /** A HAZARD problem where the caller may not report hazards (risk.hazard:report). */
    'hazardReportScope',
    /** Completing a drill problem that is not a follow-up task (NONE or HAZARD); a task already done answers `state`. */
    'openTask',
    /** A high-risk condition on a drill rule not about enterprises alone. */
    'enterpriseOnly',
  ] as const,
  kernelRules,
);

export type PreparednessRule = RuleOf<typeof preparednessRules>;
