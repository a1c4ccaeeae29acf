import { Arg, Args, Ctx, FieldResolver, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { BusinessRuleVersion, BusinessRuleVersionReference, Connection, ReadsColumns, ReadsRelation, RequirePermission, SqlForm, UUIDScalar, selectedProperties, selectsField, type ConnectionResult, type RequestContext } from '@platform/core';
import { Organization, OrganizationReference, Person, PersonReference, organizationById, personById } from '@platform/directory';
import { AccidentInvestigation, AccidentInvestigationReference, PenaltyCase, PenaltyCaseReference } from '@domains/enforcement';
import { Tip, TipPermission, TipReference } from '../tips/public';
import { TipReward } from './tip-reward.entity';
import { RewardPermission } from './rewards.permissions';
import { REWARD_WORKFLOW } from './reward-workflow';
import { ApproveTipRewardInput, ComputeTipRewardInput, LinkTipOutcomeInput, RecordTipRewardPaymentInput, TipRewardListArgs } from './reward.inputs';
import { REWARD_KEY_PROPERTIES, RewardService } from './reward.service';
import { isUnclaimed, unclaimedSql } from './reward.sql';
import { rewardOfTip } from './reward.loaders';

export const TipRewardConnection = Connection(TipReward, '举报奖励');
const input = { description: '输入。The fields of the request.' };
const NODE = ['edges', 'node'] as const;
const SELF = [] as const;

@Resolver(() => TipReward)
export class TipRewardResolver {
  private readonly service = new RewardService();

  @Query(() => TipReward, { nullable: true, description: '举报奖励详情。One tip reward by id; null when there is none in your scope.' })
  @RequirePermission(RewardPermission.Read)
  tipReward(@Ctx() ctx: RequestContext, @Arg('id', () => UUIDScalar, { description: '标识。Reward id.' }) id: string, @Info() info: GraphQLResolveInfo): Promise<TipReward | null> {
    return this.service.byId(ctx, id, selectedProperties(ctx.manager, TipReward, info, SELF));
  }

  @Query(() => TipRewardConnection, { description: '举报奖励列表。Tip rewards of tips concerning organizations in your scope, latest computed first; filter by statuses, basis, tip, organization, and `unclaimed` (the unclaimed ledger: approved and past the claim deadline).' })
  @RequirePermission(RewardPermission.Read)
  tipRewards(@Ctx() ctx: RequestContext, @Args(() => TipRewardListArgs) args: TipRewardListArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<TipReward>> {
    return this.service.list(ctx, args, selectsField(info, 'totalCount'), selectedProperties(ctx.manager, TipReward, info, NODE, REWARD_KEY_PROPERTIES));
  }

  @FieldResolver(() => Boolean, { description: '逾期未领。True when APPROVED and the claim deadline has passed (today in China is after claimDueOn): the reward is in the unclaimed ledger and can no longer be paid.' })
  @ReadsColumns('status', 'claimDueOn')
  @SqlForm((row, ctx) => unclaimedSql(row, ctx.clock.today()))
  unclaimed(@Ctx() ctx: RequestContext, @Root() r: TipReward): boolean {
    return isUnclaimed(r, ctx.clock.today());
  }

  @FieldResolver(() => Tip, { nullable: true, description: '举报。The rewarded tip; null when you may not read tips there.' })
  @ReadsColumns('tipId')
  @ReadsRelation(TipReference, 'tipId')
  tip(@Ctx() ctx: RequestContext, @Root() r: TipReward): Promise<Tip | null> {
    return TipReference.byId(ctx).load(r.tipId);
  }

  @FieldResolver(() => Tip, { nullable: true, description: '合并组举报。The tip the group of merged duplicates is kept under (the tip itself when not merged); null when you may not read that tip.' })
  @ReadsColumns('groupTipId')
  @ReadsRelation(TipReference, 'groupTipId')
  groupTip(@Ctx() ctx: RequestContext, @Root() r: TipReward): Promise<Tip | null> {
    return TipReference.byId(ctx).load(r.groupTipId);
  }

  @FieldResolver(() => Person, { nullable: true, description: '审批人员。The directory person of the approving account (approvedBy keeps the account\'s name); null before approval, when the account is linked to no person, or when you may not read persons there.' })
  @ReadsColumns('approvedByPersonId')
  @ReadsRelation(PersonReference, 'approvedByPersonId')
  approvedByPerson(@Ctx() ctx: RequestContext, @Root() r: TipReward): Promise<Person | null> {
    return r.approvedByPersonId ? personById(ctx).load(r.approvedByPersonId) : Promise.resolve(null);
  }

  @FieldResolver(() => Organization, { nullable: true, description: '所属单位。The tip\'s organization; null when you may not read organizations there.' })
  @ReadsColumns('organizationId')
  @ReadsRelation(OrganizationReference, 'organizationId')
  organization(@Ctx() ctx: RequestContext, @Root() r: TipReward): Promise<Organization | null> {
    return organizationById(ctx).load(r.organizationId);
  }

  @FieldResolver(() => PenaltyCase, { nullable: true, description: '处罚案件。The penalty case whose final fine it was computed from; null for an accident basis or when you may not read the case.' })
  @ReadsColumns('penaltyCaseId')
  @ReadsRelation(PenaltyCaseReference, 'penaltyCaseId')
  penaltyCase(@Ctx() ctx: RequestContext, @Root() r: TipReward): Promise<PenaltyCase | null> {
    return r.penaltyCaseId ? PenaltyCaseReference.byId(ctx).load(r.penaltyCaseId) : Promise.resolve(null);
  }

  @FieldResolver(() => AccidentInvestigation, { nullable: true, description: '事故调查。The accident investigation whose final grade it was computed from; null for a fine basis or when you may not read it.' })
  @ReadsColumns('accidentInvestigationId')
  @ReadsRelation(AccidentInvestigationReference, 'accidentInvestigationId')
  accidentInvestigation(@Ctx() ctx: RequestContext, @Root() r: TipReward): Promise<AccidentInvestigation | null> {
    return r.accidentInvestigationId ? AccidentInvestigationReference.byId(ctx).load(r.accidentInvestigationId) : Promise.resolve(null);
  }

  @FieldResolver(() => BusinessRuleVersion, { nullable: true, description: '奖励规则版本。The version of reporting.reward-tiers it was computed with (jurisdiction, document, article); null when you may not read business rules.' })
  @ReadsColumns('ruleVersionId')
  ruleVersion(@Ctx() ctx: RequestContext, @Root() r: TipReward): Promise<BusinessRuleVersion | null> {
    return BusinessRuleVersionReference.byId(ctx).load(r.ruleVersionId);
  }

  @Mutation(() => Tip, { description: '关联处理结果。Links a tip (VERIFIED, HANDLED, or CLOSED as FIXED) to the penalty case and/or accident investigation its reward is computed from; each must be one you may read. Refused once its group\'s reward is computed.' })
  @RequirePermission(TipPermission.Dispatch)
  linkTipOutcome(@Ctx() ctx: RequestContext, @Arg('input', () => LinkTipOutcomeInput, input) data: LinkTipOutcomeInput): Promise<Tip> {
    return this.service.linkOutcome(ctx, data);
  }

  @Mutation(() => TipReward, { description: '核算举报奖励。Computes the reward of a tip\'s first valid reporter from the final fine of the linked penalty case (decided) or the verified grade and deaths of the linked accident investigation, by the reward-tiers version in force on the day the tip came in.' })
  @RequirePermission(RewardPermission.Manage)
  computeTipReward(@Ctx() ctx: RequestContext, @Arg('input', () => ComputeTipRewardInput, input) data: ComputeTipRewardInput): Promise<TipReward> {
    return this.service.compute(ctx, data);
  }

  @Mutation(() => TipReward, { description: '审批举报奖励。Approves a COMPUTED reward; the claim deadline is today plus the rule version\'s claim days.' })
  @RequirePermission(REWARD_WORKFLOW.permissionOf('approve'))
  approveTipReward(@Ctx() ctx: RequestContext, @Arg('input', () => ApproveTipRewardInput, input) data: ApproveTipRewardInput): Promise<TipReward> {
    return this.service.approve(ctx, data);
  }

  @Mutation(() => TipReward, { description: '登记奖励发放。Records the payment of an APPROVED reward by its claim deadline: amount (at most computed), method, voucher; an anonymous tip\'s reporter must have disclosed identity.' })
  @RequirePermission(REWARD_WORKFLOW.permissionOf('pay'))
  recordTipRewardPayment(@Ctx() ctx: RequestContext, @Arg('input', () => RecordTipRewardPaymentInput, input) data: RecordTipRewardPaymentInput): Promise<TipReward> {
    return this.service.pay(ctx, data);
  }
}

@Resolver(() => Tip)
export class TipRewardRelationResolver {
  @FieldResolver(() => TipReward, { nullable: true, description: '举报奖励。The reward of this tip (its group\'s first valid reporter); null when none or when you may not read rewards.' })
  @ReadsColumns('id')
  reward(@Ctx() ctx: RequestContext, @Root() t: Tip): Promise<TipReward | null> {
    return rewardOfTip(ctx).load(t.id);
  }
}
