import { definePermissions } from '@platform/core';

/** Permissions of the directory module. */
export const DirectoryPermission = {
  OrganizationRead: 'directory.organization:read',
  OrganizationWrite: 'directory.organization:write',
  PersonRead: 'directory.person:read',
  PersonReadSensitive: 'directory.person:read-sensitive',
  PersonWrite: 'directory.person:write',
} as const;

export const directoryPermissions = definePermissions([
  {
    code: DirectoryPermission.OrganizationRead,
    nameZh: '查看组织机构',
    description: 'Read organizations, the tree, enterprise profiles and industry sectors.',
    grantedTo: {
      'town-safety-office': 'ALL',
      'department-officer': 'ALL',
      'village-officer': 'ORG_SUBTREE',
      'grid-worker': 'ORG_SUBTREE',
      'enterprise-safety-manager': 'OWN_ORG',
      inspector: 'ALL',
      expert: 'ALL',
      'integration-readonly': 'ALL',
    },
  },
  {
    code: DirectoryPermission.OrganizationWrite,
    nameZh: '维护组织机构',
    description: 'Create, update, move and archive organizations and enterprise profiles.',
    grantedTo: { 'town-safety-office': 'ALL', 'village-officer': 'ORG_SUBTREE' },
  },
  {
    code: DirectoryPermission.PersonRead,
    nameZh: '查看人员',
    description: 'Read persons and their positions, with phone and ID number masked.',
    grantedTo: {
      'town-safety-office': 'ALL',
      'department-officer': 'ORG_SUBTREE',
      'village-officer': 'ORG_SUBTREE',
      'grid-worker': 'ORG_SUBTREE',
      'enterprise-safety-manager': 'OWN_ORG',
      inspector: 'ALL',
      'integration-readonly': 'ALL',
    },
  },
  {
    code: DirectoryPermission.PersonReadSensitive,
    nameZh: '查看人员敏感信息',
    description: 'Read phone numbers and ID numbers of persons unmasked; every unmasked read is audited.',
    sensitive: true,
    grantedTo: { 'town-safety-office': 'ALL', 'village-officer': 'ORG_SUBTREE' },
  },
  {
    code: DirectoryPermission.PersonWrite,
    nameZh: '维护人员',
    description: 'Create, update and archive persons and assign or end their positions.',
    grantedTo: { 'town-safety-office': 'ALL', 'village-officer': 'ORG_SUBTREE' },
  },
] as const);
