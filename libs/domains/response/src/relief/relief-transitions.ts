import { defineWorkflow, type RequestContext, type StepHistory } from '@platform/core';
import { ReliefCase } from './relief.entity';
import { ReliefStatus } from './relief.enums';
import { insertReliefCaseStep } from './relief-history.sql';
import { RELIEF_APPLICATION, RELIEF_STEPS } from './relief-steps';

export { RELIEF_APPLICATION };

/** What a relief case's step records beside the change: its note (a rejection's with the reason). */
export interface ReliefStepRecord {
  readonly note: string | null;
}

/** The history row of a step (`ReliefCase.steps`), in the step's transaction. */
function recordReliefStep(tx: RequestContext, entry: StepHistory<ReliefCase, ReliefStatus, string, ReliefStepRecord>): Promise<void> {
  return insertReliefCaseStep(tx, entry.record.id, entry.step, entry.from, entry.to, entry.details?.note ?? null);
}

/**
 * The relief case's approval path as data (`RELIEF_STEPS`): 户申请 (APPLIED) → 村评议 (ASSESSED) → 公示 (NOTICE) →
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
  steps: RELIEF_STEPS,
  history: recordReliefStep,
  payload: (c, step) => (step === 'pay' ? { id: c.id, organizationId: c.organizationId, paidInFullOn: c.paidInFullOn } : { id: c.id, organizationId: c.organizationId, status: c.status }),
});

export type ReliefStepAction = keyof typeof RELIEF_WORKFLOW.steps;
/** The steps a mutation of its own takes (the payment takes `pay`). */
export type ReliefDecisionStep = Exclude<ReliefStepAction, 'pay'>;
