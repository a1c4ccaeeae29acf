import { getMetadataStorage } from 'class-validator';
import { InternalsChangedError, installedVersion } from './internals-check';

/** The methods of class-validator's metadata storage this file wraps (`getMetadataStorage()`, not a documented API). */
const WRAPPED = ['getTargetValidationMetadatas', 'groupByPropertyName', 'addValidationMetadata', 'addConstraintMetadata'] as const;

type Method = (...args: unknown[]) => unknown;
type Storage = Record<(typeof WRAPPED)[number], Method>;

/** Marks a storage already wrapped, so a second call (another gateway in the same process) changes nothing. */
const MEMOIZED = Symbol.for('town-safety.validation-metadata-memo');

/** What class-validator's metadata storage lacks of the shape memoization relies on; empty when it holds. Pure, for tests. */
export function validationMetadataProblems(storage: unknown): string[] {
  if (storage === null || typeof storage !== 'object') return [`getMetadataStorage() is ${storage === null ? 'null' : typeof storage}, not the metadata storage`];
  const s = storage as Record<string, unknown>;
  return WRAPPED.filter((name) => typeof s[name] !== 'function').map((name) => `getMetadataStorage().${name} is ${typeof s[name]}, not a function`);
}

/**
 * class-validator looks up a class's rules on every `validate()` by walking every class that has
 * rules, with an `instanceof` test each (to find inherited ones): with the platform's several hundred
 * input classes that walk was 8 % of the gateway's CPU time on a create (`tools/bench/RESULTS.md`,
 * W1). Rules are registered as classes are declared and not changed afterwards, so the lookup is kept
 * per class and options, and so is its grouping by property (which `validate` does next, on the
 * array the lookup returned); registering any rule later (a class declared after the first
 * validation) empties both. The results are class-validator's own arrays, read and never changed by
 * its validator. Idempotent; throws `InternalsChangedError` when the storage has another shape.
 */
export function memoizeValidationMetadata(storage: unknown = getMetadataStorage()): void {
  const problems = validationMetadataProblems(storage);
  if (problems.length) throw new InternalsChangedError('class-validator', installedVersion('class-validator'), problems, 'libs/platform/core/src/perf/README.md');
  const s = storage as Storage & { [MEMOIZED]?: true };
  if (s[MEMOIZED]) return;
  const lookup = s.getTargetValidationMetadatas.bind(s);
  const group = s.groupByPropertyName.bind(s);
  const addRule = s.addValidationMetadata.bind(s);
  const addConstraint = s.addConstraintMetadata.bind(s);
  let byClass = new WeakMap<object, Map<string, unknown[]>>();
  let grouped = new WeakMap<object, unknown>();
  const forget = () => {
    byClass = new WeakMap();
    grouped = new WeakMap();
  };
  s.getTargetValidationMetadatas = (target: unknown, schema: unknown, always: unknown, strictGroups: unknown, groups: unknown) => {
    // Schemas by name (strings) and anything but a class: class-validator's own lookup, as before.
    if (typeof target !== 'function' || (schema !== undefined && typeof schema !== 'string')) return lookup(target, schema, always, strictGroups, groups);
    const key = JSON.stringify([schema ?? null, !!always, !!strictGroups, Array.isArray(groups) ? groups : null]);
    let kept = byClass.get(target);
    if (!kept) byClass.set(target, (kept = new Map()));
    let rules = kept.get(key);
    if (!rules) kept.set(key, (rules = lookup(target, schema, always, strictGroups, groups) as unknown[]));
    return rules;
  };
  s.groupByPropertyName = (rules: unknown) => {
    if (rules === null || typeof rules !== 'object') return group(rules);
    let byProperty = grouped.get(rules);
    if (byProperty === undefined) grouped.set(rules, (byProperty = group(rules)));
    return byProperty;
  };
  s.addValidationMetadata = (metadata: unknown) => {
    forget();
    return addRule(metadata);
  };
  s.addConstraintMetadata = (metadata: unknown) => {
    forget();
    return addConstraint(metadata);
  };
  s[MEMOIZED] = true;
}
