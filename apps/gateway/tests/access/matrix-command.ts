import { NIL, READERS, type MatrixRows, type Who } from './matrix-roles';

/** rescue.command:read: every reading role (village and grid officers in their subtree, enterprise managers at their own). */
const COMMAND_READERS: Who[] = READERS;
/** rescue.command:write and rescue.rule:manage: the town safety office. */
const TOWN_OFFICE: Who[] = ['admin', 'anban'];
/** rescue.team:write: the town safety office, village officers and enterprise safety managers. */
const TEAM_WRITERS: Who[] = ['admin', 'anban', 'wenfeng', 'sinopec-nanping'];

/** Rescue module, command: every operation with who may call it. */
export const RESCUE_COMMAND_ROWS: MatrixRows = {
  'Query.commandBody': { op: `{ commandBody(id: "${NIL}") { id } }`, allowed: COMMAND_READERS },
  'Query.commandBodies': { op: `{ commandBodies(first: 1) { totalCount } }`, allowed: COMMAND_READERS },
  'Mutation.createCommandBody': { op: `mutation { createCommandBody(input: { organizationId: "${NIL}", kind: HEADQUARTERS, name: "xx" }) { id } }`, allowed: TOWN_OFFICE },
  'Mutation.updateCommandBody': { op: `mutation { updateCommandBody(input: { id: "${NIL}", version: 1, name: "xx" }) { id } }`, allowed: TOWN_OFFICE },
  'Mutation.archiveCommandBody': { op: `mutation { archiveCommandBody(input: { id: "${NIL}", version: 1 }) { id } }`, allowed: TOWN_OFFICE },
  'Mutation.setCommandPosition': { op: `mutation { setCommandPosition(input: { bodyId: "${NIL}", title: "x", holderPersonId: "${NIL}" }) { id } }`, allowed: TOWN_OFFICE },
  'Mutation.removeCommandPosition': { op: `mutation { removeCommandPosition(input: { id: "${NIL}", version: 1 }) { id } }`, allowed: TOWN_OFFICE },
  'Query.rescueTeam': { op: `{ rescueTeam(id: "${NIL}") { id } }`, allowed: COMMAND_READERS },
  'Query.rescueTeams': { op: `{ rescueTeams(first: 1) { totalCount } }`, allowed: COMMAND_READERS },
  'Mutation.createRescueTeam': { op: `mutation { createRescueTeam(input: { organizationId: "${NIL}", kind: MILITIA, name: "xx" }) { id } }`, allowed: TEAM_WRITERS },
  'Mutation.updateRescueTeam': { op: `mutation { updateRescueTeam(input: { id: "${NIL}", version: 1, readiness: LIMITED }) { id } }`, allowed: TEAM_WRITERS },
  'Mutation.archiveRescueTeam': { op: `mutation { archiveRescueTeam(input: { id: "${NIL}", version: 1 }) { id } }`, allowed: TEAM_WRITERS },
  'Mutation.recordTeamActivity': { op: `mutation { recordTeamActivity(input: { id: "${NIL}", version: 1, kind: PATROL, on: "2025-01-01" }) { id } }`, allowed: TEAM_WRITERS },
  'Mutation.addTeamMember': { op: `mutation { addTeamMember(input: { teamId: "${NIL}", personId: "${NIL}", role: MEMBER }) { id } }`, allowed: TEAM_WRITERS },
  'Mutation.updateTeamMember': { op: `mutation { updateTeamMember(input: { id: "${NIL}", version: 1, role: DRIVER }) { id } }`, allowed: TEAM_WRITERS },
  'Mutation.endTeamMembership': { op: `mutation { endTeamMembership(input: { id: "${NIL}", version: 1, leftOn: "2025-01-01" }) { id } }`, allowed: TEAM_WRITERS },
  'Mutation.addTeamEquipment': { op: `mutation { addTeamEquipment(input: { teamId: "${NIL}", name: "对讲机", category: COMMUNICATION, quantity: 1 }) { id } }`, allowed: TEAM_WRITERS },
  'Mutation.updateTeamEquipment': { op: `mutation { updateTeamEquipment(input: { id: "${NIL}", version: 1, condition: GOOD }) { id } }`, allowed: TEAM_WRITERS },
  'Mutation.removeTeamEquipment': { op: `mutation { removeTeamEquipment(input: { id: "${NIL}", version: 1 }) { id } }`, allowed: TEAM_WRITERS },
  'Query.staffingRules': { op: `{ staffingRules(first: 1) { totalCount } }`, allowed: COMMAND_READERS },
  'Query.teamStaffingShortfalls': { op: `{ teamStaffingShortfalls(first: 1) { totalCount } }`, allowed: COMMAND_READERS },
  'Mutation.createStaffingRule': { op: `mutation { createStaffingRule(input: { code: "MATRIX_RULE", name: "xx", teamKind: VOLUNTEER, minLeaders: 1, minMembers: 1 }) { id } }`, allowed: TOWN_OFFICE },
  'Mutation.updateStaffingRule': { op: `mutation { updateStaffingRule(input: { id: "${NIL}", version: 1, priority: 1 }) { id } }`, allowed: TOWN_OFFICE },
  'Mutation.archiveStaffingRule': { op: `mutation { archiveStaffingRule(input: { id: "${NIL}", version: 1 }) { id } }`, allowed: TOWN_OFFICE },
};
