import { Field, Int, ObjectType } from 'type-graphql';
import { UUIDScalar } from '@platform/core';
import { StaffingRuleRequirement } from './command.enums';
import { RescueTeam } from './rescue-team.entity';
import { StaffingRule } from './staffing-rule.entity';

@ObjectType({ description: '配备缺口。One requirement of the applying staffing rule a team falls short of: what is required and what the team has.' })
export class StaffingShortfallItem {
  @Field(() => StaffingRuleRequirement, { description: '要求。Which requirement.' })
  requirement: StaffingRuleRequirement;

  @Field(() => Int, { nullable: true, description: '班次。The shift (1 to the team\'s shift count) for ON_DUTY_PER_SHIFT; null for the other requirements.' })
  shift: number | null;

  @Field(() => Int, { description: '应有人数。How many the rule requires.' })
  required: number;

  @Field(() => Int, { description: '实有人数。How many the team has (serving members only).' })
  actual: number;
}

@ObjectType({ description: '队伍配备情况。How a team measures up to the staffing rule that applies to it.' })
export class RescueTeamStaffing {
  @Field(() => StaffingRule, { nullable: true, description: '适用标准。The highest-priority active rule matching the team\'s kind and organization kind; null when none applies.' })
  rule: StaffingRule | null;

  @Field(() => [StaffingShortfallItem], { description: '缺口。The requirements the team falls short of, in the order leaders, members, per shift, qualified; empty when it meets the rule.' })
  shortfalls: StaffingShortfallItem[];

  @Field({ description: '配备达标。True when a rule applies and the team meets it, or no rule applies.' })
  fullyStaffed: boolean;
}

@ObjectType({ description: '人员配备不足的队伍。A team that falls short of its staffing rule, with the rule and each shortfall.' })
export class StaffingShortfall {
  @Field(() => UUIDScalar, { description: '队伍标识。The team\'s id.' })
  teamId: string;

  @Field(() => RescueTeam, { description: '队伍。The team.' })
  team: RescueTeam;

  @Field(() => StaffingRule, { description: '适用标准。The rule that applies to the team.' })
  rule: StaffingRule;

  @Field(() => [StaffingShortfallItem], { description: '缺口。The requirements the team falls short of (never empty).' })
  shortfalls: StaffingShortfallItem[];
}
