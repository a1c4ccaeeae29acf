import { ValidateBy, type ValidationArguments } from 'class-validator';
import { compareDecimals } from '../scalars/decimal';

const isDecimal = (value: unknown): value is string => typeof value === 'string';

/**
 * A Decimal input (the normalized string the `Decimal` scalar gives the resolver) within a range,
 * compared exactly, never as a float. The rules are named as class-validator's for numbers: `max`
 * above `max`; `isPositive` when `positive` and not above 0, else `min` below `min`. The scalar has
 * already refused what is not a decimal of scale 2.
 */
export function DecimalRange(range: { readonly max: string; readonly min?: string; readonly positive?: boolean }): PropertyDecorator {
  return (target, key) => {
    // Registered in the order the stacked decorators `@Max(…) @Min(…)` would be.
    ValidateBy({
      name: 'max',
      validator: {
        validate: (value: unknown) => !isDecimal(value) || compareDecimals(value, range.max) <= 0,
        defaultMessage: (args?: ValidationArguments) => `${args?.property} must not be greater than ${range.max}`,
      },
    })(target, key);
    if (range.positive) {
      ValidateBy({
        name: 'isPositive',
        validator: { validate: (value: unknown) => !isDecimal(value) || compareDecimals(value, '0') > 0, defaultMessage: (args?: ValidationArguments) => `${args?.property} must be a positive number` },
      })(target, key);
    } else if (range.min !== undefined) {
      const min = range.min;
      ValidateBy({
        name: 'min',
        validator: { validate: (value: unknown) => !isDecimal(value) || compareDecimals(value, min) >= 0, defaultMessage: (args?: ValidationArguments) => `${args?.property} must not be less than ${min}` },
      })(target, key);
    }
  };
}
