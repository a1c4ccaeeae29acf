import { registerStepEnum, type StepDeclaration } from '@platform/core';
import { SupervisionStatus } from './supervision.enums';
import { SupervisionPermission } from './supervision.permissions';

const S = SupervisionStatus;

/**
 * A supervision action's life cycle as data: issued → acknowledged → plan submitted → rectifying →
 * acceptance requested → verified → closed (摘牌 for listed supervision); a failed acceptance goes back
 * to rectifying; escalated after repeated failures. `SUPERVISION_WORKFLOW` is declared from this table
 * and the schema's `SupervisionStepAction` enum is derived from it (apart from the workflow, so the
 * timeline entity can name the enum).
 */
export const SUPERVISION_STEPS = {
  acknowledge: { from: [S.ISSUED], to: S.ACKNOWLEDGED, permission: SupervisionPermission.Respond, description: '签收。Acknowledged by the addressee (acknowledgeSupervisionAction).' },
  submitPlan: { from: [S.ACKNOWLEDGED], to: S.PLAN_SUBMITTED, permission: SupervisionPermission.Respond, description: '报送方案。Written reply or rectification plan submitted (submitSupervisionPlan).' },
  startRectifying: { from: [S.PLAN_SUBMITTED], to: S.RECTIFYING, permission: SupervisionPermission.Respond, description: '开始整改。Rectification started (startSupervisionRectification).' },
  requestAcceptance: { from: [S.RECTIFYING], to: S.ACCEPTANCE_REQUESTED, permission: SupervisionPermission.Respond, description: '申请验收。Rectification reported done, acceptance requested (requestSupervisionAcceptance).' },
  verify: { from: [S.ACCEPTANCE_REQUESTED], to: S.VERIFIED, permission: SupervisionPermission.Manage, description: '验收通过。Accepted by the office (verifySupervisionAction).' },
  failVerification: { from: [S.ACCEPTANCE_REQUESTED], to: S.RECTIFYING, permission: SupervisionPermission.Manage, description: '验收不通过。Acceptance refused, back to rectifying; the failure count grows (failSupervisionVerification).' },
  close: { from: [S.VERIFIED], to: S.CLOSED, permission: SupervisionPermission.Manage, description: '销号（摘牌）。Closed; for listed supervision delisted, once every linked hazard is closed (closeSupervisionAction).' },
  escalate: { from: [S.RECTIFYING, S.ACCEPTANCE_REQUESTED], to: S.ESCALATED, permission: SupervisionPermission.Manage, description: '升级督办。Escalated to the upper level after repeated failed acceptances (escalateSupervisionAction).' },
} as const satisfies Record<string, StepDeclaration<SupervisionStatus>>;

/** What can happen to an action: its issue, a workflow step, or the extension request and decision (no state change). */
export const SUPERVISION_ENTRIES = {
  issue: '下发。Issued by the town safety committee (issueSupervisionAction).',
  requestExtension: '申请延期。An extension of the deadline requested (requestSupervisionExtension); the status does not change.',
  decideExtension: '延期决定。The extension approved with a new deadline, or denied (decideSupervisionExtension); the status does not change.',
} as const;

export type SupervisionStepName = keyof typeof SUPERVISION_STEPS;
export type SupervisionActionName = SupervisionStepName | keyof typeof SUPERVISION_ENTRIES;

/** The schema's enum of timeline entries: ISSUE, a value per step, REQUEST_EXTENSION, DECIDE_EXTENSION (stored as the step's name). */
export const SupervisionStepActionEnum = registerStepEnum(
  { name: 'responsibility.supervision-action', steps: SUPERVISION_STEPS },
  { name: 'SupervisionStepAction', description: '督办操作。What a timeline entry of a supervision action records: its issue, a workflow step, or the extension request and decision.', entries: SUPERVISION_ENTRIES },
);
