import { defineEvents, payload } from '@platform/core';
import { DutyActions, DutyLists, DutyReports } from './duties.entities';

/** What a duty list's events carry: the list, its official and year. */
type DutyListPayload = { id: string; personId: string; organizationId: string; year: number };
/** What a duty report's events carry: the report and its official. */
type DutyReportPayload = { id: string; personId: string; organizationId: string };

/**
 * The events of duty lists and duty reports (ids only). A list's items changing while in draft is
 * `responsibility.duty-list.changed`; signing and revising have their own.
 */
export const dutyEvents = defineEvents({
  'responsibility.duty-list.created': payload<DutyListPayload>(DutyLists),
  'responsibility.duty-list.changed': payload<DutyListPayload>(DutyLists),
  'responsibility.duty-list.signed': payload<DutyListPayload>(DutyLists),
  'responsibility.duty-list.revised': payload<DutyListPayload & { previousId: string }>(DutyLists),
  'responsibility.duty-action.recorded': payload<{ id: string; itemId: string; listId: string }>(DutyActions),
  'responsibility.duty-report.drafted': payload<DutyReportPayload>(DutyReports),
  'responsibility.duty-report.updated': payload<DutyReportPayload>(DutyReports),
  'responsibility.duty-report.submitted': payload<DutyReportPayload>(DutyReports),
});

export type DutyEvents = typeof dutyEvents;
