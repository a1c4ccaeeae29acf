import { defineEvents, payload } from '@platform/core';
import { DrillProblems, DrillRules, Drills, EmergencyPlans } from './preparedness.entities';
import type { DrillForm, EmergencyPlanType } from './plans/plan.enums';

/** What a plan revision's events carry: the revision and the organization that keeps it. */
type KeptPlan = { id: string; organizationId: string };
/** What a drill rule's events carry: the rule and its code. */
type RuleRef = { id: string; code: string };

/**
 * Every event the preparedness module emits, with its payload: producers emit through these entries
 * and consumers take the payload types from them. The names keep their `rescue.` prefix (from before
 * the rescue split), so existing subscribers keep working. A plan's life-cycle steps emit
 * `rescue.plan.<step>ed` (see `PLAN_WORKFLOW`), the drill problem's task `rescue.drill.problemCompleted`.
 */
export const preparednessEvents = defineEvents({
  'rescue.plan.created': payload<KeptPlan & { type: EmergencyPlanType }>(EmergencyPlans),
  'rescue.plan.updated': payload<KeptPlan>(EmergencyPlans),
  /** A draft put into force; `supersededId`: the revision it replaced (now SUPERSEDED), null for the first. */
  'rescue.plan.approved': payload<KeptPlan & { supersededId: string | null }>(EmergencyPlans),
  /** `id`: the new draft; `supersedesId`: the effective revision it was started from. */
  'rescue.plan.revised': payload<KeptPlan & { supersedesId: string }>(EmergencyPlans),
  'rescue.plan.reviewed': payload<KeptPlan & { nextReviewOn: string }>(EmergencyPlans),
  'rescue.plan.archived': payload<KeptPlan>(EmergencyPlans),
  /** `problems`: how many problems were recorded with it. */
  'rescue.drill.recorded': payload<KeptPlan & { form: DrillForm; heldOn: string; problems: number }>(Drills),
  'rescue.drill.updated': payload<KeptPlan>(Drills),
  /** `id`: the drill problem; `organizationId`: its drill's organization. */
  'rescue.drill.problemCompleted': payload<{ id: string; drillId: string; organizationId: string }>(DrillProblems),
  'rescue.drill-rule.created': payload<RuleRef>(DrillRules),
  'rescue.drill-rule.updated': payload<RuleRef>(DrillRules),
  'rescue.drill-rule.archived': payload<RuleRef>(DrillRules),
});

export type PreparednessEvents = typeof preparednessEvents;
