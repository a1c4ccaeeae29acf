import type { ModulePart } from '@platform/core';
import { CreateRewards1764404120000 } from '../migrations/1764404120000-create-rewards';
import { TipReward } from './tip-reward.entity';
import { InternalRewardLedgerYear, InternalRewardMechanism } from './internal-reward-mechanism.entity';
import { rewardNodeEntities } from './rewards.entities';
import { rewardPermissions } from './rewards.permissions';
import { rewardEvents } from './rewards.events';
import { rewardBusinessRules } from '../business-rules/rewards';
import { rewardIndicators } from './reward-indicators';
import { TipRewardRelationResolver, TipRewardResolver } from './reward.resolver';
import { InternalRewardLedgerYearResolver, InternalRewardMechanismResolver, OrganizationInternalRewardResolver } from './internal-reward.resolver';
import { seedRewards } from './reward.seed';

/** 举报奖励 (issue 21): tip rewards by the versioned tiers, approval, payment and the unclaimed ledger; enterprises' internal reward mechanisms (安委〔2024〕7号). */
export const rewardsPart: ModulePart = {
  entities: [TipReward, InternalRewardMechanism, InternalRewardLedgerYear],
  resolvers: [TipRewardResolver, TipRewardRelationResolver, InternalRewardMechanismResolver, InternalRewardLedgerYearResolver, OrganizationInternalRewardResolver],
  migrations: [CreateRewards1764404120000],
  permissions: rewardPermissions,
  scopedEntities: rewardNodeEntities,
  events: [rewardEvents],
  businessRules: rewardBusinessRules,
  indicators: rewardIndicators,
  seed: seedRewards,
};
