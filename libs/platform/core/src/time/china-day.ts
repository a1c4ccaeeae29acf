/**
 * Days of the town's records (trainings, inspections, deadlines) are China Standard Time days: a
 * training held at 23:30 on 30 June is on 2025-06-30 whatever the server's time zone.
 */
export function todayInChina(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** SQL: today's day in China (a `date`), for conditions such as deadlines passed. */
export const TODAY_SQL = `(now() AT TIME ZONE 'Asia/Shanghai')::date`;

/** SQL: the day in China of a `timestamptz` column, e.g. when a hazard was found. */
export const localDaySql = (timestampColumn: string): string => `(${timestampColumn} AT TIME ZONE 'Asia/Shanghai')::date`;
