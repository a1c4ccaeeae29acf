import { IndicatorDirection, IndicatorUnit, defineIndicator, records, sql, type IndicatorDefinition, type IndicatorScope, type RequestContext, type Sql } from '@platform/core';
import { TipRewards } from './rewards.entities';
import { RewardPermission } from './rewards.permissions';
import { unclaimedSql } from './reward.sql';

/** Rewards of tips concerning the evaluated subtree, narrowed by `condition`, as `SELECT <columns>`. */
const rewards = (ctx: RequestContext, s: IndicatorScope, condition: Sql, columns: Sql): Sql =>
  records(ctx, TipRewards).where(s.inSubtree('t.organization_id')).where(condition).subquery(columns);

const count = (def: Omit<IndicatorDefinition, 'unit' | 'permission'>): IndicatorDefinition => defineIndicator({ ...def, unit: IndicatorUnit.COUNT, permission: RewardPermission.Read });

/** 待审批奖励: rewards computed in the period and not approved yet. */
export const rewardsDue = count({
  code: 'reporting.rewards-due',
  nameZh: '待审批举报奖励数',
  nameEn: 'Tip rewards due',
  description: 'Tip rewards computed in the period (China days) that are still COMPUTED, i.e. awaiting approval.',
  direction: IndicatorDirection.LOWER_IS_BETTER,
  compute: (ctx, s) => rewards(ctx, s, sql`t.status = 'COMPUTED' AND ${s.timeWithin('t.computed_at')}`, sql`count(*) AS numerator`),
});

/** 已审批奖励: rewards approved in the period. */
export const rewardsApproved = count({
  code: 'reporting.rewards-approved',
  nameZh: '已审批举报奖励数',
  nameEn: 'Tip rewards approved',
  description: 'Tip rewards approved in the period (whether paid since or not).',
  direction: IndicatorDirection.HIGHER_IS_BETTER,
  compute: (ctx, s) => rewards(ctx, s, sql`t.approved_at IS NOT NULL AND ${s.timeWithin('t.approved_at')}`, sql`count(*) AS numerator`),
});

/** 已发放奖励: rewards paid in the period. */
export const rewardsPaid = count({
  code: 'reporting.rewards-paid',
  nameZh: '已发放举报奖励数',
  nameEn: 'Tip rewards paid',
  description: 'Tip rewards paid in the period.',
  direction: IndicatorDirection.HIGHER_IS_BETTER,
  compute: (ctx, s) => rewards(ctx, s, sql`t.status = 'PAID' AND ${s.timeWithin('t.paid_at')}`, sql`count(*) AS numerator`),
});

/** 已发放奖励金额: yuan paid in the period. */
export const rewardsPaidAmount = count({
  code: 'reporting.rewards-paid-amount',
  nameZh: '已发放举报奖励金额（元）',
  nameEn: 'Tip reward amount paid (yuan)',
  description: 'The sum in yuan of the amounts paid on tip rewards paid in the period (the value is yuan, not a count of records).',
  direction: IndicatorDirection.HIGHER_IS_BETTER,
  compute: (ctx, s) => rewards(ctx, s, sql`t.status = 'PAID' AND ${s.timeWithin('t.paid_at')}`, sql`coalesce(sum(t.paid_amount_yuan), 0) AS numerator`),
});

/** 奖励发放用时中位数: calendar days from approval to payment. */
export const rewardsDaysToPay = defineIndicator({
  code: 'reporting.rewards-days-to-pay',
  nameZh: '举报奖励发放用时中位数（天）',
  nameEn: 'Median days from approval to payment of tip rewards',
  description: 'The median, over tip rewards paid in the period, of the calendar days (fractional) from approval to payment; null when none was paid.',
  unit: IndicatorUnit.DAYS,
  direction: IndicatorDirection.LOWER_IS_BETTER,
  permission: RewardPermission.Read,
  compute: (ctx, s) =>
    rewards(ctx, s, sql`t.status = 'PAID' AND ${s.timeWithin('t.paid_at')}`, sql`percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM t.paid_at - t.approved_at) / 86400.0) AS numerator`),
});

/** 逾期未领奖励: approved rewards whose claim deadline has passed (as of today), the deadline falling in the period. */
export const rewardsUnclaimed = defineIndicator({
  code: 'reporting.rewards-unclaimed',
  nameZh: '逾期未领举报奖励数',
  nameEn: 'Tip rewards unclaimed',
  description: 'Tip rewards APPROVED and not paid whose claim deadline (approval day plus the rule version\'s claim days) fell in the period and has passed as of today.',
  unit: IndicatorUnit.COUNT,
  direction: IndicatorDirection.LOWER_IS_BETTER,
  permission: RewardPermission.Read,
  compute: (ctx, s) => rewards(ctx, s, sql`${unclaimedSql('t', ctx.clock.today())} AND ${s.dayWithin('t.claim_due_on')}`, sql`count(*) AS numerator`),
});

export const rewardIndicators = [rewardsDue, rewardsApproved, rewardsPaid, rewardsPaidAmount, rewardsDaysToPay, rewardsUnclaimed];
