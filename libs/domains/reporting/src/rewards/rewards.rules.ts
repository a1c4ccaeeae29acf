import { defineRules, type RuleOf } from '@platform/core';
import { reportingRules } from '../reporting.rules';

/** The validation rule names of rewards, on top of the module's (and the kernel's). */
export const rewardRules = defineRules(
  [
    /** A later tip of a group of merged duplicates: only the earliest-received valid tip (the first valid reporter) is rewarded. */
    'firstValidReporter',
    /** The linked penalty case is not decided yet, or the accident's grade is not from the verified report (核报): the reward reads the final figure. */
    'notFinal',
    /** The tip has no outcome linked that its category is rewarded from (a penalty case, or an accident investigation). */
    'outcomeRequired',
    /** The tip's category has no reward tier in the rule version in force (e.g. 一般隐患 in the national rule). */
    'noTier',
    /** The final outcome gives nothing to reward from: no fine decided, or no verified death. */
    'nothingToReward',
    /** A tip in a state that cannot be linked or rewarded: it must be VERIFIED, HANDLED, or CLOSED as FIXED. */
    'tipState',
    /** A reward of an anonymous tip paid before its reporter disclosed identity. */
    'identityRequired',
    /** A payment after the claim deadline (the reward is unclaimed). */
    'claimDeadline',
    /** A payment above the amount computed. */
    'amount',
    /** A time before the step before it. */
    'chronology',
  ] as const,
  reportingRules,
);

export type RewardRule = RuleOf<typeof rewardRules>;
