import { NIL, type MatrixRows, type Who } from './matrix-roles';

/** rescue.joint-defense:read: the town offices, departments, village and grid officers, integrations. */
const JOINT_DEFENSE_READERS: Who[] = ['admin', 'anban', 'jingfa', 'wenfeng', 'wenfeng-grid1', 'integration'];
/** rescue.joint-defense:write: the town safety office, village officers and grid workers. */
const JOINT_DEFENSE_WRITERS: Who[] = ['admin', 'anban', 'wenfeng', 'wenfeng-grid1'];
/** rescue.household:read-sensitive: the same holders as the write permission (not departments, not integrations). */
const HOUSEHOLD_SENSITIVE_READERS: Who[] = ['admin', 'anban', 'wenfeng', 'wenfeng-grid1'];

/** Rescue module, joint-defense: every operation with who may call it. */
export const RESCUE_JOINT_DEFENSE_ROWS: MatrixRows = {
  'Query.jointDefenseGroup': { op: `{ jointDefenseGroup(id: "${NIL}") { id } }`, allowed: JOINT_DEFENSE_READERS },
  'Query.jointDefenseGroups': { op: `{ jointDefenseGroups(first: 1) { totalCount } }`, allowed: JOINT_DEFENSE_READERS },
  'Query.vulnerableHouseholds': { op: `{ vulnerableHouseholds(first: 1) { totalCount } }`, allowed: HOUSEHOLD_SENSITIVE_READERS },
  'Mutation.createJointDefenseGroup': {
    op: `mutation { createJointDefenseGroup(input: { organizationId: "${NIL}", name: "测试联防组", leaderPersonId: "${NIL}" }) { id } }`,
    allowed: JOINT_DEFENSE_WRITERS,
  },
  'Mutation.updateJointDefenseGroup': { op: `mutation { updateJointDefenseGroup(input: { id: "${NIL}", version: 1, name: "改名联防组" }) { id } }`, allowed: JOINT_DEFENSE_WRITERS },
  'Mutation.archiveJointDefenseGroup': { op: `mutation { archiveJointDefenseGroup(input: { id: "${NIL}", version: 1 }) { id } }`, allowed: JOINT_DEFENSE_WRITERS },
  'Mutation.addHousehold': {
    op: `mutation { addHousehold(input: { groupId: "${NIL}", headName: "张三", address: "文凤村3组", memberCount: 3 }) { id } }`,
    allowed: JOINT_DEFENSE_WRITERS,
  },
  'Mutation.updateHousehold': { op: `mutation { updateHousehold(input: { id: "${NIL}", version: 1, memberCount: 2 }) { id } }`, allowed: JOINT_DEFENSE_WRITERS },
  'Mutation.removeHousehold': { op: `mutation { removeHousehold(input: { id: "${NIL}", version: 1 }) { id } }`, allowed: JOINT_DEFENSE_WRITERS },
};
