// The part's public face (re-exported by the module's index.ts). Other parts (inspections) and the next
// issue's cases issue documents through `issueEnforcementDocument` inside their own transactions.
export { EnforcementDocument } from './document.entity';
export { EnforcementDocumentForm, EnforcementDocumentIssuer, EnforcementDocumentTemplate, EnforcementDocumentTemplateField } from './document-template.entity';
export { EnforcementDocumentFieldType, EnforcementDocumentKind } from './document.enums';
export { EnforcementDocumentForms, EnforcementDocumentIssuers, EnforcementDocumentTemplates, EnforcementDocuments } from './documents.entities';
export { issueEnforcementDocument, documentNumber, type IssueEnforcementDocumentInput } from './document.service';
export { EnforcementDocumentReference, EnforcementDocumentTemplateReference, documentPagesOf, enforcementDocumentsOf } from './document.loaders';
export { EnforcementDocumentConnection } from './document.resolver';
export { chineseDay, type DocumentFieldRow, type DocumentFieldValue, type DocumentFields } from './document-render';
export { documentDownloadPath } from './document.route';
export { DocumentPermission } from './documents.permissions';
export { documentEvents, type DocumentEvents } from './documents.events';
export { documentRules, type DocumentRule } from './documents.rules';
export { documentIssuerSeedId } from './document.seed';
export type { FieldInspectionRecordFields, InspectionApprovalFields, ReinspectionOpinionFields, RectificationOrderFields } from './document-fields';
export type { OnTheSpotDecisionFields } from './document-fields';
export type { CriminalCaseTransferFields, CriminalReferralReportFields } from './document-fields';
export type { CaseClosureFields, CaseFilingFields, HearingNoticeFields, NoPenaltyDecisionFields, PenaltyDecisionFields, PenaltyNoticeFields, ServiceReceiptFields } from './document-fields';
