import type { ScenariosPart } from '../scenarios.part';
import { CreateEquipment1764404270000 } from '../migrations/1764404270000-create-equipment';
import { EnterpriseEquipment, EquipmentRenewalPlan } from './enterprise-equipment.entity';
import { equipmentNodeEntities } from './equipment.entities';
import { equipmentEvents } from './equipment.events';
import { equipmentPermissions } from './equipment.permissions';
import { equipmentIndicators } from './equipment-indicators';
import { EnterpriseEquipmentResolver, EquipmentRenewalPlanResolver } from './equipment.resolver';
import { seedEquipment } from './equipment.seed';

/** 设备更新 (point 二十四): enterprises' equipment with its installation year and eliminated-equipment flag, and renewal plans due by a day. */
export const equipmentPart: ScenariosPart = {
  entities: [EnterpriseEquipment, EquipmentRenewalPlan],
  resolvers: [EnterpriseEquipmentResolver, EquipmentRenewalPlanResolver],
  migrations: [CreateEquipment1764404270000],
  permissions: equipmentPermissions,
  scopedEntities: equipmentNodeEntities,
  events: [equipmentEvents],
  businessRules: [],
  indicators: equipmentIndicators,
  seed: seedEquipment,
};
