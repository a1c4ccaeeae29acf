import { definePermissions } from '@platform/core';

/**
 * Permissions of administrative inspections (行政检查). Scopes are measured from the inspected
 * enterprise: a village officer's ORG_SUBTREE reaches the enterprises in the village, an enterprise
 * safety manager's OWN_ORG its own enterprise.
 */
export const InspectionPermission = {
  Read: 'enforcement.inspection:read',
  Manage: 'enforcement.inspection:manage',
  Approve: 'enforcement.inspection:approve',
} as const;

export const inspectionPermissions = definePermissions([
  {
    code: InspectionPermission.Read,
    nameZh: '查看行政检查',
    description: 'Read administrative inspections of enterprises: their approval, checklist, certificate and permit checks, findings, documents, re-inspection, warnings and the annual plan\'s progress.',
    grantedTo: { 'town-safety-office': 'ALL', 'department-officer': 'ALL', inspector: 'ALL', 'village-officer': 'ORG_SUBTREE', 'enterprise-safety-manager': 'OWN_ORG', 'integration-readonly': 'ALL' },
  },
  {
    code: InspectionPermission.Manage,
    nameZh: '实施行政检查',
    description: 'Plan an inspection, change and submit it, record the visit (checklist, certificates, permits, findings that raise hazards or call for a case), order rectification, record the re-inspection, close and cancel it.',
    grantedTo: { inspector: 'ALL', 'town-safety-office': 'ALL' },
  },
  {
    code: InspectionPermission.Approve,
    nameZh: '审批行政检查',
    description: 'Approve an inspection before its visit (行政检查审批表) or send it back; never one of its own inspectors.',
    grantedTo: { 'town-safety-office': 'ALL' },
  },
]);
