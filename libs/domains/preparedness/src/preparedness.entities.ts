/*
 * The preparedness module's entities with their row scope and permissions, declared once: every read
 * and write of the module goes through `records(ctx, <declaration>)`, which applies the scope. Other
 * modules read plans and drills through these declarations (exported from the index), never by SQL
 * on the module's tables.
 */
import { ALL_ROWS, NO_ROWS, defineScopedEntity, scopeOf } from '@platform/core';
import { EmergencyPlan } from './plans/emergency-plan.entity';
import { Drill, DrillProblem } from './plans/drill.entity';
import { DrillRule } from './plans/drill-rule.entity';
import { PreparednessPermission } from './permissions';

/** A plan revision belongs to the organization that keeps it; read and written with the plan permissions. */
export const EmergencyPlans = defineScopedEntity(EmergencyPlan, {
  table: 'emergency_plan',
  scope: { organizationColumn: 'organization_id' },
  read: PreparednessPermission.PlanRead,
  write: PreparednessPermission.PlanWrite,
});

/** Drills belong to the organization that held them; read with the plan permission, like the drill queries. */
export const Drills = defineScopedEntity(Drill, {
  table: 'drill',
  scope: { organizationColumn: 'organization_id' },
  read: PreparednessPermission.PlanRead,
  write: PreparednessPermission.PlanWrite,
});

/** A problem a drill found is in scope when its drill is. */
export const DrillProblems = defineScopedEntity(DrillProblem, {
  table: 'drill_problem',
  scope: { through: { entity: Drills, column: 'drill_id' } },
  read: PreparednessPermission.PlanRead,
  write: PreparednessPermission.PlanWrite,
});

/**
 * Drill rules are town-wide data: every rule is in scope for whoever holds the permission anywhere
 * (reading them needs the plan read permission, changing them the rule permission), none for others
 * (so `node(nodeId:)` shows a rule only to who may list them).
 */
export const DrillRules = defineScopedEntity(DrillRule, {
  table: 'drill_rule',
  scope: { custom: (principal, permission) => (scopeOf(principal, permission) ? ALL_ROWS : NO_ROWS) },
  read: PreparednessPermission.PlanRead,
  write: PreparednessPermission.RuleManage,
});

/** The declarations reachable by `node(nodeId:)` (their GraphQL types implement `Node`). */
export const preparednessNodeEntities = [EmergencyPlans, Drills, DrillProblems, DrillRules];
