import { defineWorkflow } from '@platform/core';
import { DrillProblem } from './drill.entity';
import { EmergencyPlan } from './emergency-plan.entity';
import { DrillProblemStatus, EmergencyPlanStatus } from './plan.enums';
import { PreparednessPermission } from '../permissions';
import { preparednessEvents } from '../preparedness.events';

const { DRAFT, EFFECTIVE, ARCHIVED } = EmergencyPlanStatus;

/**
 * A plan revision's life cycle as data: a draft is approved into force (EFFECTIVE), an effective
 * one is reviewed (评审, it stays EFFECTIVE), a draft or an effective one is archived. Two changes
 * are not steps of their own: an approval supersedes the chain's effective revision in the same
 * transaction (EFFECTIVE → SUPERSEDED, audited as `rescue.plan.supersede`, told by the approval's
 * event), and a revision starts a new draft record from an effective one. Each step keeps the audit
 * action and event the mutation had before the kernel workflow (`rescue.plan.<step>` / `…<step>ed`).
 */
export const PLAN_WORKFLOW = defineWorkflow({
  name: 'rescue.plan',
  entity: EmergencyPlan,
  entityName: 'EmergencyPlan',
  state: 'status',
  steps: {
    approve: { from: [DRAFT], to: EFFECTIVE, permission: PreparednessPermission.PlanWrite, action: 'rescue.plan.approve', event: preparednessEvents['rescue.plan.approved'] },
    review: { from: [EFFECTIVE], to: EFFECTIVE, permission: PreparednessPermission.PlanWrite, action: 'rescue.plan.review', event: preparednessEvents['rescue.plan.reviewed'] },
    archive: { from: [DRAFT, EFFECTIVE], to: ARCHIVED, permission: PreparednessPermission.PlanWrite, action: 'rescue.plan.archive', event: preparednessEvents['rescue.plan.archived'] },
  },
  payload: (plan, step) => (step === 'review' ? { id: plan.id, organizationId: plan.organizationId, nextReviewOn: plan.nextReviewOn } : { id: plan.id, organizationId: plan.organizationId }),
});

export type PlanStep = keyof typeof PLAN_WORKFLOW.steps;

/**
 * A drill problem's follow-up task: OPEN until it is completed (DONE). Problems that are not a TASK
 * have no task state (null) and take no step (refused with `openTask` before the workflow is asked).
 */
export const DRILL_TASK_WORKFLOW = defineWorkflow({
  name: 'rescue.drill-problem',
  entity: DrillProblem,
  entityName: 'DrillProblem',
  state: 'status',
  steps: {
    complete: { from: [DrillProblemStatus.OPEN], to: DrillProblemStatus.DONE, permission: PreparednessPermission.PlanWrite, action: 'rescue.drill.completeProblem', event: preparednessEvents['rescue.drill.problemCompleted'] },
  },
});
