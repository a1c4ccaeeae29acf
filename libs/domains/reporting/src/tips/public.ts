// The tips model's public face (re-exported by the module's index.ts): the entity, its declaration,
// permissions, workflow and events, and the reporter's credential check. The intake, handling,
// rewards and Open311 parts build on it.
export { Tip } from './tip.entity';
export { OPEN_TIP_STATUSES, TipCategory, TipChannel, TipFollowUpResult, TipOutcome, TipReporterKind, TipStatus } from './tip.enums';
export { Tips, tipNodeEntities } from './tips.entities';
export { TipPermission, tipPermissions } from './tips.permissions';
export { tipEvents, type TipEvents, type TipPayload } from './tips.events';
export { TIP_WORKFLOW, TIP_STEPS, tipPayload, type TipStep } from './tip-workflow';
export { tipRules, type TipRule } from './tips.rules';
export { TipReference, tipById } from './tip.loaders';
export { authenticateTipReporter, hashTipSecret, newTipSecret, normalizeTipSecret, tipNotFound } from './tip-secret';
