import { NIL, type MatrixRows, type Who } from './matrix-roles';

/** scenarios.equipment:read: the office, departments, villages (their subtree), enterprises (their own), inspectors and read-only integrations. */
const EQUIPMENT_READERS: Who[] = ['admin', 'anban', 'jingfa', 'wenfeng', 'sinopec-nanping', 'zhifa', 'integration'];
/** scenarios.equipment:manage: the office and enterprises (their own equipment). */
const EQUIPMENT_MANAGERS: Who[] = ['admin', 'anban', 'sinopec-nanping'];

/** Scenarios module, equipment part (设备更新): every operation with who may call it (the writes name a missing record, so an allowed caller writes nothing). */
export const SCENARIOS_EQUIPMENT_ROWS: MatrixRows = {
  'Query.enterpriseEquipment': { op: `{ enterpriseEquipment(id: "${NIL}") { id } }`, allowed: EQUIPMENT_READERS },
  'Query.enterpriseEquipments': { op: `{ enterpriseEquipments(first: 1) { totalCount } }`, allowed: EQUIPMENT_READERS },
  'Query.equipmentRenewalPlan': { op: `{ equipmentRenewalPlan(id: "${NIL}") { id } }`, allowed: EQUIPMENT_READERS },
  'Query.equipmentRenewalPlans': { op: `{ equipmentRenewalPlans(first: 1) { totalCount } }`, allowed: EQUIPMENT_READERS },
  'Mutation.registerEnterpriseEquipment': { op: `mutation { registerEnterpriseEquipment(input: { enterpriseId: "${NIL}", name: "矩阵测试", kind: OTHER, installedYear: 2020 }) { id } }`, allowed: EQUIPMENT_MANAGERS },
  'Mutation.updateEnterpriseEquipment': { op: `mutation { updateEnterpriseEquipment(input: { id: "${NIL}", version: 1, note: "矩阵测试" }) { id } }`, allowed: EQUIPMENT_MANAGERS },
  'Mutation.retireEnterpriseEquipment': { op: `mutation { retireEnterpriseEquipment(input: { id: "${NIL}", version: 1 }) { id } }`, allowed: EQUIPMENT_MANAGERS },
  'Mutation.planEquipmentRenewal': { op: `mutation { planEquipmentRenewal(input: { equipmentId: "${NIL}", action: RETIRE, description: "矩阵测试", dueOn: "2026-12-31" }) { id } }`, allowed: EQUIPMENT_MANAGERS },
  'Mutation.completeEquipmentRenewal': { op: `mutation { completeEquipmentRenewal(input: { id: "${NIL}", version: 1, evidenceNote: "矩阵测试" }) { id } }`, allowed: EQUIPMENT_MANAGERS },
};
