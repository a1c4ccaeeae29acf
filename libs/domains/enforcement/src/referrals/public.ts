// The part's public face (re-exported by the module's index.ts). Cases (criminal indicators) and
// accident investigations (figures) raise referral flags through `flagReferral` in their own
// transactions; thresholds come from `criminalThresholdsOn` + `criminalThresholdReasons`.
export { CriminalReferral } from './criminal-referral.entity';
export { PoliceAnswer, ReferralClockStep, ReferralDecision, ReferralReason, ReferralStatus, FIGURE_REASONS, OPEN_REFERRAL_STATUSES } from './referral.enums';
export { CriminalReferrals } from './referrals.entities';
export { ReferralPermission } from './referrals.permissions';
export { referralEvents, type ReferralEvents, type ReferralPayload } from './referrals.events';
export { referralRules, type ReferralRule } from './referrals.rules';
export { REFERRAL_WORKFLOW } from './referral-workflow';
export { criminalThresholdReasons, criminalThresholdsOn, type AccidentFigures, type CriminalThresholds } from './referral-thresholds';
export { flagReferral } from './referral-flag';
export type { ReferralSource } from './referral-sources';
export { CRIMINAL_THRESHOLDS_RULE, REFERRAL_CLOCKS_RULE } from '../business-rules/referrals';
