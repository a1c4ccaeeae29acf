/*
 * The equipment part's entities with their row scope and permissions, declared once: every read and
 * write goes through `records(ctx, <declaration>)`, which applies the scope.
 */
import { defineScopedEntity } from '@platform/core';
import { EnterpriseEquipment, EquipmentRenewalPlan } from './enterprise-equipment.entity';
import { EquipmentPermission } from './equipment.permissions';

/** Equipment belongs to its enterprise: the enterprise sees its own, a village its enterprises'. */
export const EnterpriseEquipments = defineScopedEntity(EnterpriseEquipment, {
  table: 'enterprise_equipment',
  scope: { organizationColumn: 'enterprise_id' },
  read: EquipmentPermission.Read,
  write: EquipmentPermission.Manage,
});

/** A renewal plan belongs to the equipment's enterprise (copied when planned). */
export const EquipmentRenewalPlans = defineScopedEntity(EquipmentRenewalPlan, {
  table: 'equipment_renewal_plan',
  scope: { organizationColumn: 'enterprise_id' },
  read: EquipmentPermission.Read,
  write: EquipmentPermission.Manage,
});

/** The declarations reachable by `node(nodeId:)`. */
export const equipmentNodeEntities = [EnterpriseEquipments, EquipmentRenewalPlans];
