import { defineWorkflow, type StepDeclaration } from '@platform/core';
import { Tip } from './tip.entity';
import { TipStatus } from './tip.enums';
import { TipPermission } from './tips.permissions';
import { tipEvents, type TipPayload } from './tips.events';

const S = TipStatus;
const E = tipEvents;

/**
 * A tip's life cycle as data (12345: 受理、调度、办理、回复、督办、办结、回访): RECEIVED → ACCEPTED → ASSIGNED →
 * VERIFYING → VERIFIED (a hazard raised) → HANDLED → CLOSED (FIXED when the hazard is verified closed), or
 * NOT_VERIFIED → CLOSED; REJECTED from RECEIVED; 12345 tickets SENT_BACK (退单); ESCALATED to the district
 * (deaths, 安全生产法 第七十三条) then CLOSED; closed-not-fixed outcomes from the open states; a closed tip
 * reopened (by its reporter within the window, or after a follow-up found it not fixed). Intake creates
 * RECEIVED (`reporting.tip.received`). Each step's mutation takes its permission, state check, audit
 * action `reporting.tip.<step>` and event from here.
 */
export const TIP_STEPS = {
  accept: { from: [S.RECEIVED], to: S.ACCEPTED, permission: TipPermission.Dispatch, event: E['reporting.tip.accepted'], description: '受理。Accepted for handling; the acceptance clock is met or missed.' },
  reject: { from: [S.RECEIVED], to: S.REJECTED, permission: TipPermission.Dispatch, event: E['reporting.tip.rejected'], description: '不予受理。Not accepted, with the reason.' },
  sendBack: { from: [S.RECEIVED, S.ACCEPTED, S.ASSIGNED], to: S.SENT_BACK, permission: TipPermission.Dispatch, event: E['reporting.tip.sent-back'], description: '退单。A 12345 ticket sent back to the hotline with the reason.' },
  escalate: { from: [S.RECEIVED, S.ACCEPTED, S.ASSIGNED, S.VERIFYING], to: S.ESCALATED, permission: TipPermission.Dispatch, event: E['reporting.tip.escalated'], description: '上报。Escalated to the district (automatically for tips involving deaths).' },
  assign: { from: [S.ACCEPTED, S.ASSIGNED], to: S.ASSIGNED, permission: TipPermission.Dispatch, event: E['reporting.tip.assigned'], description: '分派。Assigned (or reassigned) to an organization and person to verify.' },
  startVerifying: { from: [S.ASSIGNED], to: S.VERIFYING, permission: TipPermission.Handle, event: E['reporting.tip.verifying'], description: '开始核查。Verification on site started.' },
  verify: { from: [S.VERIFYING], to: S.VERIFIED, permission: TipPermission.Handle, event: E['reporting.tip.verified'], description: '属实。Verified true: a hazard is raised in the risk module.' },
  notVerify: { from: [S.VERIFYING], to: S.NOT_VERIFIED, permission: TipPermission.Handle, event: E['reporting.tip.not-verified'], description: '不属实。Not verified, with the reason.' },
  handle: { from: [S.VERIFIED], to: S.HANDLED, permission: TipPermission.Handle, event: E['reporting.tip.handled'], description: '处理。Handled: the hazard is under rectification or the matter dealt with.' },
  close: { from: [S.HANDLED, S.NOT_VERIFIED, S.ACCEPTED, S.ASSIGNED, S.VERIFYING, S.ESCALATED], to: S.CLOSED, permission: TipPermission.Dispatch, event: E['reporting.tip.closed'], description: '办结。Closed with its outcome: fixed, or one of the closed-not-fixed outcomes.' },
  reopen: { from: [S.CLOSED], to: S.ACCEPTED, permission: TipPermission.Handle, event: E['reporting.tip.reopened'], description: '重新办理。Reopened by the reporter within the window, or after a follow-up found it not fixed.' },
} as const satisfies Record<string, StepDeclaration<TipStatus>>;

/** The payload of every event of a tip. */
export const tipPayload = (t: Tip): TipPayload => ({
  id: t.id,
  code: t.code,
  channel: t.channel,
  category: t.category,
  organizationId: t.organizationId,
  status: t.status,
  outcome: t.outcome,
  involvesDeaths: t.involvesDeaths,
});

export const TIP_WORKFLOW = defineWorkflow({
  name: 'reporting.tip',
  entity: Tip,
  entityName: 'Tip',
  state: 'status',
  steps: TIP_STEPS,
  payload: tipPayload,
});

export type TipStep = keyof typeof TIP_STEPS;
