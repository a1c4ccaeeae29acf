import { definePermissions } from '@platform/core';

/**
 * Permissions of insurance (安责险 policies and coverage, the district's catastrophe policy and the
 * town's claims). Policies are scoped by the insured enterprise (an enterprise's OWN_ORG is its own
 * policies, a village officer's ORG_SUBTREE those of its enterprises); catastrophe records by the
 * organization keeping them (the town, a village).
 */
export const InsurancePermission = {
  Read: 'reporting.insurance:read',
  Manage: 'reporting.insurance:manage',
} as const;

export const insurancePermissions = definePermissions([
  {
    code: InsurancePermission.Read,
    nameZh: '查看保险',
    description: 'Read work-safety liability insurance policies and the coverage of enterprises in mandatory sectors (应急〔2025〕27号), the district catastrophe insurance policy and the claims under it.',
    grantedTo: { 'town-safety-office': 'ALL', 'department-officer': 'ALL', 'village-officer': 'ORG_SUBTREE', 'enterprise-safety-manager': 'OWN_ORG', 'integration-readonly': 'ALL' },
  },
  {
    code: InsurancePermission.Manage,
    nameZh: '管理保险',
    description: 'Record, correct and cancel liability insurance policies of enterprises in your scope (an enterprise its own), record the catastrophe policy and file and settle claims under it.',
    grantedTo: { 'town-safety-office': 'ALL', 'enterprise-safety-manager': 'OWN_ORG' },
  },
]);
