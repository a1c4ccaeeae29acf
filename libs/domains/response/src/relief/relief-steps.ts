import { registerStepEnum, type StepDeclaration } from '@platform/core';
import { ReliefStatus } from './relief.enums';
import { ResponsePermission } from '../permissions';

/** The application, the one entry into the approval path: a new record rather than a step (see `ReliefService.create`); its event is declared in `responseEvents`. */
export const RELIEF_APPLICATION = { step: 'apply', action: 'rescue.relief-case.apply', event: 'rescue.relief-case.applied' } as const;

/**
 * The relief case's approval path as data: 村评议 (ASSESSED) → 公示 (NOTICE) → 镇审核 (REVIEWED) →
 * 审批 (APPROVED, or REJECTED) → 发放到位 (PAID). `RELIEF_WORKFLOW` is declared from this table and
 * the schema's enum `ReliefAction` derived from it; apart from the workflow so that the entity
 * `ReliefCaseStep` can name the enum.
 */
export const RELIEF_STEPS = {
  assess: { from: [ReliefStatus.APPLIED], to: ReliefStatus.ASSESSED, permission: ResponsePermission.ReliefApply, description: '村评议。Assessed by the village (assessReliefCase).' },
  startNotice: { from: [ReliefStatus.ASSESSED], to: ReliefStatus.NOTICE, permission: ResponsePermission.ReliefApply, description: '公示。Put on public notice (startReliefNotice).' },
  review: { from: [ReliefStatus.NOTICE], to: ReliefStatus.REVIEWED, permission: ResponsePermission.ReliefApprove, description: '镇审核。Reviewed by the town after the notice (reviewReliefCase).' },
  approve: { from: [ReliefStatus.REVIEWED], to: ReliefStatus.APPROVED, permission: ResponsePermission.ReliefApprove, description: '审批。Approved with the amount (approveReliefCase).' },
  reject: { from: [ReliefStatus.REVIEWED], to: ReliefStatus.REJECTED, permission: ResponsePermission.ReliefApprove, description: '不予救助。Rejected with the reason (rejectReliefCase).' },
  pay: {
    from: [ReliefStatus.APPROVED],
    to: ReliefStatus.PAID,
    permission: ResponsePermission.ReliefPay,
    action: 'rescue.relief-payment.record',
    event: 'rescue.relief-case.paid',
    description: '发放。A payment recorded (recordReliefPayment); the one that reaches the approved amount makes the case PAID.',
  },
} as const satisfies Record<string, StepDeclaration<ReliefStatus>>;

/** A row of a case's history: the application or a step. */
export type ReliefActionName = typeof RELIEF_APPLICATION.step | keyof typeof RELIEF_STEPS;

/** The schema's enum `ReliefAction` (`ReliefCaseStep.action`): APPLY and a value per step; in the code the names stored in `relief_case_step.action`. */
export const ReliefActionEnum = registerStepEnum(
  { name: 'rescue.relief-case', steps: RELIEF_STEPS },
  {
    name: 'ReliefAction',
    description: '救助审批操作。A row of a relief case\'s approval path: the application or one of its steps.',
    entries: { [RELIEF_APPLICATION.step]: '户申请。Applied for by the household (createReliefCase).' },
  },
);
