import { registerStepEnum, type StepDeclaration } from '@platform/core';
import { HazardStatus } from './hazard.enums';
import { RiskPermission } from '../permissions';

/** The report, the one entry into the life cycle: a new record rather than a step (see `HazardService.report`); its event is declared in `riskEvents`. */
export const HAZARD_REPORT = { step: 'report', action: 'risk.hazard.report', event: 'risk.hazard.reported' } as const;

/** The announcement that a hazard passed its deadline (the overdue sweep): no step, no state change. */
export const HAZARD_OVERDUE = { step: 'overdue', event: 'risk.hazard.overdue' } as const;

/**
 * The hazard life cycle's steps as data (reported → confirmed → planned → rectifying → submitted →
 * verified → closed; rejected from reported; sent back from submitted to rectifying): `HAZARD_WORKFLOW`
 * is declared from this table, and the schema's enum `HazardAction` is derived from it. Apart from the
 * workflow (whose history hook writes `HazardEvent` rows) so that `HazardEvent` can name the enum.
 */
export const HAZARD_STEPS = {
  confirm: { from: [HazardStatus.REPORTED], to: HazardStatus.CONFIRMED, permission: RiskPermission.HazardManage, description: '确认。Confirmed and graded (confirmHazard).' },
  reject: { from: [HazardStatus.REPORTED], to: HazardStatus.REJECTED, permission: RiskPermission.HazardManage, description: '不予认定。Rejected as not a hazard (rejectHazard).' },
  planRectification: {
    from: [HazardStatus.CONFIRMED, HazardStatus.PLANNED],
    to: HazardStatus.PLANNED,
    permission: RiskPermission.HazardRectify,
    description: '制定整改方案。Rectification planned or re-planned (planRectification).',
  },
  startRectification: { from: [HazardStatus.PLANNED], to: HazardStatus.RECTIFYING, permission: RiskPermission.HazardRectify, description: '开始整改。Rectification started (startRectification).' },
  submitRectification: { from: [HazardStatus.RECTIFYING], to: HazardStatus.SUBMITTED, permission: RiskPermission.HazardRectify, description: '提交整改。Rectification submitted for verification (submitRectification).' },
  verifyRectification: { from: [HazardStatus.SUBMITTED], to: HazardStatus.VERIFIED, permission: RiskPermission.HazardManage, description: '验收。Rectification verified (verifyRectification).' },
  sendBackRectification: { from: [HazardStatus.SUBMITTED], to: HazardStatus.RECTIFYING, permission: RiskPermission.HazardManage, description: '退回整改。Rectification sent back (sendBackRectification).' },
  close: { from: [HazardStatus.VERIFIED], to: HazardStatus.CLOSED, permission: RiskPermission.HazardManage, description: '销号。Closed (closeHazard).' },
} as const satisfies Record<string, StepDeclaration<HazardStatus>>;

/** What happened to a hazard: the report, a step of its life cycle, or the overdue announcement. */
export type HazardActionName = typeof HAZARD_REPORT.step | keyof typeof HAZARD_STEPS | typeof HAZARD_OVERDUE.step;

/**
 * The schema's enum `HazardAction` (`HazardEvent.action`, `HazardChange.action`): REPORT, a value
 * per step (PLAN_RECTIFICATION…) and OVERDUE; in the code the names stored in `hazard_event.action`.
 */
export const HazardActionEnum = registerStepEnum(
  { name: 'risk.hazard', steps: HAZARD_STEPS },
  {
    name: 'HazardAction',
    description: '隐患操作。What happened to a hazard: its report, a step of its life cycle, or the announcement that it passed its deadline.',
    entries: {
      [HAZARD_REPORT.step]: '上报。Reported (reportHazard): the hazard was recorded.',
      [HAZARD_OVERDUE.step]: '逾期。The deadline passed while the hazard was open (announced once; not a step of its history).',
    },
  },
);
