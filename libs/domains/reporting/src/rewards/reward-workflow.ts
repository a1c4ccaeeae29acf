import { defineWorkflow, type StepDeclaration } from '@platform/core';
import { TipReward } from './tip-reward.entity';
import { TipRewardStatus } from './reward.enums';
import { RewardPermission } from './rewards.permissions';
import { rewardEvents, type TipRewardPayload } from './rewards.events';

const S = TipRewardStatus;
const E = rewardEvents;

/** A reward's steps after it is computed: approved (the claim deadline starts), then paid (a payment record). */
export const REWARD_STEPS = {
  approve: { from: [S.COMPUTED], to: S.APPROVED, permission: RewardPermission.Approve, event: E['reporting.reward.approved'], description: '审批。The computed reward approved; the claim deadline runs from now (approveTipReward).' },
  pay: { from: [S.APPROVED], to: S.PAID, permission: RewardPermission.Manage, event: E['reporting.reward.paid'], description: '发放。The payment recorded before the claim deadline (recordTipRewardPayment).' },
} as const satisfies Record<string, StepDeclaration<TipRewardStatus>>;

/** The payload of every event of a reward. */
export const rewardPayload = (r: TipReward): TipRewardPayload => ({ id: r.id, tipId: r.tipId, organizationId: r.organizationId, status: r.status, basis: r.basis, amountYuan: r.amountYuan });

export const REWARD_WORKFLOW = defineWorkflow({
  name: 'reporting.reward',
  entity: TipReward,
  entityName: 'TipReward',
  state: 'status',
  steps: REWARD_STEPS,
  payload: rewardPayload,
});

export type RewardStep = keyof typeof REWARD_STEPS;
