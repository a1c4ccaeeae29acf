import { defineWorkflow, type StepDeclaration } from '@platform/core';
import { CriminalReferral } from './criminal-referral.entity';
import { ReferralStatus } from './referral.enums';
import { ReferralPermission } from './referrals.permissions';
import { referralEvents, type ReferralPayload } from './referrals.events';

const S = ReferralStatus;
const E = referralEvents;

/**
 * A referral's life cycle as data (应急〔2019〕54号): FLAGGED → REPORTED (移送报告 by ≥ 2 enforcers) →
 * DECIDED (the head, within the decision clock) → TRANSFERRED (移送书 to the police within the
 * transfer clock, 检察院 copied) → ANSWERED (立案/不立案) → CLOSED; a NOT_TRANSFER decision closes from
 * DECIDED; DISMISSED from FLAGGED with a reason. Each step's mutation takes its permission, state
 * check, audit action `enforcement.referral.<step>` and event from here.
 */
export const REFERRAL_STEPS = {
  report: { from: [S.FLAGGED], to: S.REPORTED, permission: ReferralPermission.Manage, event: E['enforcement.referral.reported'], description: '移送报告。Two or more enforcers report the suspected crime to the agency head (reportCriminalReferral).' },
  decide: { from: [S.REPORTED], to: S.DECIDED, permission: ReferralPermission.Decide, event: E['enforcement.referral.decided'], description: '移送决定。The agency head decides to transfer or not, with reasons (decideCriminalReferral).' },
  transfer: { from: [S.DECIDED], to: S.TRANSFERRED, permission: ReferralPermission.Manage, event: E['enforcement.referral.transferred'], description: '移送。Transferred to the police, the procuratorate copied (transferCriminalReferral).' },
  answer: { from: [S.TRANSFERRED], to: S.ANSWERED, permission: ReferralPermission.Manage, event: E['enforcement.referral.answered'], description: '公安答复。The police\'s 立案/不立案 answer recorded (recordCriminalReferralAnswer).' },
  close: { from: [S.DECIDED, S.ANSWERED], to: S.CLOSED, permission: ReferralPermission.Manage, event: E['enforcement.referral.closed'], description: '办结。Closed after the answer or after a decision not to transfer (closeCriminalReferral).' },
  dismiss: { from: [S.FLAGGED], to: S.DISMISSED, permission: ReferralPermission.Decide, event: E['enforcement.referral.dismissed'], description: '排除。A flag dismissed with its reason: no suspected crime (dismissCriminalReferral).' },
} as const satisfies Record<string, StepDeclaration<ReferralStatus>>;

/** The payload of every event of a referral. */
export const referralPayload = (r: CriminalReferral): ReferralPayload => ({
  id: r.id,
  code: r.code,
  organizationId: r.organizationId,
  caseId: r.caseId,
  accidentInvestigationId: r.accidentInvestigationId,
  status: r.status,
  reasons: [...r.reasons],
});

export const REFERRAL_WORKFLOW = defineWorkflow({
  name: 'enforcement.referral',
  entity: CriminalReferral,
  entityName: 'CriminalReferral',
  state: 'status',
  steps: REFERRAL_STEPS,
  payload: referralPayload,
});

export type ReferralStep = keyof typeof REFERRAL_STEPS;
