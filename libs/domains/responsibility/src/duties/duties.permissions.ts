import { definePermissions } from '@platform/core';

/**
 * Permissions of duty lists and duty reports (职责清单、述职). Scopes are measured from the organization
 * of the official's position: a village officer reaches the lists of their village's officials only.
 */
export const DutyPermission = {
  Read: 'responsibility.duty:read',
  Manage: 'responsibility.duty:manage',
  Record: 'responsibility.duty:record',
} as const;

export const dutyPermissions = definePermissions([
  {
    code: DutyPermission.Read,
    nameZh: '查看职责清单和述职',
    description: 'Read officials\' duty lists (items, legal bases, signing, revisions and their differences), the actions recorded against them, the duties without action in a period, and duty reports.',
    grantedTo: { 'town-safety-office': 'ALL', 'department-officer': 'ALL', 'village-officer': 'ORG_SUBTREE', inspector: 'ALL', 'integration-readonly': 'ALL' },
  },
  {
    code: DutyPermission.Manage,
    nameZh: '制定职责清单',
    description: 'Draw up officials\' duty lists, change their items while in draft, record their signing and revise them for a new year or a new revision.',
    grantedTo: { 'town-safety-office': 'ALL', 'village-officer': 'ORG_SUBTREE' },
  },
  {
    code: DutyPermission.Record,
    nameZh: '记录履职和述职',
    description: 'Record actions against the duties of signed lists (with evidence), and generate, edit and submit duty reports (述职).',
    grantedTo: { 'town-safety-office': 'ALL', 'department-officer': 'OWN_ORG', 'village-officer': 'ORG_SUBTREE' },
  },
]);
