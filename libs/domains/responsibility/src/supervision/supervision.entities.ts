/*
 * The supervision part's entities with their row scope and permissions, declared once: every read and
 * write goes through `records(ctx, <declaration>)`, which applies the scope.
 */
import { defineScopedEntity } from '@platform/core';
import { SupervisionAction, SupervisionActionHazard, SupervisionActionStep } from './supervision-action.entity';
import { SupervisionPermission } from './supervision.permissions';

/** A supervision action belongs to its addressee: a village officer reaches the actions addressed to the village, a department officer those to the department. */
export const SupervisionActions = defineScopedEntity(SupervisionAction, {
  table: 'supervision_action',
  scope: { organizationColumn: 'addressee_organization_id' },
  read: SupervisionPermission.Read,
  write: SupervisionPermission.Manage,
});

/** A timeline entry is in scope when its action is. */
export const SupervisionActionSteps = defineScopedEntity(SupervisionActionStep, {
  table: 'supervision_action_step',
  scope: { through: { entity: SupervisionActions, column: 'supervision_action_id' } },
  read: SupervisionPermission.Read,
});

/** A hazard link is in scope when its action is (the hazard itself is read through risk's `Hazards`, in the reader's hazard scope). */
export const SupervisionActionHazards = defineScopedEntity(SupervisionActionHazard, {
  table: 'supervision_action_hazard',
  scope: { through: { entity: SupervisionActions, column: 'supervision_action_id' } },
  read: SupervisionPermission.Read,
  write: SupervisionPermission.Manage,
});

/** The declarations reachable by `node(nodeId:)` (their GraphQL types implement `Node`). */
export const supervisionNodeEntities = [SupervisionActions, SupervisionActionSteps];
