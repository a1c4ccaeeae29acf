import { defineChildPages, defineReference, type RequestContext } from '@platform/core';
import type DataLoader from 'dataloader';
import type { SupervisionAction } from './supervision-action.entity';
import { SUPERVISION_HAZARD_KEYS, SupervisionActionStepOrder } from './supervision.orders';
import { SupervisionActionHazards, SupervisionActionSteps, SupervisionActions } from './supervision.entities';

/** Supervision actions by id, within the caller's read scope (others load as null): one statement per request level. */
export const SupervisionActionReference = defineReference(SupervisionActions, 'responsibility.supervisionAction.byId');
export const supervisionActionById = (ctx: RequestContext): DataLoader<string, SupervisionAction | null> => SupervisionActionReference.byId(ctx);

/** An action's timeline, in the order written. */
export const SupervisionActionTimeline = defineChildPages(SupervisionActionSteps, { name: 'responsibility.supervisionAction.timeline', parentColumn: 'supervision_action_id', keys: SupervisionActionStepOrder.keys(null) });

/** An action's linked hazards (the links; each hazard is read through risk's `HazardReference`), in the order linked. */
export const SupervisionActionHazardPages = defineChildPages(SupervisionActionHazards, { name: 'responsibility.supervisionAction.hazards', parentColumn: 'supervision_action_id', keys: SUPERVISION_HAZARD_KEYS });
