import { defineWorkflow } from '@platform/core';
import { Warning } from './warning.entity';
import { WarningDelivery } from './warning-delivery.entity';
import { WarningDeliveryStatus, WarningStatus } from './warning.enums';
import { WarningPermission } from '../permissions';

/**
 * The life cycle of a warning record as data: the ACTIVE record of a chain is replaced by an update
 * (SUPERSEDED) or a cancellation (CANCELLED), or passes its expiry (EXPIRED, by the escalation
 * sweep); every other state is final. Each step gives the mutation's permission, its state check
 * (BAD_USER_INPUT rule `state`) and its audit action and event, which belong to the new record the
 * update or cancellation creates (CAP: the new message references the one it replaces), so the
 * replaced record's status changes without an entry of its own (see `WarningService.replace`).
 * The sweep expires records in bulk (`expireWarnings`), one audit entry and event each.
 */
export const WARNING_WORKFLOW = defineWorkflow({
  name: 'rescue.warning',
  entity: Warning,
  entityName: 'Warning',
  state: 'status',
  steps: {
    update: { from: [WarningStatus.ACTIVE], to: WarningStatus.SUPERSEDED, permission: WarningPermission.WarningIssue, action: 'rescue.warning.update', event: 'rescue.warning.updated' },
    cancel: { from: [WarningStatus.ACTIVE], to: WarningStatus.CANCELLED, permission: WarningPermission.WarningIssue, action: 'rescue.warning.cancel', event: 'rescue.warning.cancelled' },
    expire: { from: [WarningStatus.ACTIVE], to: WarningStatus.EXPIRED, permission: WarningPermission.WarningIssue, action: 'rescue.warning.expire', event: 'rescue.warning.expired' },
  },
});

export type WarningStep = keyof typeof WARNING_WORKFLOW.steps;

/**
 * A delivery's call-and-response as data: a PENDING delivery is acknowledged (叫应) by someone who
 * may respond at its organization. (It is CANCELLED in bulk when its record is updated or
 * cancelled before it was answered, with the record's own audit entry: see `cancelPendingDeliveries`.)
 */
export const DELIVERY_WORKFLOW = defineWorkflow({
  name: 'rescue.warning-delivery',
  entity: WarningDelivery,
  entityName: 'WarningDelivery',
  state: 'status',
  steps: {
    acknowledge: { from: [WarningDeliveryStatus.PENDING], to: WarningDeliveryStatus.ACKNOWLEDGED, permission: WarningPermission.WarningRespond, action: 'rescue.warning.acknowledge', event: 'rescue.warning.acknowledged' },
  },
  payload: (d) => ({ warningId: d.warningId, deliveryId: d.id, organizationId: d.organizationId }),
});
