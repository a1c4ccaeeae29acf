import { IsISO8601, Matches, ValidateBy, ValidateIf } from 'class-validator';
import { BadUserInputError } from '../errors/errors';
import { todayInChina } from '../time/china-day';
import { DATE_RANGE_RULE, EARLIEST_DAY, LATEST_DAY } from '../scalars/scalars';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** True for a day YYYY-MM-DD within EARLIEST_DAY…LATEST_DAY (same-length ISO days compare as strings). */
export const isPlausibleDay = (day: string): boolean => day >= EARLIEST_DAY && day <= LATEST_DAY;

/**
 * For update fields that cannot be cleared: unlike IsOptional, null is validated (and refused by
 * the field's rules) instead of reaching a NOT NULL column; only an omitted field is skipped.
 */
export const UnlessOmitted = () => ValidateIf((_input: object, value: unknown) => value !== undefined);

/**
 * A calendar day YYYY-MM-DD (strict ISO 8601, so 2025-02-30 is refused) from 1900-01-01 to
 * 2100-12-31 (rule `dateRange`).
 */
export function IsDay(field: string): PropertyDecorator {
  return (target, key) => {
    IsISO8601({ strict: true })(target, key);
    Matches(DAY, { message: `${field} must be a date YYYY-MM-DD` })(target, key);
    ValidateBy({
      name: 'dateRange',
      // A malformed day is reported by the two rules above only.
      validator: { validate: (value: unknown) => typeof value !== 'string' || !DAY.test(value) || isPlausibleDay(value), defaultMessage: () => `${field} ${DATE_RANGE_RULE}` },
    })(target, key);
  };
}

/**
 * Refuses a day (YYYY-MM-DD) after `today` (services pass `ctx.clock.today()`; the system clock's day
 * in China otherwise), naming the field (rule `notFuture`); null and undefined pass.
 */
export function assertNotFuture(day: string | null | undefined, field: string, today: string = todayInChina()): void {
  if (day && day > today) throw BadUserInputError.field(field, 'notFuture', 'must not be in the future.');
}
