// The part's public face (re-exported by the module's index.ts). The penalties and referrals parts
// reach cases through these declarations and functions, never by SQL on the part's tables.
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
export { SEED_CASES, type SeedCase } from './case.seed-data';
