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
