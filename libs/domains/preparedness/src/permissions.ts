import { definePermissions } from '@platform/core';

/** Permissions of the preparedness module: emergency plans, drills and the rules over them (work-plan point 十一). The codes keep their `rescue.` prefix, so stored grants keep working. Scopes are measured from the organization a role is assigned at. */
export const PreparednessPermission = {
  PlanRead: 'rescue.plan:read',
  PlanWrite: 'rescue.plan:write',
  RuleManage: 'rescue.rule:manage',
} as const;

export const preparednessPermissions = definePermissions([
  {
    code: PreparednessPermission.PlanRead,
    nameZh: '查看预案与演练',
    description: 'Read emergency plans and their versions, drills, their problems and drill compliance.',
    grantedTo: {
      'town-safety-office': 'ALL',
      'department-officer': 'ALL',
      'village-officer': 'ORG_SUBTREE',
      'grid-worker': 'ORG_SUBTREE',
      'enterprise-safety-manager': 'OWN_ORG',
      inspector: 'ALL',
      expert: 'ALL',
      'integration-readonly': 'ALL',
    },
  },
  {
    code: PreparednessPermission.PlanWrite,
    nameZh: '维护预案与演练',
    description: 'Draft, revise, approve, file and review emergency plans; record drills and the problems they found.',
    grantedTo: { 'town-safety-office': 'ALL', 'village-officer': 'ORG_SUBTREE', 'enterprise-safety-manager': 'OWN_ORG' },
  },
  {
    code: PreparednessPermission.RuleManage,
    nameZh: '管理救援规则',
    description: 'Edit the rules kept as data: drill requirements, team staffing standards and duty coverage requirements.',
    grantedTo: { 'town-safety-office': 'ALL' },
  },
] as const);
