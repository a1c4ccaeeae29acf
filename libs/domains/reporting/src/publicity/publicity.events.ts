import { defineEvents, payload } from '@platform/core';
import { EvacuationCommendations, PublicityActivities } from './publicity.entities';

/** What an activity's events carry. */
export type PublicityActivityPayload = { id: string; organizationId: string; kind: string; heldOn: string };

/** Every event of the publicity part. */
export const publicityEvents = defineEvents({
  'reporting.publicity-activity.recorded': payload<PublicityActivityPayload>(PublicityActivities),
  'reporting.publicity-activity.updated': payload<PublicityActivityPayload>(PublicityActivities),
  'reporting.publicity-activity.removed': payload<PublicityActivityPayload>(PublicityActivities),
  'reporting.evacuation-commendation.recorded': payload<{ id: string; warningId: string; organizationId: string }>(EvacuationCommendations),
});

export type PublicityEvents = typeof publicityEvents;
