import { IsInt, IsNumber, Max, Min } from 'class-validator';

// Each is registered in the order its stacked decorators (`@IsInt() @Min(…) @Max(…)`) would be,
// so violations are reported as before.

/** A whole number from `min` to `max`: counts, quantities, days. */
export function IsIntBetween(min: number, max: number): PropertyDecorator {
  return (target, key) => {
    Max(max)(target, key);
    Min(min)(target, key);
    IsInt()(target, key);
  };
}

/** A finite number from 0 to `max` with at most two decimals: areas in hectares (amounts of money are `Decimal`s: `DecimalRange`). */
export function IsDecimal2Between0And(max: number): PropertyDecorator {
  return (target, key) => {
    Max(max)(target, key);
    Min(0)(target, key);
    IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false })(target, key);
  };
}
