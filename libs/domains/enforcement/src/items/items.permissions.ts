import { definePermissions } from '@platform/core';

/**
 * Permissions of the enforcement item lists (执法事项清单, work-plan point 十七). The lists are the
 * town's published catalogue of what it may enforce: every officer role reads them, as do inspectors
 * and integrations; only the town safety office keeps them. Scope is measured from a list's
 * organization (the legal subject it belongs to: the town government).
 */
export const ItemPermission = {
  Read: 'enforcement.item:read',
  Manage: 'enforcement.item:manage',
} as const;

export const itemPermissions = definePermissions([
  {
    code: ItemPermission.Read,
    nameZh: '查看执法事项清单',
    description: 'Read the enforcement item lists and their items: kind (statutory, delegated, entrusted), category, scope, legal basis, discretion bands and hearing threshold, and which list is in force on a day.',
    grantedTo: { 'town-safety-office': 'ALL', 'department-officer': 'ALL', 'village-officer': 'ALL', inspector: 'ALL', 'integration-readonly': 'ALL' },
  },
  {
    code: ItemPermission.Manage,
    nameZh: '维护执法事项清单',
    description: 'Draw up a new list (empty or as a copy of a published one), edit its items while it is a draft, and publish it, which closes the list in force the day before.',
    grantedTo: { 'town-safety-office': 'ORG_SUBTREE' },
  },
]);
