import { defineEvents, payload } from '@platform/core';
import { Inspections } from './inspections.entities';

/** What an inspection's events carry (ids, the enterprise and the status). */
export type InspectionPayload = { id: string; code: string; enterpriseId: string; status: string };

const about = () => payload<InspectionPayload>(Inspections);

/** Every event of inspections: planning, changes and each workflow step. */
export const inspectionEvents = defineEvents({
  'enforcement.inspection.planned': about(),
  'enforcement.inspection.updated': about(),
  'enforcement.inspection.submitted': about(),
  'enforcement.inspection.approved': about(),
  'enforcement.inspection.rejected': about(),
  'enforcement.inspection.recorded': about(),
  'enforcement.inspection.rectificationOrdered': about(),
  'enforcement.inspection.reinspected': about(),
  'enforcement.inspection.closed': about(),
  'enforcement.inspection.cancelled': about(),
});

export type InspectionEvents = typeof inspectionEvents;
