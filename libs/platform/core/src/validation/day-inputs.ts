import { IsISO8601, Matches, ValidateIf } from 'class-validator';
import { BadUserInputError } from '../errors/errors';
import { todayInChina } from '../time/china-day';

/**
 * For update fields that cannot be cleared: unlike IsOptional, null is validated (and refused by
 * the field's rules) instead of reaching a NOT NULL column; only an omitted field is skipped.
 */
export const UnlessOmitted = () => ValidateIf((_input: object, value: unknown) => value !== undefined);

/** A calendar day YYYY-MM-DD (strict ISO 8601, so 2025-02-30 is refused). */
export function IsDay(field: string): PropertyDecorator {
  return (target, key) => {
    IsISO8601({ strict: true })(target, key);
    Matches(/^\d{4}-\d{2}-\d{2}$/, { message: `${field} must be a date YYYY-MM-DD` })(target, key);
  };
}

/** Refuses a day (YYYY-MM-DD) after today in China, naming the field (rule `notFuture`); null and undefined pass. */
export function assertNotFuture(day: string | null | undefined, field: string): void {
  if (day && day > todayInChina()) throw BadUserInputError.field(field, 'notFuture', 'must not be in the future.');
}
