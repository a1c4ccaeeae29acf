// The intake part's public face (re-exported by the module's index.ts): the one way a tip is created,
// the reporter's thread, masking helpers and what the module's start wires.
export { submitTip, nextTipCode, CHINA_BOUNDS, MAX_TIP_ATTACHMENTS, type TipSubmission, type SubmitOptions } from './submit-tip';
export { TipMessage, TipMessageAuthor, MESSAGES_PER_TIP, MESSAGE_MAX_LENGTH } from './tip-message.entity';
export { TipMessages } from './intake.entities';
export { TipMessagePages } from './intake.loaders';
export { maskedReporter, maskName, maskContact, reporterField, type ReporterField } from './reporter-masking';
export { reporterTip } from './tracking';
export { intakeSettings } from './intake.settings';
export { INTAKE_SERVICE, IntakeGuard, intakeGuard, solveChallenge, provesWork, leadingZeroBits, type Challenge, type ProofOfWork } from './intake-guard';
export { intakeRules, type IntakeRule } from './intake.rules';
export { TipReceipt, TrackedTip, TrackedTipMessage, TipChallenge } from './intake.types';
export { trackedOf } from './intake.resolver';
export { startIntake } from './intake.part';
export { TIP_SEED, tipSeedId, tipSeedSecret, type SeedTip } from './tip.seed';
