import { definePermissions } from '@platform/core';

/**
 * Permissions of the problem list (问题清单, work-plan point 三). Scopes are measured from the
 * organization a role is assigned at against a problem's (or review's) organization: a village
 * officer's ORG_SUBTREE is the village and its grids, a department officer's OWN_ORG the department.
 */
export const ProblemPermission = {
  ProblemRead: 'responsibility.problem:read',
  ProblemManage: 'responsibility.problem:manage',
  ProblemRectify: 'responsibility.problem:rectify',
  ProblemVerify: 'responsibility.problem:verify',
} as const;

export const problemPermissions = definePermissions([
  {
    code: ProblemPermission.ProblemRead,
    nameZh: '查看问题清单与复盘',
    description: 'Read the problem list (sources, owners, deadlines, closure, effectiveness checks, repeats and their figures), its timelines and the post-event reviews.',
    grantedTo: { 'town-safety-office': 'ALL', 'department-officer': 'ALL', 'village-officer': 'ORG_SUBTREE', inspector: 'ALL', 'integration-readonly': 'ALL' },
  },
  {
    code: ProblemPermission.ProblemManage,
    nameZh: '登记问题与复盘',
    description: 'Record problems of your organizations (from drills, consultations, hazards, key tasks or upstream findings), change them, and record post-event reviews with the problems they raised.',
    grantedTo: { 'town-safety-office': 'ALL', 'village-officer': 'ORG_SUBTREE' },
  },
  {
    code: ProblemPermission.ProblemRectify,
    nameZh: '整改与销号',
    description: 'Report the rectification of problems of your organizations and close them, with the criteria their effectiveness check is to confirm.',
    grantedTo: { 'town-safety-office': 'ALL', 'department-officer': 'OWN_ORG', 'village-officer': 'ORG_SUBTREE' },
  },
  {
    code: ProblemPermission.ProblemVerify,
    nameZh: '整改成效验证',
    description: 'Check a closed problem for effectiveness (EFFECTIVE, or INEFFECTIVE which reopens it); never one you closed yourself.',
    grantedTo: { 'town-safety-office': 'ALL', inspector: 'ALL' },
  },
]);
