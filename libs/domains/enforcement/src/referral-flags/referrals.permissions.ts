import { definePermissions } from '@platform/core';

/**
 * Permissions of criminal referrals (行刑衔接). Scopes are measured from the organization concerned
 * (the case's party enterprise, the accident's organization). Enterprises do not see referrals: a
 * suspected crime is reported to the police, not to the suspect.
 */
export const ReferralPermission = {
  Read: 'enforcement.referral:read',
  Manage: 'enforcement.referral:manage',
  Decide: 'enforcement.referral:decide',
} as const;

export const referralPermissions = definePermissions([
  {
    code: ReferralPermission.Read,
    nameZh: '查看刑事移送',
    description: 'Read criminal referrals (行刑衔接): their source, reasons, report, decision, transfer, the police\'s answer, clocks and documents.',
    grantedTo: { 'town-safety-office': 'ALL', inspector: 'ALL', 'village-officer': 'ORG_SUBTREE', 'integration-readonly': 'ALL' },
  },
  {
    code: ReferralPermission.Manage,
    nameZh: '办理刑事移送',
    description: 'Write the referral report of a flagged matter (two or more enforcers), transfer a decided referral to the police, record the police\'s answer and close the referral.',
    grantedTo: { inspector: 'ALL', 'town-safety-office': 'ALL' },
  },
  {
    code: ReferralPermission.Decide,
    nameZh: '决定刑事移送',
    description: 'Decide as the agency head, within the decision clock, whether a reported referral is transferred (never one of its enforcers), or dismiss a flag that shows no suspected crime.',
    grantedTo: { 'town-safety-office': 'ALL' },
  },
]);
