import { definePermissions } from '@platform/core';

/**
 * Permissions of supervision actions (督办: 通报 / 督促函 / 约谈 / 挂牌督办). Scopes are measured from
 * the addressee organization: a department officer's OWN_ORG is the department, a village officer's
 * ORG_SUBTREE the village.
 */
export const SupervisionPermission = {
  Read: 'responsibility.supervision:read',
  Manage: 'responsibility.supervision:manage',
  Respond: 'responsibility.supervision:respond',
} as const;

export const supervisionPermissions = definePermissions([
  {
    code: SupervisionPermission.Read,
    nameZh: '查看督办事项',
    description: 'Read supervision actions (通报, 督促函, 约谈, 挂牌督办) addressed to departments and villages, their deadlines, timeline, linked hazards and figures.',
    grantedTo: { 'town-safety-office': 'ALL', 'department-officer': 'OWN_ORG', 'village-officer': 'ORG_SUBTREE', inspector: 'ALL', 'integration-readonly': 'ALL' },
  },
  {
    code: SupervisionPermission.Manage,
    nameZh: '下发和验收督办事项',
    description: 'Issue supervision actions on behalf of the town safety committee, accept or refuse the rectification, decide extensions, close (delist) and escalate them.',
    grantedTo: { 'town-safety-office': 'ALL' },
  },
  {
    code: SupervisionPermission.Respond,
    nameZh: '办理督办事项',
    description: 'Answer a supervision action addressed to your organization: acknowledge it, submit the reply or plan, report rectification, request acceptance and request an extension.',
    grantedTo: { 'town-safety-office': 'ALL', 'department-officer': 'OWN_ORG', 'village-officer': 'ORG_SUBTREE' },
  },
]);
