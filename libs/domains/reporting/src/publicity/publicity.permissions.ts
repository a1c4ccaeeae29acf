import { definePermissions } from '@platform/core';

/** Permissions of publicity: activities, the 宣传五进 matrix and commendations, scoped by the organization where held or commended. */
export const PublicityPermission = {
  Read: 'reporting.publicity:read',
  Manage: 'reporting.publicity:manage',
} as const;

export const publicityPermissions = definePermissions([
  {
    code: PublicityPermission.Read,
    nameZh: '查看安全宣传',
    description: 'Read safety publicity activities (安全生产月, 防灾减灾日, 消防宣传月, 宣传五进) with their audiences, the 五进 coverage matrix by village and community, and commendations for early-warning evacuations.',
    grantedTo: { 'town-safety-office': 'ALL', 'department-officer': 'ALL', 'village-officer': 'ORG_SUBTREE', 'integration-readonly': 'ALL' },
  },
  {
    code: PublicityPermission.Manage,
    nameZh: '管理安全宣传',
    description: 'Record, correct and remove the publicity activities held in your scope, and record commendations for successful early-warning evacuations.',
    grantedTo: { 'town-safety-office': 'ALL', 'village-officer': 'ORG_SUBTREE' },
  },
]);
