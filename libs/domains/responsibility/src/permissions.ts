import { definePermissions } from '@platform/core';

/**
 * Permissions of the responsibility module (安全责任体系, work-plan points 一–四). Scopes are measured
 * from the organization a role is assigned at: a department officer's OWN_ORG is the department, a
 * village officer's ORG_SUBTREE the village and its grids.
 */
export const ResponsibilityPermission = {
  TaskRead: 'responsibility.task:read',
  TaskManage: 'responsibility.task:manage',
  TaskReport: 'responsibility.task:report',
} as const;

export const responsibilityPermissions = definePermissions([
  {
    code: ResponsibilityPermission.TaskRead,
    nameZh: '查看年度重点任务',
    description: 'Read the annual key tasks (年度重点任务清单): the task tree, owners, due dates, progress rolled up, behind-schedule flags and the timeline of progress reports.',
    grantedTo: { 'town-safety-office': 'ALL', 'department-officer': 'ALL', 'village-officer': 'ORG_SUBTREE', inspector: 'ALL', 'integration-readonly': 'ALL' },
  },
  {
    code: ResponsibilityPermission.TaskManage,
    nameZh: '管理年度重点任务',
    description: 'Create and change key tasks, assign owners and weights, bind targets to indicators, cancel tasks and reopen completed ones.',
    grantedTo: { 'town-safety-office': 'ALL' },
  },
  {
    code: ResponsibilityPermission.TaskReport,
    nameZh: '报告重点任务进展',
    description: 'Report progress on the key tasks your organization owns (with evidence) and complete them.',
    grantedTo: { 'town-safety-office': 'ALL', 'department-officer': 'OWN_ORG', 'village-officer': 'ORG_SUBTREE' },
  },
]);
