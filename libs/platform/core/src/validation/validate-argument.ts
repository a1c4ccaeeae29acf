import { validate, type ValidationError } from 'class-validator';
import { LRUCache } from 'lru-cache';
import type { ResolverData } from 'type-graphql';
import { BadUserInputError } from '../errors/errors';
import type { FieldViolation } from '../errors/error-codes';

/** Per input class prototype: the string fields kept exactly as sent. */
const UNTRIMMED = new WeakMap<object, Set<string>>();

/**
 * Keeps a string input field (or a list of strings) exactly as sent: the kernel trims every other
 * input string before validation. For secrets such as passwords, where a space is part of the value,
 * and texts identified by their hash (trusted documents).
 */
export function Untrimmed(): PropertyDecorator {
  return (target, key) => {
    const keys = UNTRIMMED.get(target) ?? new Set<string>();
    keys.add(String(key));
    UNTRIMMED.set(target, keys);
  };
}

function isUntrimmed(input: object, key: string): boolean {
  for (let proto = Object.getPrototypeOf(input); proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
    if (UNTRIMMED.get(proto)?.has(key)) return true;
  }
  return false;
}

/** An instance of an input or arguments class, as type-graphql builds them (not a plain JSON object). */
const isInputObject = (value: unknown): value is Record<string, unknown> => {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto !== null && proto !== Object.prototype;
};

/**
 * Trims, in place, the strings of an argument value: fields of input objects, nested input objects
 * and lists, except fields (and lists of strings) marked `@Untrimmed()`. Plain objects are JSON scalar values (e.g. GeoJSON)
 * and stay as sent. Runs before validation so `@Length(1, …)` refuses a blank string. Iterative: a
 * list value may nest deeply.
 */
export function trimStrings(value: unknown): void {
  const pending: unknown[] = [value];
  while (pending.length) {
    const item = pending.pop();
    if (Array.isArray(item)) {
      for (let i = 0; i < item.length; i++) {
        const element: unknown = item[i];
        if (typeof element === 'string') item[i] = element.trim();
        else if (Array.isArray(element) || isInputObject(element)) pending.push(element);
      }
    } else if (isInputObject(item)) {
      for (const key of Object.keys(item)) {
        const field = item[key];
        if (typeof field === 'string') {
          if (!isUntrimmed(item, key)) item[key] = field.trim();
        } else if (isInputObject(field) || (Array.isArray(field) && !isUntrimmed(item, key))) pending.push(field);
      }
    }
  }
}

/** Flattens class-validator errors into `{field, rule, message}` with dotted paths. */
export function violationsOf(errors: readonly ValidationError[], prefix = ''): FieldViolation[] {
  const out: FieldViolation[] = [];
  for (const e of errors) {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    for (const [rule, message] of Object.entries(e.constraints ?? {})) out.push({ field, rule, message });
    if (e.children?.length) out.push(...violationsOf(e.children, field));
  }
  return out;
}

/**
 * Small argument values already found valid, by class and JSON (e.g. `PageArgs {"first":20}`): a
 * nested connection asks for the same page once per parent row, and class-validator's rules are
 * pure, so a repeat is answered from here. Only values up to 256 characters are kept. The server's
 * page-resolver shortcut (`server/src/perf/`) asks it too, to skip type-graphql's argument pipeline.
 */
const KNOWN_VALID = new LRUCache<string, true>({ max: 2000 });

/**
 * A number per argument class: the memo is keyed by the class itself, not its name, since two modules
 * may each have a `ListArgs` with different rules (a name key would let one's valid value pass the other).
 */
const classNumbers = new WeakMap<object, number>();
let classes = 0;

function classNumber(constructor: object): number {
  let n = classNumbers.get(constructor);
  if (n === undefined) classNumbers.set(constructor, (n = ++classes));
  return n;
}

/** True when this small argument value (same class and JSON) already passed validation. */
export function isKnownValid(value: object): boolean {
  const key = validMemoKey(value);
  return key !== null && KNOWN_VALID.has(key);
}

function validMemoKey(value: object): string | null {
  const json = JSON.stringify(value);
  return json.length <= 256 ? `${classNumber(value.constructor)}:${json}` : null;
}

/**
 * type-graphql `validateFn`: class-validator on every argument object, failing with
 * BAD_USER_INPUT whose `fields` carry full argument paths (`input.contacts.0.phone`), so a client
 * can point at the exact form field. `@ArgsType` classes hold the top-level arguments themselves
 * and get no prefix; an `@Arg('input')` object gets its argument name. Strings are trimmed first
 * (see `trimStrings`), so the resolver gets the value that was validated.
 */
export async function validateArgument(argValue: unknown, _argType: unknown, { args }: ResolverData<object>): Promise<void> {
  if (argValue === null || typeof argValue !== 'object') return;
  trimStrings(argValue);
  const memoKey = validMemoKey(argValue);
  if (memoKey !== null && KNOWN_VALID.has(memoKey)) return;
  const values = Array.isArray(argValue) ? argValue : [argValue];
  const errors = (await Promise.all(values.filter((v) => v && typeof v === 'object').map((v) => validate(v as object, { forbidUnknownValues: false })))).flat();
  if (!errors.length) {
    if (memoKey !== null) KNOWN_VALID.set(memoKey, true);
    return;
  }
  const rawArgs = args as Record<string, unknown>;
  const isArgsType = Object.keys(rawArgs).every((k) => k in (argValue as object));
  const prefix = isArgsType ? '' : (Object.keys(rawArgs).find((k) => rawArgs[k] !== null && typeof rawArgs[k] === 'object') ?? '');
  const fields = violationsOf(errors, prefix);
  throw BadUserInputError.fields(fields);
}

/**
 * The values checked by the same rules as the API's input class `cls` (trimmed the same way), for
 * entries other than GraphQL: command-line tools, bootstrap. Fails with the same BAD_USER_INPUT,
 * fields named by `prefix` (e.g. `--password` as `password`). Returns the instance validated.
 */
export async function validateInput<T extends object>(cls: new () => T, values: Partial<T>, prefix = ''): Promise<T> {
  const input = Object.assign(new cls(), values);
  trimStrings(input);
  const errors = await validate(input, { forbidUnknownValues: false });
  if (errors.length) {
    const fields = violationsOf(errors, prefix);
    throw BadUserInputError.fields(fields);
  }
  return input;
}

