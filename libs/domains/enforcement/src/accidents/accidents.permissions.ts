import { definePermissions } from '@platform/core';

/**
 * Permissions of accident investigations (生产安全事故调查). Scopes are measured from the
 * investigation's organization: the enterprise of a work-safety accident (an enterprise sees its
 * own, a village those of its enterprises), else the incident's reporting organization.
 */
export const AccidentPermission = {
  Read: 'enforcement.accident:read',
  Investigate: 'enforcement.accident:investigate',
} as const;

export const accidentPermissions = definePermissions([
  {
    code: AccidentPermission.Read,
    nameZh: '查看事故调查',
    description: 'Read accident investigations: grade and figures, reporting delay, team, clocks and warnings, the 四不放过 checklist, 一案双查 findings and follow-up measures.',
    grantedTo: { 'town-safety-office': 'ALL', 'department-officer': 'ALL', inspector: 'ALL', 'village-officer': 'ORG_SUBTREE', 'enterprise-safety-manager': 'OWN_ORG', 'integration-readonly': 'ALL' },
  },
  {
    code: AccidentPermission.Investigate,
    nameZh: '开展事故调查',
    description: 'Open an investigation over an incident, refresh its figures and grade, record the unit\'s report time, set the team, extend, submit the report, record the reply, keep the 四不放过 checklist, 一案双查 findings and measures, and close it.',
    grantedTo: { 'town-safety-office': 'ALL', inspector: 'ALL' },
  },
]);
