import { defineWorkflow, type PayloadOf } from '@platform/core';
import { ConsultationActionItem } from './consultation.entity';
import { ConsultationActionStatus } from './consultation.enums';
import type { Consultation } from './consultation.entity';
import { communityEvents, type CommunityEvents } from '../community.events';
import { CommunityPermission } from '../permissions';

/**
 * An action item's life cycle as data: agreed OPEN, then DONE (with the day and a note) or CANCELLED
 * (with the reason), both final. Each mutation names its step, which gives its permission, its state
 * check (BAD_USER_INPUT rule `state`), its audit action (`rescue.consultation-action-item.<step>`)
 * and its event (`rescue.consultation.actionItemCompleted`/`…Cancelled`).
 */
export const ACTION_ITEM_WORKFLOW = defineWorkflow({
  name: 'rescue.consultation-action-item',
  entity: ConsultationActionItem,
  entityName: 'ConsultationActionItem',
  state: 'status',
  steps: {
    complete: { from: [ConsultationActionStatus.OPEN], to: ConsultationActionStatus.DONE, permission: CommunityPermission.ConsultationWrite, event: communityEvents['rescue.consultation.actionItemCompleted'] },
    cancel: { from: [ConsultationActionStatus.OPEN], to: ConsultationActionStatus.CANCELLED, permission: CommunityPermission.ConsultationWrite, event: communityEvents['rescue.consultation.actionItemCancelled'] },
  },
});

export type ActionItemStep = keyof typeof ACTION_ITEM_WORKFLOW.steps;

/** The event payload of a step on an action item: the item, its consultation and the organization that convened it. */
export function actionItemPayload(consultation: Pick<Consultation, 'id' | 'organizationId'>) {
  return (item: ConsultationActionItem): PayloadOf<CommunityEvents['rescue.consultation.actionItemCompleted' | 'rescue.consultation.actionItemCancelled']> => ({
    id: item.id,
    consultationId: consultation.id,
    organizationId: consultation.organizationId,
  });
}
