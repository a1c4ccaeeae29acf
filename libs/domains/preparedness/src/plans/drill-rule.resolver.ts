import { Arg, Args, Ctx, FieldResolver, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { ArchiveInput, Connection, RequirePermission, selectsField, type ConnectionResult, type RequestContext } from '@platform/core';
import { Organization, organizationById } from '@platform/directory';
import { DrillRule } from './drill-rule.entity';
import { CreateDrillRuleInput, DrillComplianceArgs, DrillRuleListArgs, UpdateDrillRuleInput } from './drill-rule.inputs';
import { DrillRuleService } from './drill-rule.service';
import { DrillComplianceEntry, drillCompliance } from './drill-compliance';
import { drillRuleById } from './plans.loaders';
import { PreparednessPermission } from '../permissions';

export const DrillRuleConnection = Connection(DrillRule, '演练考核规则');
export const DrillComplianceEntryConnection = Connection(DrillComplianceEntry, '演练达标情况');
const input = { description: '输入。The fields of the request.' };

@Resolver(() => DrillRule)
export class DrillRuleResolver {
  private readonly service = new DrillRuleService();

  @Query(() => DrillRuleConnection, { description: '演练考核规则列表。The drill requirements kept as data, highest priority first; archived ones only when asked.' })
  @RequirePermission(PreparednessPermission.PlanRead)
  drillRules(@Ctx() ctx: RequestContext, @Args(() => DrillRuleListArgs) args: DrillRuleListArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<DrillRule>> {
    return this.service.list(ctx, args, selectsField(info, 'totalCount'));
  }

  @Mutation(() => DrillRule, { description: '新建演练考核规则。Adds a drill requirement; it applies from the next compliance query.' })
  @RequirePermission(PreparednessPermission.RuleManage)
  createDrillRule(@Ctx() ctx: RequestContext, @Arg('input', () => CreateDrillRuleInput, input) data: CreateDrillRuleInput): Promise<DrillRule> {
    return this.service.create(ctx, data);
  }

  @Mutation(() => DrillRule, { description: '修改演练考核规则。Changes a drill requirement; needs the version you read (a stale one is refused with CONFLICT).' })
  @RequirePermission(PreparednessPermission.RuleManage)
  updateDrillRule(@Ctx() ctx: RequestContext, @Arg('input', () => UpdateDrillRuleInput, input) data: UpdateDrillRuleInput): Promise<DrillRule> {
    return this.service.update(ctx, data);
  }

  @Mutation(() => DrillRule, { description: '归档演练考核规则。Withdraws a drill requirement; the next matching rule applies instead.' })
  @RequirePermission(PreparednessPermission.RuleManage)
  archiveDrillRule(@Ctx() ctx: RequestContext, @Arg('input', () => ArchiveInput, input) data: ArchiveInput): Promise<DrillRule> {
    return this.service.archive(ctx, data);
  }

  @FieldResolver(() => Boolean, { description: '是否有效。True while the rule is not archived.' })
  active(@Root() r: DrillRule): boolean {
    return r.archivedAt === null;
  }
}

@Resolver(() => DrillComplianceEntry)
export class DrillComplianceResolver {
  @Query(() => DrillComplianceEntryConnection, {
    description: '演练达标情况。For a year, each organization in your plan scope that a drill rule applies to, with its periods, drills held and status; by organization name.',
  })
  @RequirePermission(PreparednessPermission.PlanRead)
  drillCompliance(@Ctx() ctx: RequestContext, @Args(() => DrillComplianceArgs) args: DrillComplianceArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<DrillComplianceEntry>> {
    return drillCompliance(ctx, args, selectsField(info, 'totalCount'));
  }

  @FieldResolver(() => Organization, { nullable: true, description: '组织。The organization assessed; null when you may not read organizations there.' })
  organization(@Ctx() ctx: RequestContext, @Root() e: DrillComplianceEntry): Promise<Organization | null> {
    return organizationById(ctx).load(e.organizationId);
  }

  @FieldResolver(() => DrillRule, { description: '适用规则。The drill rule that applies.' })
  async rule(@Ctx() ctx: RequestContext, @Root() e: DrillComplianceEntry): Promise<DrillRule> {
    return (await drillRuleById(ctx).load(e.ruleId))!;
  }
}
