// The rewards part's public face (re-exported by the module's index.ts): the reward and mechanism
// records, the rule and its pure computation, and the SQL the enforcement plan can read enterprises
// without an internal reward mechanism with.
export { TipReward } from './tip-reward.entity';
export { InternalRewardLedgerYear, InternalRewardMechanism } from './internal-reward-mechanism.entity';
export { InternalRewardChannel, TipRewardBasis, TipRewardPaymentMethod, TipRewardStatus } from './reward.enums';
export { InternalRewardLedgerYears, InternalRewardMechanisms, TipRewards, rewardNodeEntities } from './rewards.entities';
export { RewardPermission, rewardPermissions } from './rewards.permissions';
export { rewardEvents, type RewardEvents, type TipRewardPayload, type InternalRewardMechanismPayload } from './rewards.events';
export { REWARD_WORKFLOW, type RewardStep } from './reward-workflow';
export { rewardRules, type RewardRule } from './rewards.rules';
export { REWARD_TIERS_RULE, REWARD_RULE_SEEDS, accidentReward, fineReward, type RewardTiers } from '../business-rules/rewards';
export { unclaimedSql, isUnclaimed, withoutInternalRewardMechanismSql } from './reward.sql';
export { TipRewardReference } from './reward.loaders';
export { rewardIndicators } from './reward-indicators';
