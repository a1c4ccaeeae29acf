import { defineEvents, payload } from '@platform/core';
import { CriminalReferrals } from './referrals.entities';

/** What a referral's events carry (ids, the source, the organization, the status and the reasons). */
export type ReferralPayload = { id: string; code: string; organizationId: string; caseId: string | null; accidentInvestigationId: string | null; status: string; reasons: string[] };

const about = () => payload<ReferralPayload>(CriminalReferrals);

/** Every event of referrals: the flag (new or with new reasons) and each workflow step. */
export const referralEvents = defineEvents({
  'enforcement.referral.flagged': about(),
  'enforcement.referral.reported': about(),
  'enforcement.referral.decided': about(),
  'enforcement.referral.transferred': about(),
  'enforcement.referral.answered': about(),
  'enforcement.referral.closed': about(),
  'enforcement.referral.dismissed': about(),
});

export type ReferralEvents = typeof referralEvents;
