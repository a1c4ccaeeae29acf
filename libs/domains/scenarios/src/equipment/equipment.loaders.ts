import { defineChildPages, defineReference } from '@platform/core';
import { EnterpriseEquipments, EquipmentRenewalPlans } from './equipment.entities';
import { PLANS_BY_DUE } from './equipment.orders';

/** Equipment by id, within the caller's read scope (others load as null): one statement per request level. */
export const EnterpriseEquipmentReference = defineReference(EnterpriseEquipments, 'scenarios.enterpriseEquipment.byId');

/** A piece of equipment's renewal plans, the earliest due first: one statement per nesting level. */
export const EquipmentRenewalPlanPages = defineChildPages(EquipmentRenewalPlans, { name: 'scenarios.enterpriseEquipment.renewalPlans', parentColumn: 'equipment_id', keys: PLANS_BY_DUE });
