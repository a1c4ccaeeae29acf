import { businessRules, type RequestContext } from '@platform/core';
import { REFERRAL_CLOCKS_RULE } from '../business-rules/referrals';
import { ReferralClock } from './referral.types';
import { hoursAfter } from './referral-checks';
import { type CriminalReferral, ReferralClockStep, ReferralStatus } from '../referral-flags/public';

/** The clock running for a referral in its state, with the due time stored by the step that started it; null when none runs. */
export function runningClock(r: Pick<CriminalReferral, 'status' | 'decisionDueAt' | 'transferDueAt' | 'answerDueAt'>): { step: ReferralClockStep; dueAt: Date } | null {
  if (r.status === ReferralStatus.REPORTED && r.decisionDueAt) return { step: ReferralClockStep.DECISION, dueAt: r.decisionDueAt };
  if (r.status === ReferralStatus.DECIDED && r.transferDueAt) return { step: ReferralClockStep.TRANSFER, dueAt: r.transferDueAt };
  if (r.status === ReferralStatus.TRANSFERRED && r.answerDueAt) return { step: ReferralClockStep.ANSWER, dueAt: r.answerDueAt };
  return null;
}

/** Whether a referral missed a clock: the same rule as `clockMissedSql`. */
export function clockMissed(r: Pick<CriminalReferral, 'status' | 'decisionDueAt' | 'transferDueAt' | 'answerDueAt' | 'decisionOnTime' | 'transferOnTime' | 'answerOnTime'>, now: Date): boolean {
  if (r.decisionOnTime === false || r.transferOnTime === false || r.answerOnTime === false) return true;
  const running = runningClock(r);
  return running !== null && running.dueAt.getTime() < now.getTime();
}

/** The running clock with its warning (the stored clock rule version's warnHours). */
export async function referralClock(ctx: RequestContext, r: CriminalReferral): Promise<ReferralClock | null> {
  const running = runningClock(r);
  if (!running || !r.clockRuleVersionId) return null;
  const { warnHours } = (await businessRules.stored(ctx, REFERRAL_CLOCKS_RULE, r.clockRuleVersionId)).value;
  const now = ctx.clock.now().getTime();
  const warnFrom = hoursAfter(running.dueAt, -warnHours);
  return Object.assign(new ReferralClock(), {
    step: running.step,
    dueAt: running.dueAt,
    warnFrom,
    overdue: running.dueAt.getTime() < now,
    dueSoon: warnFrom.getTime() <= now && now <= running.dueAt.getTime(),
  });
}
