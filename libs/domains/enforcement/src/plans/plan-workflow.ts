import { defineWorkflow } from '@platform/core';
import { InspectionPlan } from './inspection-plan.entity';
import { InspectionPlanStatus } from './plan.enums';
import { planEvents } from './plans.events';
import { PlanPermission } from './plans.permissions';

/**
 * A plan's life cycle: DRAFT → (approve) APPROVED → (supersede, when an approved revision of the same
 * year replaces it) SUPERSEDED. Only a draft is edited. Audit actions `enforcement.inspection-plan.<step>`.
 */
export const PLAN_WORKFLOW = defineWorkflow({
  name: 'enforcement.inspection-plan',
  entity: InspectionPlan,
  entityName: 'InspectionPlan',
  state: 'status',
  steps: {
    approve: { from: [InspectionPlanStatus.DRAFT], to: InspectionPlanStatus.APPROVED, permission: PlanPermission.Manage, event: planEvents['enforcement.inspection-plan.approved'], description: '批准。Approved by the office: the plan in force for its year.' },
    supersede: { from: [InspectionPlanStatus.APPROVED], to: InspectionPlanStatus.SUPERSEDED, permission: PlanPermission.Manage, event: planEvents['enforcement.inspection-plan.superseded'], description: '被替代。Replaced by an approved revision of the same year.' },
  },
  payload: (p) => ({ id: p.id, organizationId: p.organizationId, year: p.year }),
});
