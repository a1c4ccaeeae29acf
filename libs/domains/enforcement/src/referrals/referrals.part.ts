import type { EnforcementPart } from '../enforcement.part';
import { CreateCriminalReferrals1764404030000 } from '../migrations/1764404030000-create-criminal-referrals';
import { referralBusinessRules } from '../business-rules/referrals';
import { CriminalReferralResolver } from './referral.resolver';
import { AccidentInvestigationReferralsResolver, PenaltyCaseReferralsResolver } from './referral-relations.resolver';
import { referralIndicators } from './referral-indicators';
import { seedReferrals } from './referral.seed';
import { CriminalReferral, referralNodeEntities, referralEvents, referralPermissions } from '../referral-flags/public';

/** 行刑衔接 (issue 20): referrals of suspected crimes flagged from cases and accidents, with their report, decision, transfer and the police's answer on their clocks. */
export const referralsPart: EnforcementPart = {
  entities: [CriminalReferral],
  resolvers: [CriminalReferralResolver, PenaltyCaseReferralsResolver, AccidentInvestigationReferralsResolver],
  migrations: [CreateCriminalReferrals1764404030000],
  permissions: referralPermissions,
  scopedEntities: referralNodeEntities,
  events: [referralEvents],
  businessRules: referralBusinessRules,
  indicators: referralIndicators,
  seed: seedReferrals,
};
