import { definePermissions } from '@platform/core';

/**
 * Permissions of penalty lines and on-the-spot penalties. Lines and payments are read with the case
 * (enforcement.case:read) and written with enforcement.case:manage; a person's income, its evidence and
 * ID numbers on lines need `enforcement.case:read-personal` (sensitive: masked otherwise, reads audited).
 */
export const PenaltyPermission = {
  ReadPersonal: 'enforcement.case:read-personal',
  OnTheSpotRead: 'enforcement.on-the-spot:read',
  OnTheSpotManage: 'enforcement.on-the-spot:manage',
} as const;

export const penaltyPermissions = definePermissions([
  {
    code: PenaltyPermission.ReadPersonal,
    nameZh: '查看处罚个人信息',
    description: 'Read the personal data on penalty lines: last year\'s income of a fined person, its evidence and the person\'s ID number; each read is audited.',
    sensitive: true,
    grantedTo: { 'town-safety-office': 'ALL' },
  },
  {
    code: PenaltyPermission.OnTheSpotRead,
    nameZh: '查看当场处罚',
    description: 'Read on-the-spot (simplified procedure) penalties: warnings and small fines decided on the spot, their decision forms and filing with the agency.',
    grantedTo: { 'town-safety-office': 'ALL', 'department-officer': 'ALL', inspector: 'ALL', 'village-officer': 'ORG_SUBTREE', 'enterprise-safety-manager': 'OWN_ORG', 'integration-readonly': 'ALL' },
  },
  {
    code: PenaltyPermission.OnTheSpotManage,
    nameZh: '当场处罚',
    description: 'Decide an on-the-spot penalty within its limits with two certified enforcers (当场处罚决定书), and file it with the agency.',
    grantedTo: { inspector: 'ALL', 'town-safety-office': 'ALL' },
  },
]);
