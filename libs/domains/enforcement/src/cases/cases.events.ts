import { defineEvents, payload } from '@platform/core';
import { PenaltyCases } from './cases.entities';

/** What a case's events carry (ids, the enterprise and the status). */
export type PenaltyCasePayload = { id: string; code: string; enterpriseId: string; status: string };

const about = () => payload<PenaltyCasePayload>(PenaltyCases);

/** Every event of penalty cases: filing, the file's records and each workflow step. */
export const caseEvents = defineEvents({
  'enforcement.case.filed': about(),
  'enforcement.case.updated': about(),
  'enforcement.case.investigating': about(),
  'enforcement.case.investigated': about(),
  'enforcement.case.reviewed': about(),
  'enforcement.case.notified': about(),
  'enforcement.case.hearingNotified': about(),
  'enforcement.case.heard': about(),
  'enforcement.case.decided': about(),
  'enforcement.case.served': about(),
  'enforcement.case.executing': about(),
  'enforcement.case.closed': about(),
  'enforcement.case.archived': about(),
  'enforcement.case.suspended': about(),
  'enforcement.case.resumed': about(),
  'enforcement.case.extended': about(),
});

export type CaseEvents = typeof caseEvents;
