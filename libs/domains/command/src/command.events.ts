import { defineEvents, payload } from '@platform/core';
import { CommandBodies, CommandPositions, DutyAssignments, DutyRequirements, DutyShifts, RescueTeams, StaffingRules, TeamEquipmentItems, TeamMembers } from './command.entities';
import type { CommandBodyKind, RescueTeamActivityKind, RescueTeamKind, TeamEquipmentCondition, TeamMemberRole } from './command/command.enums';
import type { DutyRole } from './duty/duty.enums';

/** What the events of a record kept at an organization carry: the record and its organization. */
type KeptRecord = { id: string; organizationId: string };
/** What the events of a record kept as part of a team carry: the record and its team. */
type OfTeam = { id: string; teamId: string };
/** What the events of a code-list row (staffing rules, coverage rules) carry. */
type CodeRow = { id: string; code: string };
/** What every duty assignment step carries: the assignment, its organization and the person on duty. */
type AssignmentStep = { id: string; organizationId: string; personId: string };

/**
 * Every event the command library emits, with its payload: producers emit through these entries and
 * consumers (other libraries, subscriptions) take the payload types from them. Names keep the
 * `rescue.` prefix they had before the rescue module was split. The duty assignment's steps are
 * declared by `DUTY_ASSIGNMENT_WORKFLOW`, their events here.
 */
export const commandEvents = defineEvents({
  'rescue.command-body.created': payload<KeptRecord & { kind: CommandBodyKind }>(CommandBodies),
  'rescue.command-body.updated': payload<KeptRecord>(CommandBodies),
  'rescue.command-body.archived': payload<KeptRecord>(CommandBodies),
  'rescue.command-position.created': payload<{ id: string; bodyId: string }>(CommandPositions),
  'rescue.command-position.updated': payload<{ id: string; bodyId: string }>(CommandPositions),
  'rescue.command-position.removed': payload<{ id: string; bodyId: string }>({ entity: CommandBodies, field: 'bodyId' }),
  'rescue.team.created': payload<KeptRecord & { kind: RescueTeamKind }>(RescueTeams),
  'rescue.team.updated': payload<KeptRecord>(RescueTeams),
  'rescue.team.archived': payload<KeptRecord>(RescueTeams),
  /** A patrol or drill recorded for the team (`on`: its day, YYYY-MM-DD). */
  'rescue.team.activityRecorded': payload<KeptRecord & { kind: RescueTeamActivityKind; on: string }>(RescueTeams),
  'rescue.team.memberAdded': payload<OfTeam & { personId: string; role: TeamMemberRole }>(TeamMembers),
  'rescue.team.memberUpdated': payload<OfTeam>(TeamMembers),
  'rescue.team.memberLeft': payload<OfTeam & { personId: string }>(TeamMembers),
  'rescue.team.equipmentAdded': payload<OfTeam>(TeamEquipmentItems),
  'rescue.team.equipmentUpdated': payload<OfTeam & { condition: TeamEquipmentCondition }>(TeamEquipmentItems),
  'rescue.team.equipmentRemoved': payload<OfTeam>({ entity: RescueTeams, field: 'teamId' }),
  'rescue.staffing-rule.created': payload<CodeRow>(StaffingRules),
  'rescue.staffing-rule.updated': payload<CodeRow>(StaffingRules),
  'rescue.staffing-rule.archived': payload<CodeRow>(StaffingRules),
  'rescue.duty-shift.created': payload<KeptRecord>(DutyShifts),
  'rescue.duty-shift.updated': payload<KeptRecord>(DutyShifts),
  'rescue.duty-shift.archived': payload<KeptRecord>(DutyShifts),
  'rescue.duty-assignment.assigned': payload<KeptRecord & { shiftId: string; day: string; personId: string; role: DutyRole }>(DutyAssignments),
  'rescue.duty-assignment.confirmed': payload<AssignmentStep>(DutyAssignments),
  'rescue.duty-assignment.checkedIn': payload<AssignmentStep>(DutyAssignments),
  'rescue.duty-assignment.handedOver': payload<AssignmentStep>(DutyAssignments),
  'rescue.duty-assignment.cancelled': payload<AssignmentStep>(DutyAssignments),
  'rescue.duty-requirement.created': payload<CodeRow>(DutyRequirements),
  'rescue.duty-requirement.updated': payload<CodeRow>(DutyRequirements),
  'rescue.duty-requirement.archived': payload<CodeRow>(DutyRequirements),
});

export type CommandEvents = typeof commandEvents;
