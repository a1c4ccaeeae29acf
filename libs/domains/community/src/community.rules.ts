import { defineRules, kernelRules, type RuleOf } from '@platform/core';

/**
 * Every validation rule the community module's BAD_USER_INPUT answers name (`extensions.fields[].rule`):
 * the kernel's shared ones it uses (`required`, `notFuture`, `notArchived`, `exists` for a default
 * organization out of scope, `notBeforeFrom`, `state` for an action item's step) and its own below.
 * Raise them with `communityRules.field(field, rule, message)`.
 */
export const communityRules = defineRules(
  [
    /** A FLOOD_SEASON_MONTHLY meeting held outside the flood season (May–September). */
    'floodSeason',
    /** A 1+7+N meeting with fewer than 7 member departments. */
    'oneSevenN',
    /** An action item due or done before its meeting. */
    'notBeforeMeeting',
    /** A meeting moved after the due or done day of one of its action items. */
    'notAfterActionItems',
    /** More disabled members or children than the household has members. */
    'notAboveMemberCount',
    /** A group's deputy leader who is its leader. */
    'notLeader',
    /** A joint defense group under an organization that is not a village, community or grid. */
    'kind',
  ] as const,
  kernelRules,
);

export type CommunityRule = RuleOf<typeof communityRules>;
