import { defineRules, kernelRules, type RuleOf } from '@platform/core';

/**
 * Every validation rule the command library's BAD_USER_INPUT answers name (`extensions.fields[].rule`):
 * the kernel's shared ones it uses (`state` for a workflow step, `notArchived`, `notFuture`,
 * `notBeforeFrom`, `exists` for a code) and its own below. Raise them with
 * `commandRules.field(field, rule, message)`.
 */
export const commandRules = defineRules(
  [
    /** Command bodies belong to the town government, a village or a community. */
    'townOrVillage',
    /** A position stays in its command body. */
    'unchanged',
    /** A position's deputy (B角) is another person than its holder. */
    'notHolder',
    /** A member's shift lies within the team's shift count. */
    'withinShiftCount',
    /** Fewer shifts must still cover every serving member's shift. */
    'coversShifts',
    /** A membership that has ended cannot be changed. */
    'notLeft',
    /** A membership cannot end before it began. */
    'notBeforeJoining',
    /** A staffing rule's qualified count needs a qualification. */
    'needsQualification',
    /** A number below its least value (as class-validator's `min`): a rule with a qualification needs at least one holder. */
    'min',
    /** A duty day before today (China time). */
    'notPast',
    /** A shift still rostered from today on cannot be retired. */
    'noUpcomingAssignments',
    /** A period longer than a roster list or the coverage may span. */
    'maxRange',
    /** Check-in outside the shift's window: from `CHECK_IN_OPENS_MINUTES` before its start to its end (by the clock). */
    'checkInWindow',
  ] as const,
  kernelRules,
);

export type CommandRule = RuleOf<typeof commandRules>;
