import { IsInt, Max, Min } from 'class-validator';

/** A rule's priority: a whole number from -1000 to 1000 (the highest applies when rules overlap). */
export function IsRulePriority(): PropertyDecorator {
  // Registered in the order the stacked decorators `@IsInt() @Min(-1000) @Max(1000)` would be.
  return (target, key) => {
    Max(1000)(target, key);
    Min(-1000)(target, key);
    IsInt()(target, key);
  };
}
