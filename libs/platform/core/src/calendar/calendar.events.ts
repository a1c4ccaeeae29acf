import { defineEvents, payload } from '../events/event-catalog';
import { CalendarDays } from './calendar.entities';

/** What a calendar event carries: the entry and its day. */
type CalendarDayPayload = { id: string; day: string };

/** The working-day calendar's events: an entry entered, changed or withdrawn (deadlines computed later follow it). */
export const calendarEvents = defineEvents({
  'kernel.calendar-day.created': payload<CalendarDayPayload>(CalendarDays),
  'kernel.calendar-day.updated': payload<CalendarDayPayload>(CalendarDays),
  'kernel.calendar-day.archived': payload<CalendarDayPayload>(CalendarDays),
});
