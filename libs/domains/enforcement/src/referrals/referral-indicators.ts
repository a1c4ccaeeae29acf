import { IndicatorDirection, IndicatorUnit, defineIndicator, records, sql, type IndicatorScope } from '@platform/core';
import { CriminalReferrals, ReferralPermission, clockMissedSql } from '../referral-flags/public';

/**
 * 行刑衔接按时率: referrals reported in the period that met every clock they reached (the head's
 * decision, the transfer, the police's answer) ÷ those that reached at least the decision (decided,
 * or with the decision clock run out). A running clock past its due time counts as missed.
 */
export const referralsOnTime = defineIndicator({
  code: 'enforcement.referrals-on-time',
  nameZh: '行刑衔接按时率',
  nameEn: 'Criminal referrals on time',
  description: 'Criminal referrals reported in the period whose decision, transfer and police answer each met its clock as far as reached (应急〔2019〕54号: 3 days, 24 hours, 3 days by the stored rule version) over the referrals that reached the decision (decided, or past the decision due time); a running clock past due counts as missed.',
  unit: IndicatorUnit.RATE,
  direction: IndicatorDirection.HIGHER_IS_BETTER,
  permission: ReferralPermission.Read,
  compute: (ctx, s: IndicatorScope) => {
    const missed = clockMissedSql('t', ctx.clock.now());
    return records(ctx, CriminalReferrals)
      .where(sql`t.reported_at IS NOT NULL`)
      .where(s.timeWithin('t.reported_at'))
      .where(s.inSubtree('t.organization_id'))
      .where(sql`(t.decided_at IS NOT NULL OR ${missed})`)
      .subquery(sql`count(*) FILTER (WHERE NOT ${missed}) AS numerator, count(*) AS denominator`);
  },
});

export const referralIndicators = [referralsOnTime];
