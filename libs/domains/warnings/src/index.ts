export { warningsModule } from './warnings.module';
export { WarningPermission } from './permissions';
export { WarningLevel, WarningHazardType, WarningMessageType, WarningStatus, WarningDeliveryStatus } from './model/warning.enums';
export { Warning } from './model/warning.entity';
export { WarningDelivery } from './model/warning-delivery.entity';
// Declared entities: other modules (response) read the warnings' records through these, never by SQL on its tables.
export { Warnings, WarningTargets, WarningDeliveries, WarningEscalations, WarningResponseActions, WarningResponseTemplates, WarningEscalationPolicies } from './warnings.entities';
export { warningsEvents, type WarningsEvents } from './warnings.events';
// Per-request loader of warning records, for other modules' relation fields (an incident's linked warnings).
export { WarningReference, warningById } from './warnings/warning.loaders';
export { warningsRules, type WarningsRule } from './warnings.rules';
// Other modules (scenarios: a sensor alarm) compose warning drafts and issue them through the service, and escalate along the same chain.
export { draftWarning, issueWarningDraft, type WarningDraft } from './warnings/warning-draft';
export { escalationTarget, type EscalationTarget } from './escalation/escalation.chain';
export { LEVEL_COLOUR_ZH } from './model/warning.enums';
