import { ValidateIf } from 'class-validator';
import { BadUserInputError } from '../errors/errors';
import { todayInChina } from '../time/china-day';

/**
 * For update fields that cannot be cleared: unlike IsOptional, null is validated (and refused by
 * the field's rules) instead of reaching a NOT NULL column; only an omitted field is skipped.
 */
export const UnlessOmitted = () => ValidateIf((_input: object, value: unknown) => value !== undefined);

/**
 * Refuses a day (YYYY-MM-DD) after `today` (services pass `ctx.clock.today()`; the system clock's day
 * in China otherwise), naming the field (rule `notFuture`); null and undefined pass.
 */
export function assertNotFuture(day: string | null | undefined, field: string, today: string = todayInChina()): void {
  if (day && day > today) throw BadUserInputError.field(field, 'notFuture', 'must not be in the future.');
}

/** The options of an optional `on: LocalDate` argument of a field computed for a day (a rule's `inForce(on:)`, an article's `status(on:)`): today in China when omitted. */
export const ON_DAY_ARGUMENT = { nullable: true, description: '日期。The day (YYYY-MM-DD); today in China when omitted.' } as const;
