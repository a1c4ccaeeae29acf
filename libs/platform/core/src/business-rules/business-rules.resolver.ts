import { Arg, Args, Ctx, Field, FieldResolver, Info, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { z } from 'zod';
import { RequirePermission } from '../access/permission';
import type { RequestContext } from '../context/request-context';
import { Connection, type ConnectionResult } from '../pagination/connection.type';
import { selectsField } from '../graphql/selection';
import { JSONObjectScalar, LocalDateScalar } from '../scalars/scalars';
import { todayInChina } from '../time/china-day';
import { ON_DAY_ARGUMENT } from '../validation/day-inputs';
import { BusinessRuleVersion } from './business-rule-version.entity';
import { AddBusinessRuleVersionInput, BusinessRuleListArgs, BusinessRuleOrder, BusinessRuleVersionListArgs, WithdrawBusinessRuleVersionInput, type BusinessRuleItem } from './business-rules.inputs';
import { BusinessRulePermission } from './business-rules.permissions';
import { BusinessRulesService, declaredRules } from './business-rules.service';

@ObjectType({ description: '业务规则。A rule a module declares (a threshold, deadline, tier or rate): what its value means and its shape; the values are its versions.' })
export class BusinessRule implements BusinessRuleItem {
  @Field({ description: '规则代码。Stable code, prefixed with the declaring module, e.g. responsibility.supervision.interview.' })
  code: string;

  @Field({ description: '模块。The module that declares and applies it.' })
  module: string;

  @Field({ description: '名称。The rule\'s Chinese name, e.g. 约谈整改时限.' })
  name: string;

  @Field({ description: '说明。What the value means and where it is applied (English).' })
  description: string;
}

export const BusinessRuleConnection = Connection(BusinessRule, '业务规则');
export const BusinessRuleVersionConnection = Connection(BusinessRuleVersion, '规则版本');
const input = { description: '输入。The fields of the request.' };

@Resolver(() => BusinessRule)
export class BusinessRuleResolver {
  private readonly service = new BusinessRulesService();

  @Query(() => BusinessRuleConnection, { description: '业务规则。The rules the enabled modules declare, by code.' })
  @RequirePermission(BusinessRulePermission.Read)
  businessRules(@Ctx() ctx: RequestContext, @Args(() => BusinessRuleListArgs) args: BusinessRuleListArgs): ConnectionResult<BusinessRule> {
    const f = args.filter ?? {};
    const rules = [...declaredRules(ctx).values()]
      .filter((r) => (!f.modules?.length || f.modules.includes(r.module)) && (!f.codes?.length || f.codes.includes(r.definition.code)))
      .map((r) => ({ code: r.definition.code, module: r.module, name: r.definition.nameZh, description: r.definition.description }));
    return BusinessRuleOrder.page(rules, args.orderBy, args);
  }

  @FieldResolver(() => JSONObjectScalar, { description: '值结构。The JSON Schema (draft 2020-12) every version\'s value must match.' })
  @RequirePermission(BusinessRulePermission.Read)
  valueSchema(@Ctx() ctx: RequestContext, @Root() rule: BusinessRule): Record<string, unknown> {
    return z.toJSONSchema(declaredRules(ctx).get(rule.code)!.definition.schema) as Record<string, unknown>;
  }

  @FieldResolver(() => BusinessRuleVersion, { nullable: true, description: '现行版本。The version that applies on the day: the most local jurisdiction in force, then the latest first day; null when none does.' })
  @RequirePermission(BusinessRulePermission.Read)
  inForce(@Ctx() ctx: RequestContext, @Root() rule: BusinessRule, @Arg('on', () => LocalDateScalar, ON_DAY_ARGUMENT) on?: string): Promise<BusinessRuleVersion | null> {
    const day = on ?? todayInChina(ctx.clock.now());
    return ctx.loaders
      .get<string, BusinessRuleVersion | null>('kernel.business-rule.in-force', day, async (codes) => {
        const found = await this.service.inForce(ctx, codes, day);
        return codes.map((c) => found.get(c) ?? null);
      })
      .load(rule.code);
  }

  @Query(() => BusinessRuleVersionConnection, { description: '规则版本。Versions of the declared rules, with their documents and periods; withdrawn ones only when asked.' })
  @RequirePermission(BusinessRulePermission.Read)
  businessRuleVersions(@Ctx() ctx: RequestContext, @Args(() => BusinessRuleVersionListArgs) args: BusinessRuleVersionListArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<BusinessRuleVersion>> {
    return this.service.list(ctx, args, selectsField(info, 'totalCount'));
  }

  @Query(() => BusinessRuleVersion, { nullable: true, description: '现行规则版本。The version of a rule that applies on a day (the same choice the modules make); null when none does.' })
  @RequirePermission(BusinessRulePermission.Read)
  async businessRuleInForce(
    @Ctx() ctx: RequestContext,
    @Arg('ruleCode', { description: '规则代码。The rule.' }) ruleCode: string,
    @Arg('on', () => LocalDateScalar, ON_DAY_ARGUMENT) on?: string,
  ): Promise<BusinessRuleVersion | null> {
    const found = await this.service.inForce(ctx, [ruleCode], on ?? todayInChina(ctx.clock.now()));
    return found.get(ruleCode) ?? null;
  }

  @Mutation(() => BusinessRuleVersion, { description: '新增规则版本。Adds a version of a declared rule (its value checked against the rule\'s schema); earlier versions stay, and records that used them keep them.' })
  @RequirePermission(BusinessRulePermission.Manage)
  addBusinessRuleVersion(@Ctx() ctx: RequestContext, @Arg('input', () => AddBusinessRuleVersionInput, input) data: AddBusinessRuleVersionInput): Promise<BusinessRuleVersion> {
    return this.service.add(ctx, data);
  }

  @Mutation(() => BusinessRuleVersion, { description: '撤回规则版本。Withdraws a version before its first day (one that has come into force is kept: add a newer one); needs the version you read.' })
  @RequirePermission(BusinessRulePermission.Manage)
  withdrawBusinessRuleVersion(@Ctx() ctx: RequestContext, @Arg('input', () => WithdrawBusinessRuleVersionInput, input) data: WithdrawBusinessRuleVersionInput): Promise<BusinessRuleVersion> {
    return this.service.withdraw(ctx, data);
  }
}
