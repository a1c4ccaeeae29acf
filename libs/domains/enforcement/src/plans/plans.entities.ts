/*
 * The annual plan's entities with their row scope and permissions, declared once: every read and
 * write of the part goes through `records(ctx, <declaration>)`, which applies the scope.
 */
import { defineScopedEntity } from '@platform/core';
import { InspectionPlan, InspectionPlanEntry } from './inspection-plan.entity';
import { PlanPermission } from './plans.permissions';

/** A plan belongs to its legal subject. */
export const InspectionPlans = defineScopedEntity(InspectionPlan, {
  table: 'inspection_plan',
  scope: { organizationColumn: 'organization_id' },
  read: PlanPermission.Read,
  write: PlanPermission.Manage,
});

/** An entry is in scope when its plan is. */
export const InspectionPlanEntries = defineScopedEntity(InspectionPlanEntry, {
  table: 'inspection_plan_entry',
  scope: { through: { entity: InspectionPlans, column: 'plan_id' } },
  read: PlanPermission.Read,
  write: PlanPermission.Manage,
});

/** The declarations reachable by `node(nodeId:)` (their GraphQL types implement `Node`). */
export const planNodeEntities = [InspectionPlans, InspectionPlanEntries];
