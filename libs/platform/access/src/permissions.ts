import { definePermissions } from '@platform/core';

/** Permissions of the access module's admin API. The super admin holds all of them. */
export const AccessPermission = {
  RoleRead: 'access.role:read',
  RoleWrite: 'access.role:write',
  RoleAssign: 'access.role:assign',
  UserRead: 'access.user:read',
  UserWrite: 'access.user:write',
  ApiClientRead: 'access.api-client:read',
  ApiClientWrite: 'access.api-client:write',
} as const;

export const accessPermissions = definePermissions([
  { code: AccessPermission.RoleRead, nameZh: '查看角色', description: 'Read roles, their grants and the permission catalog.', grantedTo: { 'town-safety-office': 'ALL' } },
  { code: AccessPermission.RoleWrite, nameZh: '维护角色', description: 'Create, change and delete custom roles and their grants.' },
  {
    code: AccessPermission.RoleAssign,
    nameZh: '分配角色',
    description: 'Assign roles to users and API clients and remove them (also needs access.user:write or access.api-client:write).',
  },
  { code: AccessPermission.UserRead, nameZh: '查看用户', description: 'Read user accounts and their role assignments.', grantedTo: { 'town-safety-office': 'ALL' } },
  { code: AccessPermission.UserWrite, nameZh: '维护用户', description: 'Create, disable and reset user accounts and assign roles to them.' },
  { code: AccessPermission.ApiClientRead, nameZh: '查看接口客户端', description: 'Read API clients, their role assignments and their trusted documents.', grantedTo: { 'town-safety-office': 'ALL' } },
  { code: AccessPermission.ApiClientWrite, nameZh: '维护接口客户端', description: 'Create, rotate and revoke API client keys, assign roles to clients, register and revoke their trusted documents and lock them to those.' },
] as const);
