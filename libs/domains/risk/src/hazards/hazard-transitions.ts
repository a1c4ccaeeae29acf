import { claimAttachments, defineWorkflow, unscoped, type RequestContext } from '@platform/core';
import { Organizations } from '@platform/directory';
import { Hazard } from './hazard.entity';
import { HazardEvent } from './hazard-event.entity';
import { HazardStatus } from './hazard.enums';
import { HAZARD_REPORT, HAZARD_STEPS, type HazardActionName } from './hazard-steps';
import { RiskPermission } from '../permissions';

export { HAZARD_REPORT };

/** What a hazard's step records beside the change: a note and evidence (uploaded attachments). */
export interface HazardStepRecord {
  readonly note?: string | null;
  readonly attachmentIds?: readonly string[];
}

/**
 * A row of the hazard's history (`hazard.history`), in the step's transaction, with the step's
 * evidence claimed for it: readable by whoever may read hazards at the hazard's organization.
 */
export async function recordHazardStep(
  tx: RequestContext,
  entry: { readonly step: HazardActionName; readonly from: HazardStatus | null; readonly to: HazardStatus; readonly record: Hazard; readonly details: HazardStepRecord | undefined },
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
 * The hazard life cycle as data (`HAZARD_STEPS`: reported → confirmed → planned → rectifying →
 * submitted → verified → closed; rejected from reported; sent back from submitted to rectifying).
 * Each mutation names its step, which gives its permission, its state check, its history row, its
 * audit action and event (`risk.hazard.<step>`, payload `{ id, organizationId, status }`).
 */
export const HAZARD_WORKFLOW = defineWorkflow({
  name: 'risk.hazard',
  entity: Hazard,
  entityName: 'Hazard',
  state: 'status',
  steps: HAZARD_STEPS,
  history: recordHazardStep,
  payload: (hazard) => ({ id: hazard.id, organizationId: hazard.organizationId, status: hazard.status }),
});

export type HazardAction = keyof typeof HAZARD_WORKFLOW.steps;
