export { commandModule } from './command.module';
export { CommandPermission } from './permissions';
// Declared entities: other libraries read command's records through these (records(ctx, X, permission)), never by SQL on its tables.
export { CommandBodies, CommandPositions, DutyAssignments, DutyRequirements, DutyShifts, RescueTeams, StaffingRules, TeamEquipmentItems, TeamMembers } from './command.entities';
export { CommandBody, CommandPosition } from './command/command-body.entity';
export { RescueTeam, TeamEquipment, TeamMember } from './command/rescue-team.entity';
export { DutyAssignment, DutyShift } from './duty/duty.entity';
export { DutyAssignmentStatus, DutyRole } from './duty/duty.enums';
// Who is on duty at an instant (the warnings' escalation chain asks here).
export { onDutyAt, type OnDuty } from './duty/on-duty';
export { commandEvents, type CommandEvents } from './command.events';
export { commandRules, type CommandRule } from './command.rules';
