import { definePermissions } from '@platform/core';

/** Permissions of the community module: consultations and ten-household joint defense (point 十四). The codes keep their `rescue.` prefix, so stored grants keep working. Scopes are measured from the organization a role is assigned at. */
export const CommunityPermission = {
  ConsultationRead: 'rescue.consultation:read',
  ConsultationWrite: 'rescue.consultation:write',
  JointDefenseRead: 'rescue.joint-defense:read',
  JointDefenseWrite: 'rescue.joint-defense:write',
  HouseholdReadSensitive: 'rescue.household:read-sensitive',
} as const;

export const communityPermissions = definePermissions([
  {
    code: CommunityPermission.ConsultationRead,
    nameZh: '查看会商研判',
    description: 'Read consultation meetings (会商研判, 1+7+N), their conclusions, action items and missing flood-season meetings.',
    grantedTo: {
      'town-safety-office': 'ALL',
      'department-officer': 'ALL',
      'village-officer': 'ORG_SUBTREE',
      inspector: 'ALL',
      expert: 'ALL',
      'integration-readonly': 'ALL',
    },
  },
  {
    code: CommunityPermission.ConsultationWrite,
    nameZh: '记录会商研判',
    description: 'Record consultation meetings, their conclusions and action items, and follow the items up.',
    grantedTo: { 'town-safety-office': 'ALL', 'department-officer': 'ALL' },
  },
  {
    code: CommunityPermission.JointDefenseRead,
    nameZh: '查看十户联防',
    description: 'Read ten-household joint defense groups (十户联防), their leaders, contacts and households (vulnerable flags masked).',
    grantedTo: { 'town-safety-office': 'ALL', 'department-officer': 'ALL', 'village-officer': 'ORG_SUBTREE', 'grid-worker': 'ORG_SUBTREE', 'integration-readonly': 'ALL' },
  },
  {
    code: CommunityPermission.JointDefenseWrite,
    nameZh: '维护十户联防',
    description: 'Keep ten-household joint defense groups and their households.',
    grantedTo: { 'town-safety-office': 'ALL', 'village-officer': 'ORG_SUBTREE', 'grid-worker': 'ORG_SUBTREE' },
  },
  {
    code: CommunityPermission.HouseholdReadSensitive,
    nameZh: '查看住户敏感信息',
    description: 'See households\' vulnerable flags (elderly living alone, disabled, children) and members unmasked; each read is audited.',
    sensitive: true,
    grantedTo: { 'town-safety-office': 'ALL', 'village-officer': 'ORG_SUBTREE', 'grid-worker': 'ORG_SUBTREE' },
  },
] as const);
