import type { ModuleParts } from '../shared/module-parts';
import { CommandBody, CommandPosition } from './command-body.entity';
import { RescueTeam, TeamEquipment, TeamMember } from './rescue-team.entity';
import { StaffingRule } from './staffing-rule.entity';
import { CommandBodyResolver, CommandPositionResolver } from './command.resolver';
import { RescueTeamResolver, TeamMemberResolver } from './team.resolver';
import { StaffingRuleResolver } from './staffing.resolver';
import { seedCommand } from './command.seed';
import { CreateCommandAndTeams1764402000000 } from '../migrations/1764402000000-create-command-and-teams';

/** 应急指挥部、联合指挥室与救援队伍 (work-plan points 十二, 十三): command bodies, rescue teams and staffing rules. */
export const commandParts: ModuleParts = {
  entities: [CommandBody, CommandPosition, RescueTeam, TeamMember, TeamEquipment, StaffingRule],
  resolvers: [CommandBodyResolver, CommandPositionResolver, RescueTeamResolver, TeamMemberResolver, StaffingRuleResolver],
  migrations: [CreateCommandAndTeams1764402000000],
  seed: seedCommand,
};
