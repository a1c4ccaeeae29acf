import { Arg, Args, ArgsType, Ctx, FieldResolver, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { Connection, FilterField, OrderByField, PageArgs, ReadsColumns, ReadsRelation, RequirePermission, UUIDScalar, selectsField, type ConnectionResult, type OrderInput, type RequestContext } from '@platform/core';
import { Organization, OrganizationConnection, OrganizationOrder, OrganizationReference, organizationById } from '@platform/directory';
import { InternalRewardLedgerYear, InternalRewardMechanism } from './internal-reward-mechanism.entity';
import { RewardPermission } from './rewards.permissions';
import { EnterprisesWithoutMechanismFilter, InternalRewardMechanismListArgs, RecordInternalRewardLedgerYearInput, RecordInternalRewardMechanismInput } from './reward.inputs';
import { InternalRewardService } from './internal-reward.service';
import { InternalRewardLedgerPages, mechanismOfEnterprise } from './reward.loaders';

export const InternalRewardMechanismConnection = Connection(InternalRewardMechanism, '企业内部举报奖励机制');
export const InternalRewardLedgerYearConnection = Connection(InternalRewardLedgerYear, '内部举报奖励台账');
const input = { description: '输入。The fields of the request.' };

@ArgsType()
export class EnterprisesWithoutMechanismArgs extends PageArgs {
  @FilterField(() => EnterprisesWithoutMechanismFilter, '筛选条件。Which enterprises to check.')
  filter?: EnterprisesWithoutMechanismFilter;

  @OrderByField(OrganizationOrder, 'tree order')
  orderBy?: OrderInput<keyof typeof OrganizationOrder.Field>[];
}

@Resolver(() => InternalRewardMechanism)
export class InternalRewardMechanismResolver {
  private readonly service = new InternalRewardService();

  @Query(() => InternalRewardMechanism, { nullable: true, description: '企业内部举报奖励机制。The mechanism of one enterprise; null when none is recorded or the enterprise is out of your scope.' })
  @RequirePermission(RewardPermission.InternalRead)
  internalRewardMechanism(@Ctx() ctx: RequestContext, @Arg('enterpriseId', () => UUIDScalar, { description: '企业标识。The enterprise.' }) enterpriseId: string): Promise<InternalRewardMechanism | null> {
    return this.service.byEnterprise(ctx, enterpriseId);
  }

  @Query(() => InternalRewardMechanismConnection, { description: '企业内部举报奖励机制列表。Recorded mechanisms of enterprises in your scope, latest changed first; filter by in place or not.' })
  @RequirePermission(RewardPermission.InternalRead)
  internalRewardMechanisms(@Ctx() ctx: RequestContext, @Args(() => InternalRewardMechanismListArgs) args: InternalRewardMechanismListArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<InternalRewardMechanism>> {
    return this.service.list(ctx, args, selectsField(info, 'totalCount'));
  }

  @Query(() => OrganizationConnection, { description: '未建立内部举报奖励机制的企业。Active enterprises in your scope with no internal hazard-report reward mechanism in place (none recorded, or recorded as not in place), in tree order: an input to the enforcement plan (重点监管, 安委〔2024〕7号); filter by organization subtree and sectors.' })
  @RequirePermission(RewardPermission.InternalRead)
  enterprisesWithoutInternalRewardMechanism(@Ctx() ctx: RequestContext, @Args(() => EnterprisesWithoutMechanismArgs) args: EnterprisesWithoutMechanismArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<Organization>> {
    return this.service.without(ctx, args, selectsField(info, 'totalCount'));
  }

  @FieldResolver(() => Organization, { nullable: true, description: '企业。The enterprise; null when you may not read organizations there.' })
  @ReadsColumns('enterpriseId')
  @ReadsRelation(OrganizationReference, 'enterpriseId')
  enterprise(@Ctx() ctx: RequestContext, @Root() m: InternalRewardMechanism): Promise<Organization | null> {
    return organizationById(ctx).load(m.enterpriseId);
  }

  @FieldResolver(() => InternalRewardLedgerYearConnection, { description: '台账。The yearly ledger, latest year first.' })
  @ReadsColumns('enterpriseId')
  @ReadsRelation(InternalRewardLedgerPages, 'enterpriseId')
  ledger(@Ctx() ctx: RequestContext, @Root() m: InternalRewardMechanism, @Args(() => PageArgs) page: PageArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<InternalRewardLedgerYear>> {
    return InternalRewardLedgerPages.load(ctx, m.enterpriseId, page, info);
  }

  @Mutation(() => InternalRewardMechanism, { description: '登记企业内部举报奖励机制。Records an enterprise\'s internal hazard-report reward mechanism (安委〔2024〕7号) the first time (no version), or updates it (the version read).' })
  @RequirePermission(RewardPermission.InternalManage)
  recordInternalRewardMechanism(@Ctx() ctx: RequestContext, @Arg('input', () => RecordInternalRewardMechanismInput, input) data: RecordInternalRewardMechanismInput): Promise<InternalRewardMechanism> {
    return this.service.record(ctx, data);
  }

  @Mutation(() => InternalRewardLedgerYear, { description: '登记内部举报奖励台账。Records one year of an enterprise\'s internal reward ledger (reports received and rewarded, amount paid), replacing that year\'s figures; the mechanism must be recorded first.' })
  @RequirePermission(RewardPermission.InternalManage)
  recordInternalRewardLedgerYear(@Ctx() ctx: RequestContext, @Arg('input', () => RecordInternalRewardLedgerYearInput, input) data: RecordInternalRewardLedgerYearInput): Promise<InternalRewardLedgerYear> {
    return this.service.recordYear(ctx, data);
  }
}

@Resolver(() => InternalRewardLedgerYear)
export class InternalRewardLedgerYearResolver {
  @FieldResolver(() => Organization, { nullable: true, description: '企业。The enterprise whose ledger it is; null when you may not read organizations there.' })
  @ReadsColumns('enterpriseId')
  @ReadsRelation(OrganizationReference, 'enterpriseId')
  enterprise(@Ctx() ctx: RequestContext, @Root() y: InternalRewardLedgerYear): Promise<Organization | null> {
    return organizationById(ctx).load(y.enterpriseId);
  }
}

@Resolver(() => Organization)
export class OrganizationInternalRewardResolver {
  @FieldResolver(() => InternalRewardMechanism, { nullable: true, description: '内部举报奖励机制。The enterprise\'s internal hazard-report reward mechanism (安委〔2024〕7号); null when none is recorded or you may not read mechanisms.' })
  @ReadsColumns('id')
  internalRewardMechanism(@Ctx() ctx: RequestContext, @Root() o: Organization): Promise<InternalRewardMechanism | null> {
    return mechanismOfEnterprise(ctx).load(o.id);
  }
}
