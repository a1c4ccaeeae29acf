import { definePermissions } from '@platform/core';

/** Permissions of village emergency capacity and the quarterly ranking (point 四, 晾晒). */
export const CapacityPermission = {
  Read: 'responsibility.capacity:read',
  Manage: 'responsibility.capacity:manage',
  RankingRead: 'responsibility.ranking:read',
} as const;

export const capacityPermissions = definePermissions([
  {
    code: CapacityPermission.Read,
    nameZh: '查看村级应急能力',
    description: 'Read each village\'s emergency capacity: responders on call, committed arrival minutes, latest drill and the readiness computed from them.',
    grantedTo: { 'town-safety-office': 'ALL', 'department-officer': 'ALL', 'village-officer': 'ORG_SUBTREE', inspector: 'ALL', 'integration-readonly': 'ALL' },
  },
  {
    code: CapacityPermission.Manage,
    nameZh: '维护村级应急承诺',
    description: 'Record a village\'s commitment: the minutes within which its responders reach a scene, and its assembly point.',
    grantedTo: { 'town-safety-office': 'ALL', 'village-officer': 'ORG_SUBTREE' },
  },
  {
    code: CapacityPermission.RankingRead,
    nameZh: '查看季度晾晒',
    description: 'Rank villages or departments over chosen indicators for a quarter (季度晾晒比拼), with each component and the formula; each figure is computed within your scope for its indicator.',
    grantedTo: { 'town-safety-office': 'ALL', 'department-officer': 'ALL', 'village-officer': 'ALL', inspector: 'ALL', 'integration-readonly': 'ALL' },
  },
]);
