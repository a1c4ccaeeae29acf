import { defineEvents, payload } from '@platform/core';
import { AccidentInvestigations } from './accidents.entities';

/** What an investigation's events carry (ids, the organization, the status and the grade). */
export type AccidentInvestigationPayload = { id: string; incidentId: string; organizationId: string; status: string; grade: string | null };

const about = () => payload<AccidentInvestigationPayload>(AccidentInvestigations);

/** Every event of accident investigations. */
export const accidentEvents = defineEvents({
  'enforcement.accident.opened': about(),
  'enforcement.accident.refreshed': about(),
  /** The grade changed on a refresh. */
  'enforcement.accident.regraded': about(),
  'enforcement.accident.updated': about(),
  'enforcement.accident.teamSet': about(),
  'enforcement.accident.extended': about(),
  'enforcement.accident.submitReport': about(),
  'enforcement.accident.recordReply': about(),
  'enforcement.accident.close': about(),
  'enforcement.accident.fourNotSparedUpdated': about(),
  'enforcement.accident.oversightFindingAdded': about(),
  'enforcement.accident.measureAdded': about(),
  'enforcement.accident.measureUpdated': about(),
});

export type AccidentEvents = typeof accidentEvents;
