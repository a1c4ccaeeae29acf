import { definePermissions } from '@platform/core';

/**
 * Permissions of the emergency communication terminals and 三断 drills. Scoped by the village or
 * community keeping the terminal: a village officer reads and manages its own village's terminals
 * (ORG_SUBTREE), the office and departments read the town's.
 */
export const TerminalPermission = {
  Read: 'scenarios.terminal:read',
  Manage: 'scenarios.terminal:manage',
} as const;

export const communicationsPermissions = definePermissions([
  {
    code: TerminalPermission.Read,
    nameZh: '查看应急通信终端',
    description: 'Read the emergency fallback communication terminals of villages and communities in your scope, their tests and readiness, the villages without a ready terminal and the 三断 drills.',
    grantedTo: { 'town-safety-office': 'ALL', 'department-officer': 'ALL', 'village-officer': 'ORG_SUBTREE', 'integration-readonly': 'ALL' },
  },
  {
    code: TerminalPermission.Manage,
    nameZh: '管理应急通信终端',
    description: 'Register and update the emergency communication terminals of villages in your scope (a village officer its own village\'s), record their tests and record 三断 drills (raising a DRILL hazard for problems found).',
    grantedTo: { 'town-safety-office': 'ALL', 'village-officer': 'ORG_SUBTREE' },
  },
]);
