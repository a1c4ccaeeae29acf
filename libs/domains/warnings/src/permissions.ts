import { definePermissions } from '@platform/core';

/** Permissions of the warnings module: graded warnings, call-and-response, escalation and CAP export. The codes keep their `rescue.` prefix, so stored grants keep working. Scopes are measured from the organization a role is assigned at. */
export const WarningPermission = {
  WarningRead: 'rescue.warning:read',
  WarningIssue: 'rescue.warning:issue',
  WarningRespond: 'rescue.warning:respond',
} as const;

export const warningsPermissions = definePermissions([
  {
    code: WarningPermission.WarningRead,
    nameZh: '查看预警',
    description: 'Read graded warnings aimed at your area, their deliveries, acknowledgements, escalations, response actions and figures.',
    grantedTo: {
      'town-safety-office': 'ALL',
      'department-officer': 'ALL',
      'village-officer': 'ORG_SUBTREE',
      'grid-worker': 'ORG_SUBTREE',
      inspector: 'ALL',
      expert: 'ALL',
      'integration-readonly': 'ALL',
    },
  },
  {
    code: WarningPermission.WarningIssue,
    nameZh: '发布预警',
    description: 'Issue, update and cancel graded warnings (蓝黄橙红) to villages and communities; change escalation policies.',
    grantedTo: { 'town-safety-office': 'ALL' },
  },
  {
    code: WarningPermission.WarningRespond,
    nameZh: '预警叫应与响应',
    description: 'Acknowledge a warning delivered to your organization (叫应) and complete its response actions.',
    grantedTo: { 'town-safety-office': 'ALL', 'village-officer': 'ORG_SUBTREE', 'grid-worker': 'ORG_SUBTREE' },
  },
] as const);
