// The equipment part's public face (re-exported by the module's index.ts). The enterprise picture
// reads an enterprise's overdue renewals and eliminated equipment in service through
// `equipmentRenewalOf` (a loader) or `overdueRenewalCountSql` / `eliminatedInServiceCountSql` (SQL forms).
export { EnterpriseEquipment, EquipmentRenewalPlan } from './enterprise-equipment.entity';
export { EquipmentKind, EquipmentStatus, RenewalAction } from './equipment.enums';
export { EnterpriseEquipments, EquipmentRenewalPlans } from './equipment.entities';
export { EquipmentPermission } from './equipment.permissions';
export { equipmentRules, type EquipmentRule } from './equipment.rules';
export { EnterpriseEquipmentReference, EquipmentRenewalPlanPages } from './equipment.loaders';
export { EnterpriseEquipmentConnection, EquipmentRenewalPlanConnection } from './equipment.resolver';
export { eliminatedInServiceCountSql, eliminatedInServiceSql, equipmentRenewalOf, overdueRenewalCountSql, renewalOverdueSql, type EquipmentRenewalSummary } from './equipment.sql';
export { equipmentSeedId, renewalPlanSeedId } from './equipment.seed';
export { overdueEquipmentRenewals } from './equipment-indicators';
export { equipmentEvents, type EquipmentEvents } from './equipment.events';
