import type { DomainModule } from '@platform/core';
import { CommandBody, CommandPosition } from './command/command-body.entity';
import { RescueTeam, TeamEquipment, TeamMember } from './command/rescue-team.entity';
import { StaffingRule } from './command/staffing-rule.entity';
import { CommandBodyResolver, CommandPositionResolver } from './command/command.resolver';
import { RescueTeamResolver, TeamEquipmentResolver, TeamMemberResolver } from './command/team.resolver';
import { StaffingRuleResolver } from './command/staffing.resolver';
import { seedCommand } from './command/command.seed';
import { CreateCommandAndTeams1764402000000 } from './migrations/1764402000000-create-command-and-teams';
import { DutyAssignment, DutyRequirement, DutyShift } from './duty/duty.entity';
import { DutyAssignmentResolver, DutyCoverageResolver, DutyDoubleBookingResolver, DutyGapResolver, DutyRequirementResolver, DutyShiftResolver } from './duty/duty.resolver';
import { seedDuty } from './duty/duty.seed';
import { CreateDutyRosters1764402100000 } from './migrations/1764402100000-create-duty-rosters';
import { AddSocialRescueTeams1764404145000 } from './migrations/1764404145000-add-social-rescue-teams';
import { commandPermissions } from './permissions';
import { commandNodeEntities } from './command.entities';
import { commandEvents } from './command.events';

/**
 * 应急指挥部、联合指挥室与救援队伍 (work-plan points 十二, 十三): command bodies, rescue teams and staffing rules.
 * 值班值守 (work plan point 十二): shift templates, assignments through hand-over, coverage rules as data and the coverage query.
 */
export const commandModule: DomainModule = {
  name: 'command',
  description: '指挥与值守。Command and duty (points 十二, 十三): command headquarters and the joint command room, rescue teams with members, equipment and staffing rules, duty rosters with requirements and coverage.',
  dependsOn: ['directory', 'preparedness'],
  entities: [CommandBody, CommandPosition, RescueTeam, TeamMember, TeamEquipment, StaffingRule, DutyShift, DutyAssignment, DutyRequirement],
  resolvers: [CommandBodyResolver, CommandPositionResolver, RescueTeamResolver, TeamMemberResolver, TeamEquipmentResolver, StaffingRuleResolver, DutyShiftResolver, DutyAssignmentResolver, DutyRequirementResolver, DutyCoverageResolver, DutyGapResolver, DutyDoubleBookingResolver],
  migrations: [CreateCommandAndTeams1764402000000, CreateDutyRosters1764402100000, AddSocialRescueTeams1764404145000],
  permissions: commandPermissions,
  scopedEntities: commandNodeEntities,
  events: [commandEvents],
  seed: async (ctx) => {
    await seedCommand(ctx);
    await seedDuty(ctx);
  },
};
