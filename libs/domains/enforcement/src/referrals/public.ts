// The part's public face (re-exported by the module's index.ts): the referral record and its flag are
// the referral flags' (referral-flags/public, below cases and accidents); this part adds the
// procedure (report, decision, transfer, answer) and the referrals on cases and investigations.
export * from '../referral-flags/public';
export { referralRules, type ReferralRule } from './referrals.rules';
export { CRIMINAL_THRESHOLDS_RULE, REFERRAL_CLOCKS_RULE } from '../business-rules/referrals';
