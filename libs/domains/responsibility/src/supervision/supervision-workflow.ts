import { claimAttachments, createRecord, defineWorkflow, type RequestContext } from '@platform/core';
import { SupervisionPermission } from './supervision.permissions';
import { SupervisionAction, SupervisionActionStep } from './supervision-action.entity';
import type { SupervisionStatus } from './supervision.enums';
import { SUPERVISION_STEPS, type SupervisionActionName } from './supervision-steps';
import { supervisionEvents, type SupervisionActionPayload } from './supervision.events';

/** What a step records in the action's timeline. */
export interface SupervisionStepDetails {
  readonly recordedOn: string;
  readonly note: string | null;
  /** Evidence files of the step, claimed for its timeline entry (readable where the action is). */
  readonly attachmentIds?: readonly string[];
  /** The addressee, for the evidence's download scope. */
  readonly organization?: { readonly id: string; readonly path: string };
}

/** The events of the steps (declared in `supervisionEvents`). */
const E = supervisionEvents;

/** The payload of every event of an action (ids, kind and status). */
export const supervisionPayload = (a: SupervisionAction): SupervisionActionPayload => ({ id: a.id, kind: a.kind, addresseeOrganizationId: a.addresseeOrganizationId, status: a.status });

/** A timeline entry (`SupervisionActionStep`) in the caller's transaction, audited under the action. */
export async function recordSupervisionEntry(
  tx: RequestContext,
  entry: { readonly action: SupervisionActionName; readonly from: SupervisionStatus | null; readonly to: SupervisionStatus; readonly record: SupervisionAction; readonly details: SupervisionStepDetails },
): Promise<void> {
  const step = await createRecord(
    tx,
    SupervisionActionStep,
    'SupervisionActionStep',
    { supervisionActionId: entry.record.id, action: entry.action, recordedOn: entry.details.recordedOn, fromStatus: entry.from, toStatus: entry.to, note: entry.details.note },
    { action: 'responsibility.supervision-action-step.record', changes: { supervisionActionId: entry.record.id, action: entry.action }, auditUnder: { entityType: 'SupervisionAction', entityId: entry.record.id } },
  );
  const d = entry.details;
  if (d.attachmentIds?.length && d.organization) {
    await claimAttachments(tx, d.attachmentIds, { entityType: 'SupervisionActionStep', entityId: step.id, readPermission: SupervisionPermission.Read, organization: d.organization }, 'input.attachmentIds');
  }
}

/**
 * A supervision action's life cycle as data (`SUPERVISION_STEPS`). Each step's mutation gets its
 * permission, state check, audit action `responsibility.supervision-action.<step>`, event (below) and
 * timeline entry from here; `applyStep` runs them in the caller's transaction.
 */
export const SUPERVISION_WORKFLOW = defineWorkflow({
  name: 'responsibility.supervision-action',
  entity: SupervisionAction,
  entityName: 'SupervisionAction',
  state: 'status',
  steps: {
    acknowledge: { ...SUPERVISION_STEPS.acknowledge, event: E['responsibility.supervision-action.acknowledged'] },
    submitPlan: { ...SUPERVISION_STEPS.submitPlan, event: E['responsibility.supervision-action.planSubmitted'] },
    startRectifying: { ...SUPERVISION_STEPS.startRectifying, event: E['responsibility.supervision-action.rectificationStarted'] },
    requestAcceptance: { ...SUPERVISION_STEPS.requestAcceptance, event: E['responsibility.supervision-action.acceptanceRequested'] },
    verify: { ...SUPERVISION_STEPS.verify, event: E['responsibility.supervision-action.verified'] },
    failVerification: { ...SUPERVISION_STEPS.failVerification, event: E['responsibility.supervision-action.verificationFailed'] },
    close: { ...SUPERVISION_STEPS.close, event: E['responsibility.supervision-action.closed'] },
    escalate: { ...SUPERVISION_STEPS.escalate, event: E['responsibility.supervision-action.escalated'] },
  },
  payload: supervisionPayload,
  history: (tx, entry: { step: SupervisionActionName; from: SupervisionStatus; to: SupervisionStatus; record: SupervisionAction; details: SupervisionStepDetails | undefined }) =>
    recordSupervisionEntry(tx, { action: entry.step, from: entry.from, to: entry.to, record: entry.record, details: entry.details! }),
});

export type SupervisionStep = keyof typeof SUPERVISION_WORKFLOW.steps;
