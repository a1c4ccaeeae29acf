import { definePermissions } from '@platform/core';

/**
 * Permissions of the certificates part. Enforcement certificates (执法证) are scoped by the legal
 * subject they are issued for (the town government in the seed), special-operation certificates
 * (特种作业操作证) by the employer enterprise: an enterprise's OWN_ORG is the enterprise, a village
 * officer's ORG_SUBTREE the village with its grids and the enterprises in them.
 */
export const CertificatePermission = {
  Read: 'enforcement.certificate:read',
  Manage: 'enforcement.certificate:manage',
  OperatorRead: 'enforcement.operator-certificate:read',
  OperatorRegister: 'enforcement.operator-certificate:register',
  OperatorManage: 'enforcement.operator-certificate:manage',
} as const;

export const certificatePermissions = definePermissions([
  {
    code: CertificatePermission.Read,
    nameZh: '查看行政执法证',
    description: 'Read the enforcement certificates (行政执法证) of inspectors: number, issuing authority, legal subject, enforcement field, validity and revocation.',
    grantedTo: { 'town-safety-office': 'ALL', 'department-officer': 'ALL', 'village-officer': 'ORG_SUBTREE', inspector: 'ALL', 'integration-readonly': 'ALL' },
  },
  {
    code: CertificatePermission.Manage,
    nameZh: '管理行政执法证',
    description: 'Register, renew and revoke the enforcement certificates of inspectors of the legal subjects in your scope.',
    grantedTo: { 'town-safety-office': 'ALL' },
  },
  {
    code: CertificatePermission.OperatorRead,
    nameZh: '查看特种作业操作证',
    description: 'Read the special-operation certificates (特种作业操作证) of workers of the enterprises in your scope, their review record and status.',
    grantedTo: {
      'town-safety-office': 'ALL',
      'department-officer': 'ALL',
      'village-officer': 'ORG_SUBTREE',
      'enterprise-safety-manager': 'OWN_ORG',
      inspector: 'ALL',
      'integration-readonly': 'ALL',
    },
  },
  {
    code: CertificatePermission.OperatorRegister,
    nameZh: '登记特种作业操作证',
    description: 'Register the special-operation certificates held by workers of the enterprises in your scope (an enterprise its own workers\').',
    grantedTo: { 'town-safety-office': 'ALL', 'enterprise-safety-manager': 'OWN_ORG', inspector: 'ALL' },
  },
  {
    code: CertificatePermission.OperatorManage,
    nameZh: '管理特种作业操作证',
    description: 'Record the reviews (复审) of special-operation certificates and revoke them.',
    grantedTo: { 'town-safety-office': 'ALL', inspector: 'ALL' },
  },
]);
