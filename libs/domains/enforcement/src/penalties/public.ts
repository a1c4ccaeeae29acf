// The part's public face (re-exported by the module's index.ts). The cases part calls
// `penaltyDecisionCheck` (decide) and `casePaymentState` (close) inside its own transactions.
export { PenaltyLine, PenaltyPayment } from './penalty-line.entity';
export { OnTheSpotPenalty } from './on-the-spot-penalty.entity';
export { OnTheSpotPartyKind, OnTheSpotPenaltyKind, PenaltyPersonRole, PenaltySubjectKind, PenaltyWarningKind } from './penalty.enums';
export { OnTheSpotPenalties, PenaltyLines, PenaltyPayments } from './penalties.entities';
export { PenaltyPermission } from './penalties.permissions';
export { penaltyEvents, type PenaltyEvents, type OnTheSpotPenaltyPayload, type PenaltyLinePayload, type PenaltyPaymentPayload } from './penalties.events';
export { penaltyRules, type PenaltyRule } from './penalties.rules';
export { penaltyDecisionCheck, casePaymentState, loadCasePaymentState, type PenaltyDecisionSummaryResult as PenaltyDecisionSummary } from './penalty-state';
export { incomeShare } from './penalty-amounts';
export { FIRST_OFFENCE_RULE, ON_THE_SPOT_LIMITS_RULE } from '../business-rules/penalties';
