// The handling part's public face (re-exported by the module's index.ts): the actions, the hazard
// follow-up, the first valid tip of a duplicate group and the service (its clocks are in clocks/).
export { TipAction, TipActionKind } from './tip-action.entity';
export { TipActions } from './tip-actions.entities';
export { tipHandlingEvents } from './handling.events';
export { handlingRules, type HandlingRule } from './handling.rules';
export { startTipHazardFollow } from './tip-hazard-follow';
export { firstValidTipOfGroup } from './tip-group';
export { TipHandlingService } from './tip-handling.service';
