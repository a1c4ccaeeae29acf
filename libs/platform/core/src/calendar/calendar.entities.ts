import { defineScopedEntity } from '../data/entity';
import { ALL_ROWS } from '../data/organization-scope';
import { CalendarDay } from './calendar-day.entity';
import { CalendarPermission } from './calendar.permissions';

/** The calendar is the same for everyone: every day is in scope, and the operations require their permission as usual. */
export const CalendarDays = defineScopedEntity(CalendarDay, {
  table: 'calendar_day',
  scope: { custom: () => ALL_ROWS },
  read: CalendarPermission.Read,
  write: CalendarPermission.Manage,
});
