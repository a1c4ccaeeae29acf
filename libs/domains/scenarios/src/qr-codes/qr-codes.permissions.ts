import { definePermissions } from '@platform/core';

/**
 * Permissions of QR codes (安全隐患码上除). Codes and self-checks are scoped by the organization a code
 * is kept at: the enterprise that owns it (an enterprise's OWN_ORG is its own codes), else the village
 * of a public place. Resolving a code is public: the code itself is the key.
 */
export const QrCodePermission = {
  Resolve: 'scenarios.qr-code:resolve',
  Manage: 'scenarios.qr-code:manage',
  SelfCheckSubmit: 'scenarios.self-check:submit',
  SelfCheckRead: 'scenarios.self-check:read',
} as const;

export const qrCodePermissions = definePermissions([
  {
    code: QrCodePermission.Resolve,
    nameZh: '扫码',
    description: 'Resolve a QR code (安全隐患码上除) to the public tip form prefilled with its place, enterprise and categories, and render its image; rate-limited per address and per code. Held by anyone, without an account.',
    grantedTo: {
      public: 'ALL',
      'town-safety-office': 'ALL',
      'department-officer': 'ALL',
      'village-officer': 'ALL',
      'grid-worker': 'ALL',
      'enterprise-safety-manager': 'ALL',
      inspector: 'ALL',
      expert: 'ALL',
    },
  },
  {
    code: QrCodePermission.Manage,
    nameZh: '管理安全隐患码',
    description: 'List, issue, update and revoke the QR codes of enterprises and places in scope (an enterprise its own), and read their daily scan counts.',
    grantedTo: { 'town-safety-office': 'ALL', 'village-officer': 'ORG_SUBTREE', 'enterprise-safety-manager': 'OWN_ORG' },
  },
  {
    code: QrCodePermission.SelfCheckSubmit,
    nameZh: '提交场所自查',
    description: 'Submit the monthly self-check of a place\'s QR code (an enterprise its own): each item answered NOT_OK raises a SELF_CHECK hazard.',
    grantedTo: { 'town-safety-office': 'ALL', 'enterprise-safety-manager': 'OWN_ORG' },
  },
  {
    code: QrCodePermission.SelfCheckRead,
    nameZh: '查看场所自查',
    description: 'Read the self-checks submitted at QR codes in scope (an enterprise its own) with the hazards they raised.',
    grantedTo: { 'town-safety-office': 'ALL', 'department-officer': 'ALL', 'village-officer': 'ORG_SUBTREE', 'enterprise-safety-manager': 'OWN_ORG', inspector: 'ALL', 'integration-readonly': 'ALL' },
  },
]);
