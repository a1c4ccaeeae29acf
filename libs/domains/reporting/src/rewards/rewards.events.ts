import { defineEvents, payload } from '@platform/core';
import { InternalRewardMechanisms, TipRewards } from './rewards.entities';

/** What a reward's events carry: ids, the tip, the organization, the status and the amount; never the reporter. */
export type TipRewardPayload = { id: string; tipId: string; organizationId: string; status: string; basis: string; amountYuan: string };

/** What a mechanism's events carry. */
export type InternalRewardMechanismPayload = { id: string; enterpriseId: string; inPlace: boolean };

const about = () => payload<TipRewardPayload>(TipRewards);

/** Every event of rewards: computed, approved, paid; a mechanism recorded. */
export const rewardEvents = defineEvents({
  'reporting.reward.computed': about(),
  'reporting.reward.approved': about(),
  'reporting.reward.paid': about(),
  'reporting.internal-reward.recorded': payload<InternalRewardMechanismPayload>(InternalRewardMechanisms),
});

export type RewardEvents = typeof rewardEvents;
