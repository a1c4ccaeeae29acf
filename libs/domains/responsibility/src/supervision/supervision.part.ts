import type { ResponsibilityPart } from '../responsibility.part';
import { CreateSupervisionActions1764403810000 } from '../migrations/1764403810000-create-supervision-actions';
import { SupervisionAction, SupervisionActionHazard, SupervisionActionStep } from './supervision-action.entity';
import { SupervisionActionHazardResolver, SupervisionActionResolver, SupervisionActionStepResolver } from './supervision.resolver';
import { supervisionBusinessRules } from '../business-rules/supervision';
import { supervisionNodeEntities } from './supervision.entities';
import { supervisionEvents } from './supervision.events';
import { supervisionOnTimeClosure } from './supervision-indicator';
import { supervisionPermissions } from './supervision.permissions';
import { seedSupervision } from './supervision.seed';

/** 督办 (point 一（三）): supervision actions 通报 / 督促函 / 约谈 / 挂牌督办, their timeline, linked hazards, figures and on-time closure indicator. */
export const supervisionPart: ResponsibilityPart = {
  entities: [SupervisionAction, SupervisionActionStep, SupervisionActionHazard],
  resolvers: [SupervisionActionResolver, SupervisionActionStepResolver, SupervisionActionHazardResolver],
  migrations: [CreateSupervisionActions1764403810000],
  permissions: supervisionPermissions,
  scopedEntities: supervisionNodeEntities,
  events: [supervisionEvents],
  businessRules: supervisionBusinessRules,
  indicators: [supervisionOnTimeClosure],
  seed: seedSupervision,
};
