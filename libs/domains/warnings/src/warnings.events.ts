import { defineEvents, payload } from '@platform/core';
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
  'rescue.warning.issued': payload<WarningRecordPayload>(),
  'rescue.warning.updated': payload<WarningReplacementPayload>(),
  'rescue.warning.cancelled': payload<WarningReplacementPayload>(),
  /** A record in force passed its expiry time (the escalation sweep marks it EXPIRED). */
  'rescue.warning.expired': payload<{ id: string; chainId: string; level: WarningLevel }>(),
  /** A delivery was acknowledged (叫应). */
  'rescue.warning.acknowledged': payload<{ warningId: string; deliveryId: string; organizationId: string }>(),
  /** A delivery nobody acknowledged in time moved a step up the chain (the sweep). */
  'rescue.warning.escalated': payload<{ deliveryId: string; warningId: string; organizationId: string; step: number; toPersonId: string | null }>(),
  'rescue.warning.escalationPolicyUpdated': payload<{ level: WarningLevel; minutes: number; maxSteps: number }>(),
  'rescue.warning-response-action.completed': payload<{ id: string; deliveryId: string; organizationId: string; completedByPersonId: string | null }>(),
  'rescue.warning-response-template.created': payload<{ id: string; hazardType: WarningHazardType | null; minLevel: WarningLevel }>(),
  'rescue.warning-response-template.updated': payload<{ id: string }>(),
  'rescue.warning-response-template.archived': payload<{ id: string }>(),
});

export type WarningsEvents = typeof warningsEvents;
