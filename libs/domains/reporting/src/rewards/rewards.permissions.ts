import { definePermissions } from '@platform/core';

/**
 * Permissions of tip rewards (举报奖励, 安监总财〔2018〕19号) and of enterprises' internal hazard-report
 * reward mechanisms (安委〔2024〕7号). Scopes are measured from the tip's organization (rewards) and
 * from the enterprise (mechanisms).
 */
export const RewardPermission = {
  Read: 'reporting.reward:read',
  Manage: 'reporting.reward:manage',
  Approve: 'reporting.reward:approve',
  InternalRead: 'reporting.internal-reward:read',
  InternalManage: 'reporting.internal-reward:manage',
} as const;

export const rewardPermissions = definePermissions([
  {
    code: RewardPermission.Read,
    nameZh: '查看举报奖励',
    description: 'Read tip rewards: the basis and amount computed, the rule version, approval, claim deadline, payment, and the unclaimed ledger.',
    grantedTo: { 'town-safety-office': 'ALL', 'integration-readonly': 'ALL' },
  },
  {
    code: RewardPermission.Manage,
    nameZh: '办理举报奖励',
    description: 'Compute the reward of a tip from the final fine or the final accident grade (first valid reporter only) and record its payment.',
    grantedTo: { 'town-safety-office': 'ALL' },
  },
  {
    code: RewardPermission.Approve,
    nameZh: '审批举报奖励',
    description: 'Approve a computed tip reward: the claim deadline runs from the approval.',
    grantedTo: { 'town-safety-office': 'ALL' },
  },
  {
    code: RewardPermission.InternalRead,
    nameZh: '查看企业内部举报奖励机制',
    description: 'Read enterprises\' internal hazard-report reward mechanisms (安委〔2024〕7号): in place or not, channels, yearly ledger counts and amounts, and the enterprises without one.',
    grantedTo: { 'town-safety-office': 'ALL', 'department-officer': 'ALL', inspector: 'ALL', 'village-officer': 'ORG_SUBTREE', 'enterprise-safety-manager': 'OWN_ORG', 'integration-readonly': 'ALL' },
  },
  {
    code: RewardPermission.InternalManage,
    nameZh: '登记企业内部举报奖励机制',
    description: 'Record or update an enterprise\'s internal hazard-report reward mechanism and its yearly ledger: the office for every enterprise, a safety manager for the own enterprise.',
    grantedTo: { 'town-safety-office': 'ALL', 'enterprise-safety-manager': 'OWN_ORG' },
  },
]);
