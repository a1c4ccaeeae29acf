import { Arg, Args, Ctx, Info, Mutation, Query, Resolver } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { ArchiveInput, Connection, RequirePermission, selectsField, type ConnectionResult, type RequestContext } from '@platform/core';
import { StaffingRule } from './staffing-rule.entity';
import { CreateStaffingRuleInput, StaffingRuleListArgs, UpdateStaffingRuleInput } from './staffing.inputs';
import { StaffingShortfallArgs } from './team.inputs';
import { StaffingService } from './staffing.service';
import { StaffingShortfall } from './staffing.types';
import { CommandPermission } from '../permissions';
import { PreparednessPermission } from '@domains/preparedness';

export const StaffingRuleConnection = Connection(StaffingRule, '人员配备标准');
export const StaffingShortfallConnection = Connection(StaffingShortfall, '人员配备不足的队伍');
const input = { description: '输入。The fields of the request.' };

@Resolver(() => StaffingRule)
export class StaffingRuleResolver {
  private readonly service = new StaffingService();

  @Query(() => StaffingRuleConnection, { description: '人员配备标准列表。The staffing rules (town-wide), by team kind and priority; withdrawn ones with filter.includeArchived.' })
  @RequirePermission(CommandPermission.CommandRead)
  staffingRules(@Ctx() ctx: RequestContext, @Args(() => StaffingRuleListArgs) args: StaffingRuleListArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<StaffingRule>> {
    return this.service.listRules(ctx, args, selectsField(info, 'totalCount'));
  }

  @Query(() => StaffingShortfallConnection, { description: '人员配备不足。Standing teams in your scope that fall short of the staffing rule applying to them, by team name, with each shortfall; computed in SQL.' })
  @RequirePermission(CommandPermission.CommandRead)
  teamStaffingShortfalls(@Ctx() ctx: RequestContext, @Args(() => StaffingShortfallArgs) args: StaffingShortfallArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<StaffingShortfall>> {
    return this.service.shortfalls(ctx, args, selectsField(info, 'totalCount'));
  }

  @Mutation(() => StaffingRule, { description: '新增配备标准。Adds a staffing rule; it applies from the next read.' })
  @RequirePermission(PreparednessPermission.RuleManage)
  createStaffingRule(@Ctx() ctx: RequestContext, @Arg('input', () => CreateStaffingRuleInput, input) data: CreateStaffingRuleInput): Promise<StaffingRule> {
    return this.service.createRule(ctx, data);
  }

  @Mutation(() => StaffingRule, { description: '修改配备标准。Changes a staffing rule; needs the version you read (a stale one is refused with CONFLICT).' })
  @RequirePermission(PreparednessPermission.RuleManage)
  updateStaffingRule(@Ctx() ctx: RequestContext, @Arg('input', () => UpdateStaffingRuleInput, input) data: UpdateStaffingRuleInput): Promise<StaffingRule> {
    return this.service.updateRule(ctx, data);
  }

  @Mutation(() => StaffingRule, { description: '废止配备标准。Withdraws a staffing rule; the next matching rule (if any) applies instead.' })
  @RequirePermission(PreparednessPermission.RuleManage)
  archiveStaffingRule(@Ctx() ctx: RequestContext, @Arg('input', () => ArchiveInput, input) data: ArchiveInput): Promise<StaffingRule> {
    return this.service.archiveRule(ctx, data);
  }
}
