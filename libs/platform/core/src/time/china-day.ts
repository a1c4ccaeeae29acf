/**
 * Days of the town's records (trainings, inspections, deadlines) are China Standard Time days: a
 * training held at 23:30 on 30 June is on 2025-06-30 whatever the server's time zone. Request and job
 * code takes today from its clock (`ctx.clock.today()`); without `now` this reads the system clock.
 */
export function todayInChina(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

// No SQL "today" on purpose: a rule that turns on today (overdue, due, expired) takes the clock's day as a
// parameter, `CAST(:today AS date)` with `ctx.clock.today()`, so a test's ManualClock moves it too.

/** SQL: the day in China of a `timestamptz` column, e.g. when a hazard was found. */
export const localDaySql = (timestampColumn: string): string => `(${timestampColumn} AT TIME ZONE 'Asia/Shanghai')::date`;

/** Milliseconds in a calendar day (of UTC dates: no daylight saving). */
const DAY_MS = 86_400_000;

/**
 * The calendar day `days` after `day` (before it when negative), both YYYY-MM-DD: e.g. the last day
 * of a period that a successor starts on `day` is `addDays(day, -1)`. Calendar days; working days
 * are the calendar's (`workingDays.add`).
 */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The day `years` calendar years after `day` (YYYY-MM-DD), on the same month and day, or the month's
 * last day when it has none (2024-02-29 + 1 year = 2025-02-28), as PostgreSQL's `date + interval`.
 */
export function addYears(day: string, years: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const year = y + years;
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** Calendar days from `from` to `to` (both YYYY-MM-DD; negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}
