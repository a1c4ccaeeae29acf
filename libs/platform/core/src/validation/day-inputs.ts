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

/**
 * Refuses a range whose end lies before its start, naming the end's field (rule `notBeforeFrom`, e.g.
 * `filter.to` "must not be before from."); days (YYYY-MM-DD) and instants alike, and a range with
 * either end missing passes.
 */
export function assertNotBefore<V extends string | Date>(from: V | null | undefined, to: V | null | undefined, field: string, fromName: string): void {
  if (from == null || to == null) return;
  const before = from instanceof Date && to instanceof Date ? to.getTime() < from.getTime() : to < from;
  if (before) throw BadUserInputError.field(field, 'notBeforeFrom', `must not be before ${fromName}.`);
}

/** The options of an optional `on: LocalDate` argument of a field computed for a day (a rule's `inForce(on:)`, an article's `status(on:)`): today in China when omitted. */
export const ON_DAY_ARGUMENT = { nullable: true, description: '日期。The day (YYYY-MM-DD); today in China when omitted.' } as const;
