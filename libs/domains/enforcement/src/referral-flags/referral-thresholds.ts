import { businessRules, compareDecimals, normalizeDecimal, type AppliedRule, type RequestContext } from '@platform/core';
import { CRIMINAL_THRESHOLDS_RULE } from '../business-rules/referrals';
import { ReferralReason } from './referral.enums';

/** The value of a version of `enforcement.criminal-thresholds`. */
export type CriminalThresholds = { readonly deaths: number; readonly seriouslyInjured: number; readonly directLossYuan: string };

/** An accident's figures as the thresholds read them. */
export type AccidentFigures = { readonly deaths: number; readonly seriouslyInjured: number; readonly directLossYuan: string };

/**
 * The reasons an accident's figures give for a criminal referral (两高 2015 解释 第六条): DEATHS,
 * SERIOUS_INJURIES, DIRECT_LOSS, each when the figure is at or above the threshold ("以上" includes
 * the number). Pure: the thresholds are the value of the rule version the caller read in its
 * transaction (`criminalThresholdsOn`).
 */
export function criminalThresholdReasons(f: AccidentFigures, thresholds: CriminalThresholds): ReferralReason[] {
  const reasons: ReferralReason[] = [];
  if (f.deaths >= thresholds.deaths) reasons.push(ReferralReason.DEATHS);
  if (f.seriouslyInjured >= thresholds.seriouslyInjured) reasons.push(ReferralReason.SERIOUS_INJURIES);
  const loss = normalizeDecimal(f.directLossYuan);
  if (loss === null) throw new Error(`directLossYuan ${JSON.stringify(f.directLossYuan)} is not a decimal amount.`);
  if (compareDecimals(loss, normalizeDecimal(thresholds.directLossYuan)!) >= 0) reasons.push(ReferralReason.DIRECT_LOSS);
  return reasons;
}

/** The version of `enforcement.criminal-thresholds` in force on `day` (YYYY-MM-DD), read in the caller's transaction; store its id with what it flagged. */
export function criminalThresholdsOn(ctx: RequestContext, day: string, field = 'day'): Promise<AppliedRule<CriminalThresholds>> {
  return businessRules.inForce(ctx, CRIMINAL_THRESHOLDS_RULE, day, field);
}
