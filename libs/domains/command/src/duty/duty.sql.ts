import { FLOOD_SEASON_SQL } from '@platform/core';
import { commandRules } from '../command.rules';
import { MAX_DUTY_RANGE_DAYS } from './duty.inputs';

/**
 * SQL: the actual interval of an assignment (alias `a`, its `day`) on a shift (alias `s`): from the
 * day at the shift's start, local China time, for the shift's duration. Half-open, so a night shift
 * ending at 08:30 and a day shift starting at 08:30 do not overlap. Used by the coverage's double
 * bookings (over the library's own tables); other libraries ask `onDutyAt` instead.
 */
export const DUTY_INTERVAL_SQL = (a: string, s: string): string =>
  `tstzrange((${a}.day + CAST(${s}.starts_at AS time)) AT TIME ZONE 'Asia/Shanghai', (${a}.day + CAST(${s}.starts_at AS time)) AT TIME ZONE 'Asia/Shanghai' + make_interval(mins => ${s}.duration_minutes))`;

/** SQL: the season ('FLOOD' or 'NORMAL') of a `date` expression. */
export const DUTY_SEASON_SQL = (dayExpr: string): string => `(CASE WHEN ${FLOOD_SEASON_SQL(dayExpr)} THEN 'FLOOD' ELSE 'NORMAL' END)`;

/** The start and end of a shift on a day (China time) as instants, for a loaded shift. */
export function dutyInterval(day: string, startsAt: string, durationMinutes: number): { startsAt: Date; endsAt: Date } {
  const start = new Date(`${day}T${startsAt}:00+08:00`);
  return { startsAt: start, endsAt: new Date(start.getTime() + durationMinutes * 60_000) };
}

/** Refuses a period whose last day is before its first, or longer than 92 days (both days included). */
export function checkDutyRange(from: string, to: string, fromField: string, toField: string): void {
  if (to < from) throw commandRules.field(toField, 'notBeforeFrom', `must not be before ${fromField} (${from}).`);
  const days = Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
  if (days > MAX_DUTY_RANGE_DAYS) throw commandRules.field(toField, 'maxRange', `the period may span at most ${MAX_DUTY_RANGE_DAYS} days (it spans ${days}).`);
}

/** An instant as China time `YYYY-MM-DD HH:MM`, for messages. */
export function chinaTime(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}
