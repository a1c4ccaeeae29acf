// The referral flags' public face: the referral record, its workflow and the flag that cases (criminal
// indicators) and accident investigations (figures) raise in their own transactions. It imports no
// part that flags, so cases and accidents depend on it and the referrals part (reports, decisions,
// transfers, answers) builds on all three.
export { CriminalReferral } from './criminal-referral.entity';
export { PoliceAnswer, ReferralClockStep, ReferralDecision, ReferralReason, ReferralStatus, FIGURE_REASONS, OPEN_REFERRAL_STATUSES } from './referral.enums';
export { CriminalReferrals, referralNodeEntities } from './referrals.entities';
export { ReferralPermission, referralPermissions } from './referrals.permissions';
export { referralEvents, type ReferralEvents, type ReferralPayload } from './referrals.events';
export { REFERRAL_WORKFLOW, REFERRAL_STEPS, referralPayload, type ReferralStep } from './referral-workflow';
export { criminalThresholdReasons, criminalThresholdsOn, type AccidentFigures, type CriminalThresholds } from './referral-thresholds';
export { flagReferral, isCaseSource, referralCode, type FlaggedSource, type ReferralSource } from './referral-flag';
export { clockMissedSql } from './referral.sql';
