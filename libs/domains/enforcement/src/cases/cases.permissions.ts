import { definePermissions } from '@platform/core';

/**
 * Permissions of penalty cases (行政处罚案件). Scopes are measured from the party enterprise: a village
 * officer's ORG_SUBTREE reaches the enterprises in the village, an enterprise safety manager's OWN_ORG
 * its own enterprise.
 */
export const CasePermission = {
  Read: 'enforcement.case:read',
  Manage: 'enforcement.case:manage',
  Review: 'enforcement.case:review',
  Decide: 'enforcement.case:decide',
} as const;

export const casePermissions = definePermissions([
  {
    code: CasePermission.Read,
    nameZh: '查看行政处罚案件',
    description: 'Read penalty cases: their steps, enforcers, declarations, evidence, statements, suspensions, clocks, warnings and documents.',
    grantedTo: { 'town-safety-office': 'ALL', 'department-officer': 'ALL', inspector: 'ALL', 'village-officer': 'ORG_SUBTREE', 'enterprise-safety-manager': 'OWN_ORG', 'integration-readonly': 'ALL' },
  },
  {
    code: CasePermission.Manage,
    nameZh: '办理行政处罚案件',
    description: 'Declare conflicts of interest, record evidence, end the investigation, notify the party, record statements, the hearing, service and execution, suspend and resume the clock, and archive.',
    grantedTo: { inspector: 'ALL', 'town-safety-office': 'ALL' },
  },
  {
    code: CasePermission.Review,
    nameZh: '法制审核',
    description: 'Record the legal review (法制审核) of a case before its decision; never one of its enforcers.',
    grantedTo: { 'town-safety-office': 'ALL' },
  },
  {
    code: CasePermission.Decide,
    nameZh: '行政处罚决定',
    description: 'Approve as head of the office (负责人): the filing (立案审批), the decision, an extension of the decision period and the closure; never one of the case\'s enforcers.',
    grantedTo: { 'town-safety-office': 'ALL' },
  },
]);
