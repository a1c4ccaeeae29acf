import { defineEvents, payload } from '@platform/core';
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
  'rescue.command-body.created': payload<KeptRecord & { kind: CommandBodyKind }>(),
  'rescue.command-body.updated': payload<KeptRecord>(),
  'rescue.command-body.archived': payload<KeptRecord>(),
  'rescue.command-position.created': payload<{ id: string; bodyId: string }>(),
  'rescue.command-position.updated': payload<{ id: string; bodyId: string }>(),
  'rescue.command-position.removed': payload<{ id: string; bodyId: string }>(),
  'rescue.team.created': payload<KeptRecord & { kind: RescueTeamKind }>(),
  'rescue.team.updated': payload<KeptRecord>(),
  'rescue.team.archived': payload<KeptRecord>(),
  /** A patrol or drill recorded for the team (`on`: its day, YYYY-MM-DD). */
  'rescue.team.activityRecorded': payload<KeptRecord & { kind: RescueTeamActivityKind; on: string }>(),
  'rescue.team.memberAdded': payload<OfTeam & { personId: string; role: TeamMemberRole }>(),
  'rescue.team.memberUpdated': payload<OfTeam>(),
  'rescue.team.memberLeft': payload<OfTeam & { personId: string }>(),
  'rescue.team.equipmentAdded': payload<OfTeam>(),
  'rescue.team.equipmentUpdated': payload<OfTeam & { condition: TeamEquipmentCondition }>(),
  'rescue.team.equipmentRemoved': payload<OfTeam>(),
  'rescue.staffing-rule.created': payload<CodeRow>(),
  'rescue.staffing-rule.updated': payload<CodeRow>(),
  'rescue.staffing-rule.archived': payload<CodeRow>(),
  'rescue.duty-shift.created': payload<KeptRecord>(),
  'rescue.duty-shift.updated': payload<KeptRecord>(),
  'rescue.duty-shift.archived': payload<KeptRecord>(),
  'rescue.duty-assignment.assigned': payload<KeptRecord & { shiftId: string; day: string; personId: string; role: DutyRole }>(),
  'rescue.duty-assignment.confirmed': payload<AssignmentStep>(),
  'rescue.duty-assignment.checkedIn': payload<AssignmentStep>(),
  'rescue.duty-assignment.handedOver': payload<AssignmentStep>(),
  'rescue.duty-assignment.cancelled': payload<AssignmentStep>(),
  'rescue.duty-requirement.created': payload<CodeRow>(),
  'rescue.duty-requirement.updated': payload<CodeRow>(),
  'rescue.duty-requirement.archived': payload<CodeRow>(),
});

export type CommandEvents = typeof commandEvents;
