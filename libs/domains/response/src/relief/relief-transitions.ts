import { defineWorkflow, type RequestContext, type StepHistory } from '@platform/core';
import { ReliefCase } from './relief.entity';
import { ReliefStatus } from './relief.enums';
import { insertReliefCaseStep } from './relief-history.sql';
import { ResponsePermission } from '../permissions';

/** What a relief case's step records beside the change: its note (a rejection's with the reason). */
export interface ReliefStepRecord {
  readonly note: string | null;
}

/** The application, the one entry into the approval path: a new record rather than a step (see `ReliefService.create`); its event is declared in `responseEvents`. */
export const RELIEF_APPLICATION = { step: 'apply', action: 'rescue.relief-case.apply', event: 'rescue.relief-case.applied' } as const;

/** The history row of a step (`ReliefCase.steps`), in the step's transaction. */
function recordReliefStep(tx: RequestContext, entry: StepHistory<ReliefCase, ReliefStatus, string, ReliefStepRecord>): Promise<void> {
  return insertReliefCaseStep(tx, entry.record.id, entry.step, entry.from, entry.to, entry.details?.note ?? null);
}

/**
 * The relief case's approval path as data: 户申请 (APPLIED) → 村评议 (ASSESSED) → 公示 (NOTICE) →
 * 镇审核 (REVIEWED) → 审批 (APPROVED, or REJECTED) → 发放到位 (PAID). Each mutation names its step,
 * which gives its permission, its state check, its history row, its audit action and event
 * (`rescue.relief-case.<step>`, payload `{ id, organizationId, status }`). `pay` is taken by the
 * payment that reaches the approved amount (`recordReliefPayment`, audited as the payment it
 * records, announced as `rescue.relief-case.paid`); every payment checks it may start from the case's state.
 */
export const RELIEF_WORKFLOW = defineWorkflow({
  name: 'rescue.relief-case',
  entity: ReliefCase,
  entityName: 'ReliefCase',
  state: 'status',
  steps: {
    assess: { from: [ReliefStatus.APPLIED], to: ReliefStatus.ASSESSED, permission: ResponsePermission.ReliefApply },
    startNotice: { from: [ReliefStatus.ASSESSED], to: ReliefStatus.NOTICE, permission: ResponsePermission.ReliefApply },
    review: { from: [ReliefStatus.NOTICE], to: ReliefStatus.REVIEWED, permission: ResponsePermission.ReliefApprove },
    approve: { from: [ReliefStatus.REVIEWED], to: ReliefStatus.APPROVED, permission: ResponsePermission.ReliefApprove },
    reject: { from: [ReliefStatus.REVIEWED], to: ReliefStatus.REJECTED, permission: ResponsePermission.ReliefApprove },
    pay: { from: [ReliefStatus.APPROVED], to: ReliefStatus.PAID, permission: ResponsePermission.ReliefPay, action: 'rescue.relief-payment.record', event: 'rescue.relief-case.paid' },
  },
  history: recordReliefStep,
  payload: (c, step) => (step === 'pay' ? { id: c.id, organizationId: c.organizationId, paidInFullOn: c.paidInFullOn } : { id: c.id, organizationId: c.organizationId, status: c.status }),
});

export type ReliefStepAction = keyof typeof RELIEF_WORKFLOW.steps;
/** The steps a mutation of its own takes (the payment takes `pay`). */
export type ReliefDecisionStep = Exclude<ReliefStepAction, 'pay'>;
