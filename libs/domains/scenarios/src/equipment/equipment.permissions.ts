import { definePermissions } from '@platform/core';

/**
 * Permissions of enterprise equipment and renewal plans (设备更新). Scoped by the enterprise: an
 * enterprise reads and manages its own (OWN_ORG), a village officer reads its enterprises', the
 * office, departments and inspectors read all.
 */
export const EquipmentPermission = {
  Read: 'scenarios.equipment:read',
  Manage: 'scenarios.equipment:manage',
} as const;

export const equipmentPermissions = definePermissions([
  {
    code: EquipmentPermission.Read,
    nameZh: '查看企业设备',
    description: 'Read the equipment of enterprises in your scope (an enterprise its own), with its installation year and eliminated-equipment flag, and the renewal plans, overdue ones included.',
    grantedTo: { 'town-safety-office': 'ALL', 'department-officer': 'ALL', 'village-officer': 'ORG_SUBTREE', 'enterprise-safety-manager': 'OWN_ORG', inspector: 'ALL', 'integration-readonly': 'ALL' },
  },
  {
    code: EquipmentPermission.Manage,
    nameZh: '管理企业设备',
    description: 'Register, correct and retire the equipment of enterprises in your scope (an enterprise its own), plan its renewal and record a plan done with its evidence.',
    grantedTo: { 'town-safety-office': 'ALL', 'enterprise-safety-manager': 'OWN_ORG' },
  },
]);
