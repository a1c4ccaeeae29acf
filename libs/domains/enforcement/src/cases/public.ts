// The public face of the cases folder (re-exported by the module's index.ts): two parts, the penalty
// cases and their penalty lines, payments and on-the-spot penalties (penalties.part.ts), kept in one
// folder because a case and its lines are one record to the law: the decision reads the lines, the
// lines follow the case's steps. The referrals part reaches them through these declarations.
export { PenaltyCase } from './penalty-case.entity';
export { PenaltyCaseEvidence, PenaltyCaseRecusal, PenaltyCaseStatement, PenaltyCaseSuspension } from './case-record.entity';
export {
  CaseEvidenceKind,
  CaseServiceMethod,
  CriminalIndicator,
  OPEN_BEFORE_DECISION,
  PenaltyCaseDecision,
  PenaltyCaseOrigin,
  PenaltyCaseStatus,
  PenaltyCaseWarningKind,
} from './case.enums';
export { PenaltyCaseEvidenceItems, PenaltyCaseRecusals, PenaltyCases, PenaltyCaseStatements, PenaltyCaseSuspensions } from './cases.entities';
export { CasePermission } from './cases.permissions';
export { caseEvents, type CaseEvents, type PenaltyCasePayload } from './cases.events';
export { caseRules, type CaseRule } from './cases.rules';
export { CASE_WORKFLOW } from './case-workflow';
export { PenaltyCaseReference, penaltyCaseById } from './case.loaders';
export { CASE_CLOCKS_RULE, type CaseClocks } from '../business-rules/cases';
export { caseIndicators } from './case-indicators';
export { penaltyCaseSeedId } from './case.seed';
export { PenaltyCaseConnection } from './case.resolver';
export { SEED_CASES, type SeedCase } from './case.seed-data';
export { PenaltyLine, PenaltyPayment } from './penalty-line.entity';
export { OnTheSpotPenalty } from './on-the-spot-penalty.entity';
export { OnTheSpotPartyKind, OnTheSpotPenaltyKind, PenaltyPersonRole, PenaltySubjectKind, PenaltyWarningKind } from './penalty.enums';
export { OnTheSpotPenalties, PenaltyLines, PenaltyPayments } from './penalties.entities';
export { PenaltyPermission } from './penalties.permissions';
export { penaltyEvents, type PenaltyEvents, type OnTheSpotPenaltyPayload, type PenaltyLinePayload, type PenaltyPaymentPayload } from './penalties.events';
export { penaltyRules, type PenaltyRule } from './penalties.rules';
export { penaltyDecisionCheck, casePaymentState, type PenaltyDecisionSummaryResult as PenaltyDecisionSummary } from './penalty-state';
export { incomeShare } from './penalty-amounts';
export { FIRST_OFFENCE_RULE, ON_THE_SPOT_LIMITS_RULE } from '../business-rules/penalties';
