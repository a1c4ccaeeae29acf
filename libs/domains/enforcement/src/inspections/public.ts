// The part's public face (re-exported by the module's index.ts). The case issue opens cases from
// inspections marked `forCase` through these declarations, never by SQL on the part's tables.
export { Inspection } from './inspection.entity';
export { InspectionCertificateCheck, InspectionChecklistItem, InspectionFinding, InspectionPermitCheck } from './inspection-visit.entity';
export {
  ChecklistResult,
  HazardousWorkKind,
  InspectionFindingOrigin,
  InspectionFindingSeverity,
  InspectionKind,
  InspectionStatus,
  InspectionWarningKind,
  PermitCheckResult,
  PrincipalDuty,
  PRINCIPAL_DUTY_TEXT,
} from './inspection.enums';
export { InspectionCertificateChecks, InspectionChecklistItems, InspectionFindings, InspectionPermitChecks, Inspections } from './inspections.entities';
export { InspectionPermission } from './inspections.permissions';
export { inspectionEvents, type InspectionEvents, type InspectionPayload } from './inspections.events';
export { inspectionRules, type InspectionRule } from './inspections.rules';
export { InspectionReference, inspectionById } from './inspection.loaders';
export { INSPECTION_WORKFLOW } from './inspection-workflow';
export { inspectionIndicators } from './inspection-indicators';
export { inspectionSeedId } from './inspection.seed';
export { InspectionConnection } from './inspection.resolver';
