import { defineEvents, payload } from '@platform/core';
import { EnterpriseEquipments, EquipmentRenewalPlans } from './equipment.entities';

/** What a piece of equipment's events carry. */
export type EquipmentPayload = { id: string; enterpriseId: string; eliminated: boolean; status: string };
/** What a renewal plan's events carry. */
export type RenewalPlanPayload = { id: string; equipmentId: string; enterpriseId: string; action: string; dueOn: string; doneOn: string | null };

/** Every event of the equipment part (ids, flags and days only). */
export const equipmentEvents = defineEvents({
  'scenarios.equipment.registered': payload<EquipmentPayload>(EnterpriseEquipments),
  'scenarios.equipment.updated': payload<EquipmentPayload>(EnterpriseEquipments),
  'scenarios.equipment.retired': payload<EquipmentPayload>(EnterpriseEquipments),
  'scenarios.equipment-renewal.planned': payload<RenewalPlanPayload>(EquipmentRenewalPlans),
  'scenarios.equipment-renewal.completed': payload<RenewalPlanPayload>(EquipmentRenewalPlans),
});

export type EquipmentEvents = typeof equipmentEvents;
