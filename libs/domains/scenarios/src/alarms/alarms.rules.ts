import { defineRules, type RuleOf } from '@platform/core';
import { scenariosRules } from '../scenarios.rules';

/** The alarms part's validation rules (`extensions.fields[].rule`), on top of the module's and the kernel's. */
export const alarmsRules = defineRules(
  [
    /** A window other than 1, 3, 6, 12 or 24 hours, or a window on a kind that has none. */
    'windowHours',
    /** A clear value on the alarming side of the trigger value (no hysteresis band). */
    'hysteresis',
    /** A rule field its kind needs (COMBINED: 2–20 datastreams and minDatastreams) or refuses. */
    'ruleKind',
    /** A conversion into something the rule does not convert into, or of a STALE alarm into a warning. */
    'conversion',
  ] as const,
  scenariosRules,
);

export type AlarmsRule = RuleOf<typeof alarmsRules>;
