import { claimAttachments, defineWorkflow, unscoped, type RequestContext } from '@platform/core';
import { Organizations } from '@platform/directory';
import { Hazard } from './hazard.entity';
import { HazardEvent } from './hazard-event.entity';
import { HazardStatus } from './hazard.enums';
import { RiskPermission } from '../permissions';

/** What a hazard's step records beside the change: a note and evidence (uploaded attachments). */
export interface HazardStepRecord {
  readonly note?: string | null;
  readonly attachmentIds?: readonly string[];
}

/** The report, the one entry into the life cycle: a new record rather than a step (see `HazardService.report`); its event is declared in `riskEvents`. */
export const HAZARD_REPORT = { step: 'report', action: 'risk.hazard.report', event: 'risk.hazard.reported' } as const;

/**
 * A row of the hazard's history (`hazard.history`), in the step's transaction, with the step's
 * evidence claimed for it: readable by whoever may read hazards at the hazard's organization.
 */
export async function recordHazardStep(
  tx: RequestContext,
  entry: { readonly step: string; readonly from: HazardStatus | null; readonly to: HazardStatus; readonly record: Hazard; readonly details: HazardStepRecord | undefined },
): Promise<void> {
  const { record: hazard, details } = entry;
  const event = await tx.manager.save(
    tx.manager.create(HazardEvent, { hazardId: hazard.id, action: entry.step, fromStatus: entry.from, toStatus: entry.to, actorKind: tx.principal.kind, actorId: tx.principal.id, note: details?.note ?? null }),
  );
  if (details?.attachmentIds?.length) {
    const organization = (await unscoped(tx, Organizations, 'the step\'s permission already admitted the caller to this hazard; the path only places the evidence').one(hazard.organizationId, ['path']))!;
    await claimAttachments(tx, details.attachmentIds, { entityType: 'HazardEvent', entityId: event.id, readPermission: RiskPermission.HazardRead, organization: { id: organization.id, path: organization.path } }, 'input.attachmentIds');
  }
}

/**
 * The hazard life cycle as data (reported → confirmed → planned → rectifying → submitted →
 * verified → closed; rejected from reported; sent back from submitted to rectifying). Each
 * mutation names its step, which gives its permission, its state check, its history row, its audit
 * action and event (`risk.hazard.<step>`, payload `{ id, organizationId, status }`).
 */
export const HAZARD_WORKFLOW = defineWorkflow({
  name: 'risk.hazard',
  entity: Hazard,
  entityName: 'Hazard',
  state: 'status',
  steps: {
    confirm: { from: [HazardStatus.REPORTED], to: HazardStatus.CONFIRMED, permission: RiskPermission.HazardManage },
    reject: { from: [HazardStatus.REPORTED], to: HazardStatus.REJECTED, permission: RiskPermission.HazardManage },
    planRectification: { from: [HazardStatus.CONFIRMED, HazardStatus.PLANNED], to: HazardStatus.PLANNED, permission: RiskPermission.HazardRectify },
    startRectification: { from: [HazardStatus.PLANNED], to: HazardStatus.RECTIFYING, permission: RiskPermission.HazardRectify },
    submitRectification: { from: [HazardStatus.RECTIFYING], to: HazardStatus.SUBMITTED, permission: RiskPermission.HazardRectify },
    verifyRectification: { from: [HazardStatus.SUBMITTED], to: HazardStatus.VERIFIED, permission: RiskPermission.HazardManage },
    sendBackRectification: { from: [HazardStatus.SUBMITTED], to: HazardStatus.RECTIFYING, permission: RiskPermission.HazardManage },
    close: { from: [HazardStatus.VERIFIED], to: HazardStatus.CLOSED, permission: RiskPermission.HazardManage },
  },
  history: recordHazardStep,
  payload: (hazard) => ({ id: hazard.id, organizationId: hazard.organizationId, status: hazard.status }),
});

export type HazardAction = keyof typeof HAZARD_WORKFLOW.steps;
