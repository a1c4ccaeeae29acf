// The part's public face (re-exported by the module's index.ts).
export { SupervisionAction, SupervisionActionStep, SupervisionActionHazard } from './supervision-action.entity';
export { SupervisionKind, SupervisionStatus, SupervisionExtensionStatus } from './supervision.enums';
export { SupervisionPermission } from './supervision.permissions';
// Declared entities: other modules read supervision actions through these, never by SQL on the tables.
export { SupervisionActions, SupervisionActionSteps, SupervisionActionHazards } from './supervision.entities';
export { SupervisionActionReference, supervisionActionById } from './supervision.loaders';
export { supervisionEvents, type SupervisionEvents, type SupervisionActionPayload } from './supervision.events';
export { supervisionRules, type SupervisionRule } from './supervision.rules';
export { SUPERVISION_RULES } from './supervision-rules';
export { type SupervisionRuleValue } from '../business-rules/supervision';
export { supervisionOnTimeClosure } from './supervision-indicator';
