import { defineWorkflow, type StepDeclaration } from '@platform/core';
import { Inspection } from './inspection.entity';
import { InspectionStatus } from './inspection.enums';
import { InspectionPermission } from './inspections.permissions';
import { inspectionEvents, type InspectionPayload } from './inspections.events';

const S = InspectionStatus;
const E = inspectionEvents;

/**
 * An inspection's life cycle as data: DRAFT → SUBMITTED → APPROVED (行政检查审批表) → RECORDED (现场检查记录)
 * → RECTIFICATION_ORDERED (责令限期整改指令书) → REINSPECTED (整改复查意见书) → CLOSED; a refused approval
 * goes back to DRAFT; CANCELLED before the visit. Each step's mutation takes its permission, state
 * check, audit action `enforcement.inspection.<step>` and event from here.
 */
export const INSPECTION_STEPS = {
  submit: { from: [S.DRAFT], to: S.SUBMITTED, permission: InspectionPermission.Manage, event: E['enforcement.inspection.submitted'], description: '提交审批。Submitted for approval (submitInspection).' },
  approve: { from: [S.SUBMITTED], to: S.APPROVED, permission: InspectionPermission.Approve, event: E['enforcement.inspection.approved'], description: '审批通过。Approved by someone who is not one of its inspectors (approveInspection).' },
  reject: { from: [S.SUBMITTED], to: S.DRAFT, permission: InspectionPermission.Approve, event: E['enforcement.inspection.rejected'], description: '退回。Sent back to DRAFT with a reason (rejectInspection).' },
  recordVisit: { from: [S.APPROVED], to: S.RECORDED, permission: InspectionPermission.Manage, event: E['enforcement.inspection.recorded'], description: '记录现场检查。The visit recorded (recordInspectionVisit).' },
  orderRectification: { from: [S.RECORDED], to: S.RECTIFICATION_ORDERED, permission: InspectionPermission.Manage, event: E['enforcement.inspection.rectificationOrdered'], description: '责令限期整改。Findings ordered rectified by a deadline (orderInspectionRectification).' },
  recordReinspection: { from: [S.RECTIFICATION_ORDERED], to: S.REINSPECTED, permission: InspectionPermission.Manage, event: E['enforcement.inspection.reinspected'], description: '整改复查。The re-inspection recorded (recordInspectionReinspection).' },
  close: { from: [S.RECORDED, S.REINSPECTED], to: S.CLOSED, permission: InspectionPermission.Manage, event: E['enforcement.inspection.closed'], description: '办结。Closed (closeInspection).' },
  cancel: { from: [S.DRAFT, S.SUBMITTED, S.APPROVED], to: S.CANCELLED, permission: InspectionPermission.Manage, event: E['enforcement.inspection.cancelled'], description: '取消。Cancelled before the visit, with a reason (cancelInspection).' },
} as const satisfies Record<string, StepDeclaration<InspectionStatus>>;

/** The payload of every event of an inspection. */
export const inspectionPayload = (i: Inspection): InspectionPayload => ({ id: i.id, code: i.code, enterpriseId: i.enterpriseId, status: i.status });

export const INSPECTION_WORKFLOW = defineWorkflow({
  name: 'enforcement.inspection',
  entity: Inspection,
  entityName: 'Inspection',
  state: 'status',
  steps: INSPECTION_STEPS,
  payload: inspectionPayload,
});

export type InspectionStep = keyof typeof INSPECTION_STEPS;
