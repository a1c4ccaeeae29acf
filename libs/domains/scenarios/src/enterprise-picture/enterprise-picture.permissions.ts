import { definePermissions } from '@platform/core';

/**
 * Permission of the enterprise safety butler (企业安全管家): an enterprise's whole picture and the red
 * list. Scoped by the enterprise (an enterprise account sees its own picture, a village officer those
 * of its enterprises); every section and reason is read in this permission's scope, so the picture is
 * the same whichever other module's permissions the caller holds.
 */
export const EnterprisePicturePermission = {
  Read: 'scenarios.enterprise-picture:read',
} as const;

export const enterprisePicturePermissions = definePermissions([
  {
    code: EnterprisePicturePermission.Read,
    nameZh: '查看企业安全画像',
    description: 'Read an enterprise\'s whole safety picture (profile, risk points, open hazards, inspections and cases, certificates, liability insurance, drills against their rule, plans, the internal reward mechanism) with its composite status and reasons, and the ranked red list of enterprises in your scope.',
    grantedTo: { 'town-safety-office': 'ALL', 'department-officer': 'ALL', 'village-officer': 'ORG_SUBTREE', 'enterprise-safety-manager': 'ORG_SUBTREE', inspector: 'ALL' },
  },
]);
