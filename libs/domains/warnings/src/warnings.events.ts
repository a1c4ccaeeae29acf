import { defineEvents, payload } from '@platform/core';
import { WarningDeliveries, WarningResponseActions, WarningResponseTemplates, Warnings } from './warnings.entities';
import type { WarningHazardType, WarningLevel } from './model/warning.enums';

/** What a warning record's issue, update and cancellation carry: the new record, its chain, level and targets. */
type WarningRecordPayload = { id: string; chainId: string; level: WarningLevel; organizationIds: string[] };
/** An update or a cancellation also names the record it replaces. */
type WarningReplacementPayload = WarningRecordPayload & { supersedesId: string };

/**
 * Every event the warnings module emits, with its payload (names unchanged from the rescue module:
 * `rescue.` prefix): producers emit through these entries and consumers (the warningIssued and
 * deliveryAcknowledged subscriptions, other modules) take the payload types from them.
 */
export const warningsEvents = defineEvents({
  'rescue.warning.issued': payload<WarningRecordPayload>(Warnings),
  'rescue.warning.updated': payload<WarningReplacementPayload>(Warnings),
  'rescue.warning.cancelled': payload<WarningReplacementPayload>(Warnings),
  /** A record in force passed its expiry time (the escalation sweep marks it EXPIRED). */
  'rescue.warning.expired': payload<{ id: string; chainId: string; level: WarningLevel }>(Warnings),
  /** A delivery was acknowledged (叫应). */
  'rescue.warning.acknowledged': payload<{ warningId: string; deliveryId: string; organizationId: string }>({ entity: WarningDeliveries, field: 'deliveryId' }),
  /** A delivery nobody acknowledged in time moved a step up the chain (the sweep). */
  'rescue.warning.escalated': payload<{ deliveryId: string; warningId: string; organizationId: string; step: number; toPersonId: string | null }>({ entity: WarningDeliveries, field: 'deliveryId' }),
  'rescue.warning.escalationPolicyUpdated': payload<{ level: WarningLevel; minutes: number; maxSteps: number }>(),
  'rescue.warning-response-action.completed': payload<{ id: string; deliveryId: string; organizationId: string; completedByPersonId: string | null }>(WarningResponseActions),
  'rescue.warning-response-template.created': payload<{ id: string; hazardType: WarningHazardType | null; minLevel: WarningLevel }>(WarningResponseTemplates),
  'rescue.warning-response-template.updated': payload<{ id: string }>(WarningResponseTemplates),
  'rescue.warning-response-template.archived': payload<{ id: string }>(WarningResponseTemplates),
});

export type WarningsEvents = typeof warningsEvents;
