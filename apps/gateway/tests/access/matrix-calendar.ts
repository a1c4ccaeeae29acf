import { NIL, READERS, type MatrixRows } from './matrix-roles';

/**
 * The kernel's working-day calendar: every operation with who may call it. Reading the calendar and
 * computing due dates: every signed-in role; keeping it: the town safety office (and the super admin).
 * The create names a day that has an entry already, so an allowed caller writes nothing.
 */
export const CALENDAR_ROWS: MatrixRows = {
  'Query.calendarDays': { op: `{ calendarDays(first: 1) { totalCount } }`, allowed: READERS },
  'Query.dueDate': { op: `{ dueDate(from: "2025-09-30", workingDays: 1) }`, allowed: READERS },
  'Query.workingDaysBetween': { op: `{ workingDaysBetween(from: "2025-09-30", to: "2025-10-09") }`, allowed: READERS },
  'Mutation.createCalendarDay': { op: `mutation { createCalendarDay(input: { day: "2025-10-01", kind: HOLIDAY, name: "国庆节", source: "矩阵测试" }) { id } }`, allowed: ['admin', 'anban'] },
  'Mutation.updateCalendarDay': { op: `mutation { updateCalendarDay(input: { id: "${NIL}", version: 1, name: "x" }) { id } }`, allowed: ['admin', 'anban'] },
  'Mutation.archiveCalendarDay': { op: `mutation { archiveCalendarDay(input: { id: "${NIL}", version: 1 }) { id } }`, allowed: ['admin', 'anban'] },
};
