import { EVERY_STAFF_ROLE, definePermissions } from '../access/permission';

/** Permissions of the versioned business rules. */
export const BusinessRulePermission = {
  Read: 'kernel.business-rule:read',
  Manage: 'kernel.business-rule:manage',
} as const;

export const businessRulePermissions = definePermissions([
  {
    code: BusinessRulePermission.Read,
    nameZh: '查看业务规则',
    description: 'Read the business rules (thresholds, deadlines, tiers, rates) and every version of them with its document and period.',
    grantedTo: { ...EVERY_STAFF_ROLE, 'integration-readonly': 'ALL' },
  },
  {
    code: BusinessRulePermission.Manage,
    nameZh: '维护业务规则',
    description: 'Add versions of business rules as new documents set them, and withdraw a version before it comes into force.',
    grantedTo: { 'town-safety-office': 'ALL' },
  },
]);
