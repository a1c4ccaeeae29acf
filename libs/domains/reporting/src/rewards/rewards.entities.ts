/*
 * The rewards part's entities with their row scope and permissions, declared once: every read and write
 * goes through `records(ctx, X)`, which applies the scope.
 */
import { defineScopedEntity } from '@platform/core';
import { TipReward } from './tip-reward.entity';
import { InternalRewardLedgerYear, InternalRewardMechanism } from './internal-reward-mechanism.entity';
import { RewardPermission } from './rewards.permissions';

/** A reward belongs to its tip's organization. */
export const TipRewards = defineScopedEntity(TipReward, {
  table: 'tip_reward',
  scope: { organizationColumn: 'organization_id' },
  read: RewardPermission.Read,
  write: RewardPermission.Manage,
});

/** A mechanism belongs to its enterprise: a safety manager reaches the own enterprise's. */
export const InternalRewardMechanisms = defineScopedEntity(InternalRewardMechanism, {
  table: 'internal_reward_mechanism',
  scope: { organizationColumn: 'enterprise_id' },
  read: RewardPermission.InternalRead,
  write: RewardPermission.InternalManage,
});

/** A ledger year belongs to its enterprise. */
export const InternalRewardLedgerYears = defineScopedEntity(InternalRewardLedgerYear, {
  table: 'internal_reward_ledger_year',
  scope: { organizationColumn: 'enterprise_id' },
  read: RewardPermission.InternalRead,
  write: RewardPermission.InternalManage,
});

/** The declarations reachable by `node(nodeId:)`. */
export const rewardNodeEntities = [TipRewards, InternalRewardMechanisms, InternalRewardLedgerYears];
